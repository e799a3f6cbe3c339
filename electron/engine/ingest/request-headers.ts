import type { IncomingHttpHeaders } from 'node:http';

export const REDACTED = '[redacted]';

/**
 * A request's headers as an event stores them: lower-case names, one string each (repeated
 * headers joined as Node joins them), with the values of the named secret headers redacted. Names
 * are compared ignoring case; Node already folds every spelling and repeat of a header into one
 * lower-case entry, so `API_KEY` and `api_key` twice are one redacted value.
 */
export function eventHeaders(headers: IncomingHttpHeaders, redact: ReadonlySet<string> = NO_SECRETS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    out[name] = redact.has(name.toLowerCase()) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const NO_SECRETS: ReadonlySet<string> = new Set();

/** The media type of a Content-Type header, lower case and without parameters; '' when absent. */
export function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** application/json and the `+json` types (application/cloudevents+json, ...). */
export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}
