import { strictUtf8Text } from './body-bytes';
import { eventBodyBytes } from './interop/event-archive';
import type { InvocationRequest } from './schemas/delivery';
import type { HookEvent } from './schemas/event';
import { toBase64 } from './signing/bytes';

/** Quotes one argument for POSIX shells: single quotes, with `'` written as `'\''`. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl sets itself from the request; copying them would only cause mismatches. */
const SKIPPED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/**
 * A copy-pasteable curl command (bash, zsh, sh) for an invocation's request. The body goes in with
 * `--data-raw`, so `@` at its start is not read as a file name; a binary body (base64 in the record)
 * is piped through `base64 -d` into `--data-binary @-`.
 */
export function toCurl(request: InvocationRequest): string {
  // A binary body (recorded as base64) is decoded into curl's stdin, so the exact bytes are sent.
  const binary = request.encoding === 'base64' && request.body !== null && request.body !== '';
  const parts = ['curl', '-X', shellQuote(request.method.toUpperCase()), shellQuote(request.url)];
  const lines = [binary ? `printf %s ${shellQuote(request.body ?? '')} | base64 -d | ${parts.join(' ')}` : parts.join(' ')];
  for (const [name, value] of Object.entries(request.headers)) {
    if (SKIPPED.has(name.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (binary) lines.push('--data-binary @-');
  else if (request.body !== null && request.body !== '') lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}

/** Headers curl adds by itself unless told not to (`-H 'Name:'` removes one). */
const CURL_DEFAULTS = ['accept', 'user-agent'];

/** One `-H` argument; an empty value is written `Name;` (curl's way to send a header with no value). */
function headerArgument(name: string, value: string): string {
  return `-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`;
}

/** Where a received request went: the connector's capture URL and push URL (null when not known). */
export interface ReceivedRequestTarget {
  captureUrl: string | null;
  pushUrl: string | null;
}

/** The capture URL's stand-in when the connector's current one is not known. */
export const CAPTURE_URL_PLACEHOLDER = 'http://127.0.0.1:8787/hooks/<CAPTURE_TOKEN>';

/**
 * A received event's request as curl, to send it again exactly: the same method, the connector's
 * capture URL with the sub-path and query (or its push URL), every header as received (curl's own
 * Accept, User-Agent and Content-Type are removed when the sender had none), and the exact body
 * bytes fed on stdin to `--data-binary @-` (`printf %s` of the text, or of base64 through
 * `base64 -d` when the bytes are not text). A redacted push key must be replaced before sending.
 */
export function receivedRequestCurl(event: HookEvent, target: ReceivedRequestTarget): string {
  const capture = event.source === 'capture';
  const base = capture ? (target.captureUrl ?? CAPTURE_URL_PLACEHOLDER) : (target.pushUrl ?? 'http://127.0.0.1:8787/api/1.0/webhook/push');
  const url = capture ? `${base}${event.path ?? ''}${event.query ? `?${event.query}` : ''}` : base;
  const method = (event.method ?? 'POST').toUpperCase();
  const bytes = eventBodyBytes(event);
  const text = bytes.length === 0 ? '' : strictUtf8Text(bytes);
  // Shell arguments cannot hold NUL: such text goes as base64 too.
  const stdin = bytes.length === 0 ? null : text !== null && !text.includes('\u0000') ? `printf %s ${shellQuote(text)}` : `printf %s ${shellQuote(toBase64(bytes))} | base64 -d`;
  const parts = ['curl', '-X', shellQuote(method), shellQuote(url)];
  const lines = [stdin === null ? parts.join(' ') : `${stdin} | ${parts.join(' ')}`];
  const present = new Set(Object.keys(event.headers).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(event.headers)) {
    if (SKIPPED.has(name.toLowerCase())) continue;
    lines.push(headerArgument(name, value));
  }
  for (const name of CURL_DEFAULTS) if (!present.has(name)) lines.push(`-H ${shellQuote(`${name}:`)}`);
  if (stdin !== null) {
    if (!present.has('content-type')) lines.push(`-H ${shellQuote('content-type:')}`);
    lines.push('--data-binary @-');
  }
  return lines.join(' \\\n  ');
}
