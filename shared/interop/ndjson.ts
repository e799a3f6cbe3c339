import { z } from 'zod';
import { parseBoundedJson, stringifyBounded } from '../json/bounded-json';
import type { HookEvent } from '../schemas/event';
import { fromBase64, utf8 } from '../signing/bytes';
import { headerRecord, isoTime, MAX_ARCHIVE_DEPTH, MAX_IMPORT_ENTRIES, optionalText, type ArchiveEntry, type ArchivedRequest } from './event-archive';

/**
 * NDJSON of events: one event per line, as the API answers it (`GET /events/:id`), so `bodyBase64`
 * holds a capture's exact bytes. Reading takes the same lines back (unknown fields are ignored).
 * Pure: Node and the browser.
 */

/** A line longer than this is refused alone (a body of 16 MB, base64, plus its record). */
export const MAX_NDJSON_LINE_CHARS = 24 * 1024 * 1024;

/** One event as a line (with its newline), or null when it cannot be written as JSON (it is then left out). */
export function ndjsonLine(event: HookEvent): string | null {
  const written = stringifyBounded(event, MAX_ARCHIVE_DEPTH);
  return written.ok ? `${written.text}\n` : null;
}

const lineSchema = z.object({
  id: z.string().max(200).optional(),
  source: z.string().max(20).optional(),
  type: z.string().max(200).optional(),
  dataSource: z.string().max(200).optional(),
  version: z.string().max(50).optional(),
  severity: z.string().max(50).optional(),
  receivedTime: z.string().max(100),
  headers: z.record(z.string().max(1024), z.string().max(65_536)),
  body: z.unknown().optional(),
  bodyJson: z.string().optional(),
  bodyBase64: z.string().optional(),
  remoteAddress: z.string().max(100).nullable().optional(),
  method: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/, 'is not an HTTP method').optional(),
  path: z.string().max(8192).optional(),
  query: z.string().max(65_536).optional(),
});

/** The lines of an NDJSON text (blank lines skipped, each with its index in the file), or why there are too many. */
export function ndjsonLines(text: string): { ok: true; lines: Array<{ index: number; text: string }> } | { ok: false; reason: string } {
  const lines: Array<{ index: number; text: string }> = [];
  let index = 0;
  for (let start = 0; start < text.length; index += 1) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line.trim() === '') continue;
    if (lines.length === MAX_IMPORT_ENTRIES) return { ok: false, reason: `The file holds more than ${MAX_IMPORT_ENTRIES} events; import it in parts.` };
    lines.push({ index, text: line });
  }
  return { ok: true, lines };
}

/** The body bytes a line holds: `bodyBase64`, else `bodyJson`, else the body (text as is, JSON written). */
function lineBytes(line: z.infer<typeof lineSchema>): Uint8Array | string {
  if (line.bodyBase64 !== undefined) return fromBase64(line.bodyBase64) ?? 'bodyBase64 is not base64';
  if (line.bodyJson !== undefined) return utf8(line.bodyJson);
  if (line.body === undefined || line.body === null) return new Uint8Array(0);
  if (typeof line.body === 'string') return utf8(line.body);
  const written = stringifyBounded(line.body);
  return written.ok ? utf8(written.text) : `body: ${written.reason}`;
}

/** A value as one event to import, or why it cannot be (`index`: its line, counted from 0). */
export function readNdjsonValue(value: unknown, index: number): ArchiveEntry {
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { index, ok: false, reason: issue ? `${issue.path.join('.') || 'line'} ${issue.message}` : 'not an event' };
  }
  const line = parsed.data;
  const receivedTime = isoTime(line.receivedTime);
  if (receivedTime === null) return { index, ok: false, reason: `receivedTime "${line.receivedTime.slice(0, 40)}" is not a date-time` };
  const bytes = lineBytes(line);
  if (typeof bytes === 'string') return { index, ok: false, reason: bytes };
  const headers = headerRecord(Object.entries(line.headers).map(([name, v]) => ({ name, value: v })));
  const push = line.source === 'push' || (line.source !== 'capture' && line.method === undefined);
  const request: ArchivedRequest = {
    source: push ? 'push' : 'capture',
    method: (line.method ?? 'POST').toUpperCase(),
    path: line.path ?? '',
    query: (line.query ?? '').replace(/^\?/, ''),
    headers,
    bytes,
    contentType: headers['content-type'] ?? null,
    receivedTime,
    type: optionalText(line.type, 200),
    dataSource: optionalText(line.dataSource, 200),
    version: optionalText(line.version, 50),
    severity: optionalText(line.severity, 50),
    remoteAddress: line.remoteAddress ?? null,
    originalId: optionalText(line.id, 200),
  };
  return { index, ok: true, request };
}

/** One line of text as one event to import (parsed within the depth bound), or why not. */
export function readNdjsonLine(text: string, index: number): ArchiveEntry {
  if (text.length > MAX_NDJSON_LINE_CHARS) return { index, ok: false, reason: `the line is longer than ${MAX_NDJSON_LINE_CHARS} characters` };
  const parsed = parseBoundedJson(text, MAX_ARCHIVE_DEPTH);
  if (!parsed.ok) return { index, ok: false, reason: parsed.reason.replace(/^The body/, 'The line') };
  return readNdjsonValue(parsed.value, index);
}
