import type { IncomingHttpHeaders } from 'node:http';
import { strictUtf8Text } from '../../../shared/body-bytes';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { jsonTextTooDeep, parseBoundedJson } from '../../../shared/json/bounded-json';
import { archiveFileName, type ArchivedRequest, type EventArchiveFormat, type EventImportResult, type ImportSkip } from '../../../shared/interop/event-archive';
import type { ReadArchive } from '../../../shared/interop/event-archive-import';
import { harEntry, harEntryText, harHead, harTail, type HarExportContext } from '../../../shared/interop/har';
import { ndjsonLine } from '../../../shared/interop/ndjson';
import { PUSH_KEY_HEADERS } from '../../../shared/relay/forward-request';
import type { EventListQuery, HookEvent } from '../../../shared/schemas/event';
import type { EngineContext } from '../engine-context';
import { BODY_DEPTH_NOTE, MAX_BODY_DEPTH } from '../ingest/body-depth';
import { readCapturedContent } from '../ingest/capture-decoded';
import type { ConnectorService } from '../ingest/connector-service';
import { REDACTED } from '../ingest/request-headers';
import { discoverDataSource } from '../ingest/tagging/data-source';
import { discoverType } from '../ingest/tagging/event-type';
import { toEventView } from '../relay/event-view';
import type { StoredConnector } from '../store/workspace-data';

/** Text is handed to the writer in pieces of about this size (fewer, larger socket or file writes). */
const CHUNK_CHARS = 64 * 1024;

/** What an export holds: the events, the connector they belong to (when one was named), and the file's name. */
export interface EventSelection {
  events: HookEvent[];
  connector: StoredConnector | null;
  fileName: string;
}

/**
 * Events out and in: HAR 1.2 or NDJSON of stored events (written in pieces, so a large log never
 * sits in memory as one string), and imports of such files into a connector. Used by the routes and
 * by the CLI's `export-events` on a data dir.
 */
export class EventArchiveService {
  constructor(
    private readonly ctx: EngineContext,
    private readonly connectors: ConnectorService,
  ) {}

  /** The events of the list's filters (newest first), only `ids` when given; 404 for an unknown connector. */
  select(query: EventListQuery & { ids?: readonly string[] | undefined }, format: EventArchiveFormat): EventSelection {
    const connector = query.connectorId === undefined ? null : this.connectorOr404(query.connectorId);
    const { ids, ...filters } = query;
    let events = this.ctx.store.events.list(filters);
    if (ids !== undefined) {
      const wanted = new Set(ids);
      events = events.filter((e) => wanted.has(e.id));
    }
    return { events, connector, fileName: archiveFileName(connector?.name ?? null, format) };
  }

  /** Writes the selection as `format`; `write` may answer a promise to hold the next piece back (backpressure). */
  async write(selection: EventSelection, format: EventArchiveFormat, write: (chunk: string) => void | Promise<void>): Promise<void> {
    let buffer = '';
    const push = async (text: string): Promise<void> => {
      buffer += text;
      if (buffer.length < CHUNK_CHARS) return;
      const chunk = buffer;
      buffer = '';
      await write(chunk);
    };
    if (format === 'ndjson') {
      for (const event of selection.events) {
        const line = ndjsonLine(toEventView(event));
        if (line !== null) await push(line);
      }
    } else {
      const context = this.harContext();
      const about = { exportedTime: new Date(this.ctx.clock.now()).toISOString(), connector: selection.connector ? { id: selection.connector.id, name: selection.connector.name } : null, events: selection.events.length };
      await push(harHead(this.ctx.config.version, about));
      let first = true;
      for (const event of selection.events) {
        await push(harEntryText(harEntry(toEventView(event), context), first));
        first = false;
      }
      await push(harTail());
    }
    if (buffer !== '') await write(buffer);
  }

  /**
   * Adds a file's entries to a connector as new events marked imported, in one durable write: the
   * good entries all, or (when the write fails) none. Entries that cannot be events are skipped
   * with the reason. Imported events are not forwarded and cause no deliveries.
   */
  async importInto(connectorId: string, archive: ReadArchive): Promise<EventImportResult> {
    const connector = this.connectorOr404(connectorId);
    const now = this.ctx.clock.now();
    const time = new Date(now).toISOString();
    const skipped: ImportSkip[] = [];
    const built: Array<{ event: HookEvent; raw: string | undefined }> = [];
    for (const entry of archive.entries) {
      if (!entry.ok) {
        skipped.push({ index: entry.index, reason: entry.reason });
        continue;
      }
      const made = await this.eventOf(connector, entry.request, now);
      if (typeof made === 'string') {
        skipped.push({ index: entry.index, reason: made });
        continue;
      }
      made.event.imported = { time, format: archive.format, originalId: entry.request.originalId };
      built.push(made);
    }
    // Oldest first, so the list (newest first) shows them in the order they were received.
    const ordered = built.map((b, i) => ({ ...b, i })).sort((a, b) => Date.parse(a.event.receivedTime) - Date.parse(b.event.receivedTime) || a.i - b.i);
    if (ordered.length > 0) {
      await this.connectors.storeEvents(
        connector.id,
        ordered.map((b) => b.event),
        ordered.map((b) => b.raw),
      );
    }
    return { format: archive.format, imported: built.length, ids: built.map((b) => b.event.id), skipped };
  }

  private connectorOr404(id: string): StoredConnector {
    const connector = this.connectors.find(id);
    if (!connector) throw new HookdeskError(404, ErrorCode.notFound, `No connector has the id "${id}".`);
    return connector;
  }

  private harContext(): HarExportContext {
    const fallback = `http://127.0.0.1:${this.ctx.config.port || 8787}`;
    const connectors = new Map(this.connectors.all().map((c) => [c.id, c]));
    return {
      ingestUrl: this.ctx.ingestUrl() || fallback,
      baseUrl: this.ctx.baseUrl() || fallback,
      connectorOf: (id) => connectors.get(id),
    };
  }

  /** An event of `connector` for an imported request, tagged as ingest tags, or why it cannot be one. */
  private async eventOf(connector: StoredConnector, request: ArchivedRequest, nowMs: number): Promise<{ event: HookEvent; raw: string | undefined } | string> {
    const limit = this.ctx.config.maxBodyBytes;
    if (request.bytes.length > limit) return `the body is ${request.bytes.length} bytes, more than the ${limit} a connector takes (--max-body)`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = PUSH_KEY_HEADERS.has(name) ? REDACTED : value;
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    let body: unknown;
    let note: string | undefined;
    let raw: string | undefined;
    let keepBytes = request.source === 'capture';
    if (request.source === 'push') {
      const text = strictUtf8Text(request.bytes);
      if (text === null || text.trim() === '') return 'a pushed event has a JSON body, and this one is empty or not UTF-8 text';
      if (jsonTextTooDeep(text, MAX_BODY_DEPTH)) {
        // As ingest keeps it: the bytes, not parsed, with the note.
        body = null;
        note = BODY_DEPTH_NOTE;
        keepBytes = true;
      } else {
        const parsed = parseBoundedJson(text, MAX_BODY_DEPTH);
        if (!parsed.ok) return `a pushed event has a JSON body: ${parsed.reason}`;
        body = parsed.value;
        raw = text;
      }
    } else {
      const captured = await readCapturedContent(bytes, headers as IncomingHttpHeaders, limit);
      body = captured.body;
      note = captured.note;
    }
    const dataSource = request.dataSource ?? connector.dataSource ?? discoverDataSource(headers, body);
    const event: HookEvent = {
      id: newId('evt', nowMs),
      connectorId: connector.id,
      source: request.source,
      dataSource,
      type: request.type ?? discoverType(dataSource, headers, body, connector.typePath),
      ...(request.version === null ? {} : { version: request.version }),
      ...(request.severity === null ? {} : { severity: request.severity }),
      receivedTime: request.receivedTime,
      headers,
      body,
      size: request.bytes.length,
      remoteAddress: request.remoteAddress,
      ...(request.source === 'capture' ? { method: request.method, path: request.path, query: request.query, contentType: request.contentType } : {}),
      ...(keepBytes ? { bodyBase64: bytes.toString('base64') } : {}),
    };
    if (note !== undefined) event.bodyNote = note;
    return { event, raw };
  }
}
