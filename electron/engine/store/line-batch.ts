import { bodySpanOfText } from './body-line';

/** A body line's record and where its body is, relative to the start of the text it was written in. */
export interface WrittenBody<R> {
  record: R;
  offset: number;
  length: number;
}

/**
 * Lines of records ready to write (each line's text on its own: joining thousands of them into one
 * string and encoding that cost a fifth of the engine's time under 50-event pushes, most of it
 * flattening the joined string), their UTF-8 size, and the body lines among them.
 */
export interface LineBatch<R> {
  texts: string[];
  bytes: number;
  bodies: WrittenBody<R>[];
}

/** A line's newline and the `}}` that closes a body line come after its body. */
const BODY_LINE_TAIL_BYTES = 3;

export function emptyBatch<R>(): LineBatch<R> {
  return { texts: [], bytes: 0, bodies: [] };
}

/** Adds one line (with its newline) to `batch` (its text too unless `countOnly`), noting where its body is when it is a body line. */
export function addLine<R>(batch: LineBatch<R>, record: R, text: string, countOnly = false): void {
  const bytes = Buffer.byteLength(text);
  const span = bodySpanOfText(text);
  if (span) batch.bodies.push({ record, offset: batch.bytes + span.at, length: bytes - span.at - BODY_LINE_TAIL_BYTES });
  if (!countOnly) batch.texts.push(text);
  batch.bytes += bytes;
}

/** The UTF-8 bytes of lines whose summed size is `bytes`: each line encoded in place, never joined first. */
export function encodeLines(texts: readonly string[], bytes: number): Buffer {
  const buffer = Buffer.allocUnsafe(bytes);
  let filled = 0;
  for (const text of texts) filled += buffer.write(text, filled, 'utf8');
  return buffer;
}
