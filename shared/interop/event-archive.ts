import { z } from 'zod';
import { stringifyBounded } from '../json/bounded-json';
import { eventListQuerySchema, type HookEvent } from '../schemas/event';
import { fromBase64, utf8 } from '../signing/bytes';

/**
 * Events out and in (issue "Interop formats"): what the HAR 1.2 and NDJSON files of a connector's
 * events share. Export writes stored events; import reads a file into `ArchivedRequest`s (the
 * request as received: method, path, query, headers, exact body bytes, and what Hookdesk knew),
 * which the engine turns into events of the target connector. Pure: Node and the browser.
 */

export const EVENT_ARCHIVE_FORMATS = ['har', 'ndjson'] as const;
export type EventArchiveFormat = (typeof EVENT_ARCHIVE_FORMATS)[number];

/** Entries (HAR) or lines (NDJSON) one import takes: the default retention of a connector. */
export const MAX_IMPORT_ENTRIES = 10_000;
/** Ids one `GET /events/export?ids=` names (a URL is short); `POST /events/export` takes up to MAX_EXPORT_IDS. */
export const MAX_EXPORT_QUERY_IDS = 500;
export const MAX_EXPORT_IDS = 10_000;
/** The deepest JSON an archive may nest: a stored body's bound plus the record around it. */
export const MAX_ARCHIVE_DEPTH = 256 + 8;

/** What each format is served and imported as. */
export const ARCHIVE_MEDIA_TYPES: Record<EventArchiveFormat, string> = { har: 'application/json', ndjson: 'application/x-ndjson' };
/** Content types `POST /connectors/:id/import` reads as NDJSON (anything JSON is read as HAR, or one event). */
export const NDJSON_MEDIA_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson'] as const;

const formatSchema = z.enum(EVENT_ARCHIVE_FORMATS, { message: 'must be har or ndjson' });
const eventIdSchema = z.string().min(1).max(200);

/** `GET /events/export`: the list's filters, the format, and optionally some ids (comma-separated). */
export const eventExportQuerySchema = eventListQuerySchema.extend({
  format: formatSchema.default('har'),
  ids: z
    .string()
    .max(MAX_EXPORT_QUERY_IDS * 201)
    .transform((text) => text.split(',').map((id) => id.trim()).filter((id) => id !== ''))
    .pipe(z.array(eventIdSchema).min(1, 'must name at least one event').max(MAX_EXPORT_QUERY_IDS, `must name at most ${MAX_EXPORT_QUERY_IDS} events (POST /events/export takes more)`))
    .optional(),
});
export type EventExportQuery = z.infer<typeof eventExportQuerySchema>;

/** `POST /events/export`: the selected events (of one connector, when named) in one file. */
export const eventExportBodySchema = z
  .object({
    format: formatSchema.default('har'),
    connectorId: z.string().min(1).optional(),
    ids: z.array(eventIdSchema).min(1, 'must name at least one event').max(MAX_EXPORT_IDS, `must name at most ${MAX_EXPORT_IDS} events`),
  })
  .strict();
export type EventExportBody = z.infer<typeof eventExportBodySchema>;

/** A request read from an archive, ready to become an event of the connector it is imported into. */
export interface ArchivedRequest {
  /** `push` only when the file says so (or it was sent to the push path); everything else is a capture. */
  source: 'push' | 'capture';
  method: string;
  /** The part after the capture token (`/a/b`), or the URL's path for requests captured elsewhere. */
  path: string;
  /** Without the `?`. */
  query: string;
  /** Lower-case names, one value each (repeats joined with `, `). */
  headers: Record<string, string>;
  /** The body exactly as received. */
  bytes: Uint8Array;
  contentType: string | null;
  receivedTime: string;
  /** What Hookdesk had tagged, when the file came from Hookdesk. */
  type: string | null;
  dataSource: string | null;
  version: string | null;
  severity: string | null;
  remoteAddress: string | null;
  originalId: string | null;
}

/** One entry of a file, read: the request, or why it was left out. */
export type ArchiveEntry = { index: number; ok: true; request: ArchivedRequest } | { index: number; ok: false; reason: string };

export interface ImportSkip {
  /** The entry's place in the file: HAR `log.entries` index, or the NDJSON line number less one. */
  index: number;
  reason: string;
}

/** Answer of `POST /connectors/:id/import`. */
export interface EventImportResult {
  format: EventArchiveFormat;
  imported: number;
  /** The new events' ids, in file order. */
  ids: string[];
  skipped: ImportSkip[];
}

/** The body bytes of a stored event: the bytes as received when kept, else the JSON as sent, else the body written as JSON. */
export function eventBodyBytes(event: HookEvent): Uint8Array {
  if (event.bodyBase64 !== undefined) return fromBase64(event.bodyBase64) ?? new Uint8Array(0);
  if (event.bodyJson !== undefined) return utf8(event.bodyJson);
  if (event.body === null || event.body === undefined) return new Uint8Array(0);
  if (typeof event.body === 'string') return utf8(event.body);
  const written = stringifyBounded(event.body);
  return written.ok ? utf8(written.text) : new Uint8Array(0);
}

/** Header names that are not headers (HTTP/2 pseudo-headers in browser HARs). */
function isPseudoHeader(name: string): boolean {
  return name.startsWith(':');
}

/** `[{name, value}]` (HAR, repeats allowed) as an event keeps headers: lower-case names, repeats joined as Node joins them. */
export function headerRecord(list: ReadonlyArray<{ name: string; value: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of list) {
    const lower = name.trim().toLowerCase();
    if (lower === '' || isPseudoHeader(lower)) continue;
    const earlier = out[lower];
    out[lower] = earlier === undefined ? value : `${earlier}${lower === 'cookie' ? '; ' : ', '}${value}`;
  }
  return out;
}

/** Case-insensitive header lookup. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** A file name for an export: `shop-events.har`, letters, digits, `-` and `_` only. */
export function archiveFileName(connectorName: string | null, format: EventArchiveFormat): string {
  const base = (connectorName ?? 'hookdesk').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'hookdesk';
  return `${base}-events.${format === 'har' ? 'har' : 'ndjson'}`;
}

/** A date-time as ISO-8601 UTC, or null when it is not one. */
export function isoTime(text: string): string | null {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** An optional string field from a file: kept when it is a string of at most `max` characters. */
export function optionalText(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}
