import type { Entry, Header, PostData, QueryString, Response as HarResponse } from 'har-format';
import { z } from 'zod';
import { strictUtf8Text } from '../body-bytes';
import type { ConnectorResponse } from '../schemas/connector';
import type { HookEvent } from '../schemas/event';
import { fromBase64, toBase64, utf8 } from '../signing/bytes';
import {
  eventBodyBytes,
  headerRecord,
  headerValue,
  isoTime,
  MAX_IMPORT_ENTRIES,
  optionalText,
  type ArchiveEntry,
  type ArchivedRequest,
} from './event-archive';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of received events, and reading HAR
 * files back. Each entry is the request as the sender sent it (method, URL, headers, query, body in
 * `postData.text`, or base64 in `postData._base64` when the bytes are not UTF-8) and the answer the
 * sender got; Hookdesk's own data (event id, connector, verification, forward result, ...) is in
 * `_hookdesk`. Capture tokens never appear: a capture URL is written `/hooks/REDACTED/...`. Pure.
 */

export const HAR_VERSION = '1.2';
/** Where a capture URL's token stood: tokens are credentials and never leave in a file. */
export const REDACTED_TOKEN = 'REDACTED';
const PUSH_PATH = '/api/1.0/webhook/push';
const CAPTURE_PREFIX = '/hooks/';

/** What the export knows besides the events: where senders sent them, and each connector's name and answer. */
export interface HarExportContext {
  /** Where push and capture answer (`http://127.0.0.1:8787`). */
  ingestUrl: string;
  /** Where the management API answers (published events' URL). */
  baseUrl: string;
  connectorOf(id: string): { name: string; response: ConnectorResponse } | undefined;
}

/** `postData` with the binary body's bytes (HAR allows `_` fields anywhere). */
type HarPostData = PostData & { _base64?: string };

/** Characters a URI may hold as they are (RFC 3986 unreserved, reserved and `%`). */
const URI_SAFE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]$/;

/** Text with every character a URI may not hold percent-encoded (UTF-8); `%` escapes already there are kept. */
export function uriSafe(text: string): string {
  let out = '';
  for (const char of text) out += URI_SAFE.test(char) ? char : [...utf8(char)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return out;
}

/** `a=1&b=x%20y` as HAR's queryString (names and values decoded; a value that is not valid percent-encoding stays as written). */
export function queryList(query: string): QueryString[] {
  if (query === '') return [];
  return query.split('&').filter((part) => part !== '').map((part) => {
    const eq = part.indexOf('=');
    const [name, value] = eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    return { name: decodeLoosely(name), value: decodeLoosely(value) };
  });
}

function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function headerList(headers: Readonly<Record<string, string>>): Header[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

/** The URL the sender used (capture token redacted). */
function requestUrl(event: HookEvent, context: HarExportContext): string {
  if (event.source === 'capture') {
    const query = event.query ? `?${event.query}` : '';
    return uriSafe(`${context.ingestUrl}${CAPTURE_PREFIX}${REDACTED_TOKEN}${event.path ?? ''}${query}`);
  }
  if (event.source === 'push') return `${context.ingestUrl}${PUSH_PATH}`;
  return `${context.baseUrl}/api/v1/events`;
}

function postDataOf(bytes: Uint8Array, mimeType: string): HarPostData | undefined {
  if (bytes.length === 0) return undefined;
  const text = strictUtf8Text(bytes);
  if (text !== null) return { mimeType, text };
  return { mimeType, text: '', _base64: toBase64(bytes), comment: 'The body is not UTF-8 text: its bytes are base64 in _base64.' };
}

/** The answer the sender got: a capture's configured answer, the push API's, or the publish API's. */
function responseOf(event: HookEvent, context: HarExportContext): { response: HarResponse; waitMs: number } {
  const connector = event.connectorId === null ? undefined : context.connectorOf(event.connectorId);
  if (event.source === 'capture' && connector) {
    const { status, headers, body, delayMs } = connector.response;
    const bytes = utf8(body);
    const noBody = status === 204 || status === 304;
    return {
      waitMs: delayMs,
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: headerList(headers),
        content: { size: noBody ? 0 : bytes.length, mimeType: headerValue(headers, 'content-type') ?? 'application/json', ...(noBody ? {} : { text: body }) },
        redirectURL: '',
        headersSize: -1,
        bodySize: noBody ? 0 : bytes.length,
        comment: "The connector's capture answer as configured when this file was written (${VAR} references as written).",
      },
    };
  }
  const text = event.source === 'push' ? JSON.stringify({ accepted: 1, ids: [event.id] }) : event.source === 'capture' ? '' : JSON.stringify({ id: event.id });
  const status = event.source === 'api' ? 201 : event.source === 'capture' ? 0 : 200;
  return {
    waitMs: 0,
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: text === '' ? [] : [{ name: 'content-type', value: 'application/json; charset=utf-8' }],
      content: { size: utf8(text).length, mimeType: text === '' ? '' : 'application/json', ...(text === '' ? {} : { text }) },
      redirectURL: '',
      headersSize: -1,
      bodySize: text === '' ? -1 : utf8(text).length,
      comment: status === 0 ? 'The connector no longer exists: its answer is unknown.' : 'The answer as Hookdesk gives it (a batch pushed in one request got one answer naming every id).',
    },
  };
}

/** Hookdesk's own data about the event, for `_hookdesk`. */
function hookdeskFields(event: HookEvent, context: HarExportContext): Record<string, unknown> {
  const connector = event.connectorId === null ? undefined : context.connectorOf(event.connectorId);
  return {
    id: event.id,
    connectorId: event.connectorId,
    connector: connector?.name ?? null,
    source: event.source,
    dataSource: event.dataSource,
    type: event.type,
    ...(event.version === undefined ? {} : { version: event.version }),
    ...(event.severity === undefined ? {} : { severity: event.severity }),
    ...(event.source === 'capture' ? { path: event.path ?? '', query: event.query ?? '' } : {}),
    remoteAddress: event.remoteAddress,
    size: event.size,
    verification: event.verification ?? { status: 'none', reason: null },
    forward: event.forward ?? null,
    ...(event.drift ? { drift: event.drift } : {}),
    ...(event.bodyNote === undefined ? {} : { bodyNote: event.bodyNote }),
    ...(event.imported ? { imported: event.imported } : {}),
  };
}

/** One HAR entry for a stored event. */
export function harEntry(event: HookEvent, context: HarExportContext): Entry {
  const bytes = eventBodyBytes(event);
  const mimeType = event.contentType ?? headerValue(event.headers, 'content-type') ?? (event.source === 'capture' ? '' : 'application/json');
  const postData = postDataOf(bytes, mimeType);
  const { response, waitMs } = responseOf(event, context);
  return {
    startedDateTime: event.receivedTime,
    time: waitMs,
    request: {
      method: event.method ?? 'POST',
      url: requestUrl(event, context),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(event.headers),
      queryString: queryList(event.source === 'capture' ? (event.query ?? '') : ''),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: bytes.length,
    },
    response,
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: waitMs, receive: 0 },
    _hookdesk: hookdeskFields(event, context),
  };
}

/** The file's text before the entries (`{"log": {..., "entries": [`); entries follow, one per line, then `harTail()`. */
export function harHead(version: string, about: Record<string, unknown>): string {
  const log = { version: HAR_VERSION, creator: { name: 'Hookdesk', version }, _hookdesk: about };
  const text = JSON.stringify({ log: { ...log, entries: [] } }, null, 2);
  // Cut before the empty array's closing bracket: `... "entries": [`.
  return `${text.slice(0, text.lastIndexOf('[') + 1)}\n`;
}

export function harTail(): string {
  return '\n    ]\n  }\n}\n';
}

/** One entry as the file holds it (indented, so the file reads and diffs well), with the separator before it. */
export function harEntryText(entry: Entry, first: boolean): string {
  const text = JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ');
  return `${first ? '' : ',\n'}      ${text}`;
}

// ---- reading HAR files ----

const headerSchema = z.object({ name: z.string().max(1024), value: z.string().max(65_536) });

const harEntrySchema = z.object({
  startedDateTime: z.string().max(100),
  request: z.object({
    method: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/, 'is not an HTTP method'),
    url: z.string().max(65_536),
    headers: z.array(headerSchema).max(1000),
    postData: z
      .object({
        mimeType: z.string().max(1024).optional(),
        text: z.string().optional(),
        params: z.array(z.object({ name: z.string(), value: z.string().optional() })).max(10_000).optional(),
        encoding: z.string().optional(),
        _base64: z.string().optional(),
      })
      .optional(),
  }),
  _hookdesk: z.record(z.string(), z.unknown()).optional(),
});

const harFileSchema = z.object({
  log: z.object({ entries: z.array(z.unknown()).max(MAX_IMPORT_ENTRIES, `holds more than ${MAX_IMPORT_ENTRIES} entries; import it in parts`) }),
});

/** True when a parsed JSON value looks like a HAR file (has `log.entries`). */
export function looksLikeHar(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'log' in value;
}

/** The `log.entries` of a HAR file, or why the file is not one. */
export function harEntries(value: unknown): { ok: true; entries: unknown[] } | { ok: false; reason: string } {
  const parsed = harFileSchema.safeParse(value);
  if (parsed.success) return { ok: true, entries: parsed.data.log.entries };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `The file is not a HAR file: ${issue ? `${issue.path.join('.') || 'file'} ${issue.message}` : 'no log.entries'}.` };
}

/** The body bytes of a HAR request: `_base64`, `text` (base64 when `encoding` says so), or url-encoded `params`. */
function bodyBytesOf(postData: z.infer<typeof harEntrySchema>['request']['postData']): Uint8Array | string {
  if (!postData) return new Uint8Array(0);
  if (postData._base64 !== undefined) return fromBase64(postData._base64) ?? 'postData._base64 is not base64';
  if (postData.text !== undefined) {
    if (postData.encoding === 'base64') return fromBase64(postData.text) ?? 'postData.text is not base64 although postData.encoding says so';
    return utf8(postData.text);
  }
  if (postData.params) {
    const form = new URLSearchParams();
    for (const p of postData.params) form.append(p.name, p.value ?? '');
    return utf8(form.toString());
  }
  return new Uint8Array(0);
}

/** Path and query of a request URL: a capture URL's sub-path after its token, else the whole path. */
function splitUrl(url: URL): { path: string; pushPath: boolean } {
  const pathname = url.pathname;
  if (pathname.startsWith(CAPTURE_PREFIX)) {
    const rest = pathname.slice(CAPTURE_PREFIX.length);
    const slash = rest.indexOf('/');
    return { path: slash === -1 ? '' : rest.slice(slash), pushPath: false };
  }
  return { path: pathname === '/' ? '' : pathname, pushPath: pathname === PUSH_PATH };
}

/** One HAR entry as a request to import, or why it cannot be. */
export function readHarEntry(raw: unknown, index: number): ArchiveEntry {
  const parsed = harEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { index, ok: false, reason: issue ? `${issue.path.join('.') || 'entry'} ${issue.message}` : 'not a HAR entry' };
  }
  const { request, startedDateTime, _hookdesk: about = {} } = parsed.data;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { index, ok: false, reason: `request.url "${request.url.slice(0, 100)}" is not a URL` };
  }
  const receivedTime = isoTime(startedDateTime);
  if (receivedTime === null) return { index, ok: false, reason: `startedDateTime "${startedDateTime.slice(0, 40)}" is not a date-time` };
  const bytes = bodyBytesOf(request.postData);
  if (typeof bytes === 'string') return { index, ok: false, reason: bytes };
  const headers = headerRecord(request.headers);
  const { path, pushPath } = splitUrl(url);
  const source = about.source === 'push' || (about.source === undefined && pushPath && request.method.toUpperCase() === 'POST') ? 'push' : 'capture';
  const request_: ArchivedRequest = {
    source,
    method: request.method.toUpperCase(),
    path: optionalText(about.path, 8192) ?? path,
    query: optionalText(about.query, 65_536) ?? url.search.replace(/^\?/, ''),
    headers,
    bytes,
    contentType: headers['content-type'] ?? null,
    receivedTime,
    type: optionalText(about.type, 200),
    dataSource: optionalText(about.dataSource, 200),
    version: optionalText(about.version, 50),
    severity: optionalText(about.severity, 50),
    remoteAddress: optionalText(about.remoteAddress, 100),
    originalId: optionalText(about.id, 200),
  };
  return { index, ok: true, request: request_ };
}
