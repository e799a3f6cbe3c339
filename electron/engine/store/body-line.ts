import { crc32 } from 'node:zlib';

/**
 * The journal line of a record that carries an event body (`put`, `restore`), laid out so that a
 * reader can find the body without parsing it:
 *
 *   {"op":"put","bodyAt":"000000123","bodyCrc":"89abcdef","event":{…the event without its body…,"body":<body JSON>}}
 *
 * `bodyAt` is the byte offset of the body in the line and `bodyCrc` the CRC-32 of the body's bytes,
 * both fixed-width strings so the head's length does not depend on them. The line is still one JSON
 * record (any reader that parses it whole gets the event with its body). Replay parses only the
 * head and checks the CRC; memory keeps the body's place in the segment, not the body (cold-body.ts).
 */

const AT_DIGITS = 9;
const CRC_DIGITS = 8;
const BODY_KEY = ',"body":';
const TAIL = '}}';

const HEADS = ['put', 'restore'].map((op) => {
  const start = `{"op":"${op}","bodyAt":"`;
  return { op, start, startBytes: Buffer.from(start, 'latin1') };
});

/** Most bytes a head may take (a body further into its line is not written in this layout). */
const MAX_AT = 10 ** AT_DIGITS - 1;

/** Where a body line's body is, in bytes from the line's start. */
export interface BodySpan {
  /** Byte offset of the body in the line. */
  at: number;
  /** Byte length of the body. */
  length: number;
  crc: number;
}

/**
 * The body line of `{op, event}` with `bodyText` as its body (JSON text on one line); null when the
 * event has no fields besides the body or the head is too long.
 */
export function bodyLine(op: 'put' | 'restore', eventWithoutBody: object, bodyText: string): string | null {
  const rest = JSON.stringify(eventWithoutBody);
  if (rest.length < 3) return null; // `{}`: nothing to put before the body
  const crc = crc32(bodyText).toString(16).padStart(CRC_DIGITS, '0');
  const afterAt = `","bodyCrc":"${crc}","event":${rest.slice(0, -1)}${BODY_KEY}`;
  const headStart = `{"op":"${op}","bodyAt":"`;
  const at = Buffer.byteLength(headStart) + AT_DIGITS + Buffer.byteLength(afterAt);
  if (at > MAX_AT) return null;
  return `${headStart}${String(at).padStart(AT_DIGITS, '0')}${afterAt}${bodyText}${TAIL}`;
}

/**
 * The span of a body line's body, given the line's bytes [start, end) (without its newline); null
 * when the line is not a body line (an ordinary record, or a line from before this layout).
 */
export function bodySpanOf(line: Buffer, start = 0, end = line.length): BodySpan | null {
  const head = HEADS.find((h) => end - start > h.startBytes.length && line.compare(h.startBytes, 0, h.startBytes.length, start, start + h.startBytes.length) === 0);
  if (!head) return null;
  const digitsAt = start + head.startBytes.length;
  const at = Number(line.toString('latin1', digitsAt, digitsAt + AT_DIGITS));
  const crcAt = digitsAt + AT_DIGITS + '","bodyCrc":"'.length;
  const crc = Number.parseInt(line.toString('latin1', crcAt, crcAt + CRC_DIGITS), 16);
  if (!Number.isInteger(at) || Number.isNaN(crc) || start + at + TAIL.length > end) return null;
  if (line.toString('latin1', start + at - BODY_KEY.length, start + at) !== BODY_KEY) return null;
  if (line.toString('latin1', end - TAIL.length, end) !== TAIL) return null;
  return { at, length: end - start - at - TAIL.length, crc };
}

/** The same, for a line held as a JS string (a freshly serialized one). */
export function bodySpanOfText(text: string): { at: number } | null {
  if (!HEADS.some((h) => text.startsWith(h.start))) return null;
  const digitsAt = text.indexOf('"bodyAt":"') + '"bodyAt":"'.length;
  const at = Number(text.slice(digitsAt, digitsAt + AT_DIGITS));
  return Number.isInteger(at) ? { at } : null;
}

/** The JSON text of a body line's record without its body (no `body` key): the head, closed. */
export function bodyLineHead(line: Buffer, start: number, span: BodySpan): string {
  return `${line.toString('utf8', start, start + span.at - BODY_KEY.length)}${TAIL}`;
}

/** True when the body bytes are the ones the line was written with. */
export function bodyIntact(line: Buffer, start: number, span: BodySpan): boolean {
  return crc32(line.subarray(start + span.at, start + span.at + span.length)) === span.crc;
}
