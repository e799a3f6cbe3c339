import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { jsonTextTooDeep } from '../../../shared/json/bounded-json';
import { closingQuote } from '../../../shared/json/closing-quote';
import { BODY_DEPTH_NOTE, MAX_BODY_DEPTH } from './body-depth';
import { isJsonText } from './json-syntax';

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Most events one push request may carry (API.md section 1). */
export const MAX_BATCH = 50;

export interface PushItem {
  /** The parsed event; null when it nests deeper than the bound (then `note` says so, and only `raw` holds it). */
  body: Record<string, unknown> | null;
  /** Bytes of this event's JSON (the whole body for a single event). */
  size: number;
  /** This event's JSON exactly as sent (a slice of the request text), written to the journal as is. */
  raw: string;
  /** Set when the event was kept as raw text only: why it was not parsed. */
  note?: string;
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

const NOT_AN_OBJECT_OR_ARRAY = 'The body must be a JSON object (one event) or an array of objects; it is a JSON ';
const EMPTY_ARRAY = 'The array of events is empty. Send at least one event object.';

function invalidJson(why: string): HookdeskError {
  return new HookdeskError(400, ErrorCode.invalidJson, `The body is not valid JSON (${why}). Check quotes, commas and brackets.`);
}

function batchTooLarge(count: number): HookdeskError {
  return new HookdeskError(413, ErrorCode.batchTooLarge, `The request holds ${count} events; at most ${MAX_BATCH} are accepted at once. Split it into several requests.`);
}

function notAnObject(index: number, kind: string): HookdeskError {
  return new HookdeskError(400, ErrorCode.invalidEvents, `Event ${index} of the array is ${kind}, not a JSON object. Every event must be an object.`);
}

/**
 * The events of a push body: one JSON object, or an array of 1..50 objects. Pure; throws the
 * contract's errors: invalid_json, batch_too_large, invalid_events. An event nested deeper than the
 * bound is never parsed (JSON.parse would build a value that every later walk chokes on): it comes
 * back with `body: null`, its text, and a note; the other events of the batch are parsed as usual.
 */
export function parsePushEvents(text: string, totalBytes: number): PushItem[] {
  if (jsonTextTooDeep(text, MAX_BODY_DEPTH)) return parseDeepPushEvents(text, totalBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalidJson((error as Error).message);
  }
  if (isPlainObject(parsed)) return [{ body: parsed, size: totalBytes, raw: text }];
  if (!Array.isArray(parsed)) {
    throw new HookdeskError(400, ErrorCode.invalidEvents, NOT_AN_OBJECT_OR_ARRAY + (parsed === null ? 'null' : typeof parsed) + '.');
  }
  if (parsed.length === 0) throw new HookdeskError(400, ErrorCode.invalidEvents, EMPTY_ARRAY);
  if (parsed.length > MAX_BATCH) throw batchTooLarge(parsed.length);
  const items: PushItem[] = [];
  for (const [index, element] of parsed.entries()) {
    if (!isPlainObject(element)) throw notAnObject(index, element === null ? 'null' : Array.isArray(element) ? 'an array' : `a ${typeof element}`);
  }
  const slices = elementSlices(text);
  for (const [index, element] of parsed.entries()) {
    const raw = slices[index] ?? JSON.stringify(element);
    items.push({ body: element as Record<string, unknown>, size: Buffer.byteLength(raw), raw });
  }
  return items;
}

/**
 * A push body nested deeper than the bound: checked as JSON without building it, then split into
 * its events; each event still too deep is kept as text with the note, the others are parsed.
 */
function parseDeepPushEvents(text: string, totalBytes: number): PushItem[] {
  if (!isJsonText(text)) throw invalidJson('a syntax error, or more than one value');
  const first = firstSignificant(text);
  if (first === OPEN_BRACE) return [{ body: null, size: totalBytes, raw: text, note: BODY_DEPTH_NOTE }];
  if (first !== OPEN_BRACKET) throw new HookdeskError(400, ErrorCode.invalidEvents, NOT_AN_OBJECT_OR_ARRAY + 'value that is neither.');
  const elements = elementSlices(text);
  if (elements.length === 0) throw new HookdeskError(400, ErrorCode.invalidEvents, EMPTY_ARRAY);
  if (elements.length > MAX_BATCH) throw batchTooLarge(elements.length);
  return elements.map((raw, index): PushItem => {
    const start = raw.charCodeAt(0);
    if (start !== OPEN_BRACE) throw notAnObject(index, kindOfText(start));
    const size = Buffer.byteLength(raw);
    if (jsonTextTooDeep(raw, MAX_BODY_DEPTH)) return { body: null, size, raw, note: BODY_DEPTH_NOTE };
    return { body: JSON.parse(raw) as Record<string, unknown>, size, raw };
  });
}

/** What a JSON value is, from its first character (for the invalid_events message). */
function kindOfText(first: number): string {
  if (first === OPEN_BRACKET) return 'an array';
  if (first === QUOTE) return 'a string';
  if (first === 0x6e /* n */) return 'null';
  if (first === 0x74 /* t */ || first === 0x66 /* f */) return 'a boolean';
  return 'a number';
}

function firstSignificant(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c;
  }
  return -1;
}

/**
 * The text of each element of a JSON array (any kind of element), trimmed, in order. Only for text
 * that is valid JSON (`isJsonText`, or accepted by `JSON.parse`): it tracks strings and nesting,
 * nothing else, without recursion. String contents are skipped with `indexOf` (native, fast), so the
 * cost is in the few characters between strings: cheaper than serializing every parsed element again.
 */
function elementSlices(text: string): string[] {
  const slices: string[] = [];
  let depth = 0;
  let start = -1;
  const close = (end: number): void => {
    const element = text.slice(start, end).trim();
    if (element !== '') slices.push(element);
  };
  for (let i = text.indexOf('[') + 1; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (depth === 0 && start === -1 && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) start = i;
    if (c === QUOTE) {
      i = closingQuote(text, i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) {
        if (start !== -1) close(i);
        break;
      }
      depth -= 1;
    } else if (c === 0x2c /* , */ && depth === 0) {
      close(i);
      start = -1;
    }
  }
  return slices;
}
