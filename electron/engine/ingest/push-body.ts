import { ErrorCode, HookdeskError } from '../../../shared/errors';

/** Most events one push request may carry (API.md section 1). */
export const MAX_BATCH = 50;

export interface PushItem {
  body: Record<string, unknown>;
  /** Bytes of this event's JSON (the whole body for a single event). */
  size: number;
  /** This event's JSON exactly as sent (a slice of the request text), written to the journal as is. */
  raw: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // space, tab, LF, CR, and a byte-order mark
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff) return false;
  }
  return true;
}

/** A push body as text, BOM removed; 400 empty_body when there is nothing but whitespace. */
export function pushBodyText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  if (isBlank(text)) {
    throw new HookdeskError(400, ErrorCode.emptyBody, 'The request has no body. Send one JSON object (one event) or a JSON array of 1 to 50 objects.');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The events of a push body: one JSON object, or an array of 1..50 objects. Pure; throws the
 * contract's errors: invalid_json, batch_too_large, invalid_events.
 */
export function parsePushEvents(text: string, totalBytes: number): PushItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HookdeskError(400, ErrorCode.invalidJson, `The body is not valid JSON (${(error as Error).message}). Check quotes, commas and brackets.`);
  }
  if (isPlainObject(parsed)) return [{ body: parsed, size: totalBytes, raw: text }];
  if (!Array.isArray(parsed)) {
    throw new HookdeskError(400, ErrorCode.invalidEvents, 'The body must be a JSON object (one event) or an array of objects; it is a JSON ' + (parsed === null ? 'null' : typeof parsed) + '.');
  }
  if (parsed.length === 0) {
    throw new HookdeskError(400, ErrorCode.invalidEvents, 'The array of events is empty. Send at least one event object.');
  }
  if (parsed.length > MAX_BATCH) {
    throw new HookdeskError(413, ErrorCode.batchTooLarge, `The request holds ${parsed.length} events; at most ${MAX_BATCH} are accepted at once. Split it into several requests.`);
  }
  const items: PushItem[] = [];
  for (const [index, element] of parsed.entries()) {
    if (!isPlainObject(element)) {
      const kind = element === null ? 'null' : Array.isArray(element) ? 'an array' : `a ${typeof element}`;
      throw new HookdeskError(400, ErrorCode.invalidEvents, `Event ${index} of the array is ${kind}, not a JSON object. Every event must be an object.`);
    }
  }
  const slices = objectSlices(text);
  for (const [index, element] of parsed.entries()) {
    const raw = slices[index] ?? JSON.stringify(element);
    items.push({ body: element as Record<string, unknown>, size: Buffer.byteLength(raw), raw });
  }
  return items;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The text of each element of a JSON array whose elements are all objects, in order. Only for text
 * `JSON.parse` has accepted: it tracks strings and nesting, nothing else. String contents are skipped
 * with `indexOf` (native, fast), so the cost is in the few characters between strings: cheaper than
 * serializing every parsed element again.
 */
export function objectSlices(text: string): string[] {
  const slices: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = text.indexOf('[') + 1; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) break;
      depth -= 1;
      if (depth === 0) slices.push(text.slice(start, i + 1));
    }
  }
  return slices;
}

/** The index of the quote that ends the string opened at `open` (one not escaped by an odd run of backslashes). */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === BACKSLASH; k -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}
