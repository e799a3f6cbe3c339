import { fromBase64, toBase64 } from './signing/bytes';

/**
 * Bodies as records keep them (requests and responses of deliveries, tests, forwards, replays):
 * the exact bytes, as UTF-8 text when they are valid UTF-8, else as base64 with `encoding: "base64"`.
 * Never a lossy decode: a binary answer must not turn into U+FFFD characters. Pure (Node and browser).
 */

/** How a recorded body's `body` string holds its bytes; absent means UTF-8 text. */
export type BodyEncoding = 'utf8' | 'base64';

export interface RecordedBody {
  body: string;
  /** Set only for bytes that are not valid UTF-8: `body` is their base64. */
  encoding?: 'base64';
  /** Set when the bytes were cut at the cap: `body` holds the first bytes only. */
  truncated?: true;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** The bytes as text when they are valid UTF-8 (a BOM kept as U+FEFF), else null. */
export function strictUtf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * How many bytes of `bytes` to keep so that a UTF-8 sequence cut by the cap is not left half: the
 * incomplete tail (at most 3 bytes) is dropped. Bytes that are not UTF-8 anyway are kept whole.
 */
function cleanCut(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back += 1) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

/**
 * A body for a record: at most `cap` bytes (cut before encoding, `truncated` set; `alreadyCut` says
 * a reader stopped at the cap already), as text when those bytes are UTF-8, else base64.
 */
export function recordBody(input: Uint8Array | string, cap: number, alreadyCut = false): RecordedBody {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const cut = alreadyCut || bytes.length > cap;
  let kept = bytes.length > cap ? bytes.subarray(0, cap) : bytes;
  if (cut) {
    const clean = kept.subarray(0, cleanCut(kept));
    // A cut inside a character of otherwise valid text keeps it text; binary stays whole.
    if (strictUtf8Text(clean) !== null) kept = clean;
  }
  const text = strictUtf8Text(kept);
  const recorded: RecordedBody = text === null ? { body: toBase64(kept), encoding: 'base64' } : { body: text };
  if (cut) recorded.truncated = true;
  return recorded;
}

/** The bytes a recorded body holds (base64 decoded, text as UTF-8). */
export function recordedBytes(record: { body: string; encoding?: BodyEncoding | undefined }): Uint8Array {
  if (record.encoding === 'base64') return fromBase64(record.body) ?? new Uint8Array(0);
  return encoder.encode(record.body);
}

/** The size in bytes of what a recorded body holds, without decoding base64. */
export function recordedByteLength(record: { body: string; encoding?: BodyEncoding | undefined }): number {
  if (record.encoding !== 'base64') return encoder.encode(record.body).length;
  const padding = record.body.endsWith('==') ? 2 : record.body.endsWith('=') ? 1 : 0;
  return (record.body.length / 4) * 3 - padding;
}
