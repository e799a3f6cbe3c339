import { strictUtf8Text } from '../../body-bytes';
import { parseBoundedJson } from '../../json/bounded-json';
import { utf8 } from '../bytes';

/**
 * The bodies a sender may have signed instead of the bytes that arrived: the usual ways JSON is
 * re-serialized or re-encoded between a signer and a receiver (a framework signing
 * `JSON.stringify(parsed)`, a proxy pretty-printing or re-encoding, an editor's line endings).
 * Each is built from the received bytes, only for bodies up to `MAX_TRIED_BODY_BYTES`, and only
 * when it differs from them. Pure and bounded: a few linear passes per variant.
 */
export interface BodyVariant {
  id: BodyVariantId;
  /** What the variant is, in words: "compact JSON (JSON.stringify of the parsed body)". */
  label: string;
  bytes: Uint8Array;
}

export type BodyVariantId =
  | 'json-compact'
  | 'json-2-space'
  | 'json-sorted-compact'
  | 'json-sorted-2-space'
  | 'trailing-newline-added'
  | 'trailing-newline-removed'
  | 'crlf-to-lf'
  | 'lf-to-crlf'
  | 'unicode-escaped'
  | 'unicode-unescaped';

/** Bodies larger than this are not re-serialized and tried (the try list says so). */
export const MAX_TRIED_BODY_BYTES = 256 * 1024;

/** Objects' keys sorted (code unit order, as `Object.keys().sort()`), recursively. Depth is bounded by the parse. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Every character above U+007F written as `\uXXXX` (what `JSON.stringify` in ASCII-only mode, Python's `json.dumps` default, or PHP's `json_encode` do). */
export function escapeNonAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out += code > 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return out;
}

/**
 * `\uXXXX` escapes of characters above U+007F written as the characters (UTF-8 once encoded); an
 * escaped backslash (`\\u00e9`) is left alone. One pass.
 */
export function unescapeNonAscii(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch !== '\\') {
      out += ch;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    const hex = text.slice(i + 2, i + 6);
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(hex) && parseInt(hex, 16) > 0x7f) {
      out += String.fromCharCode(parseInt(hex, 16));
      i += 6;
      continue;
    }
    out += next === undefined ? ch : ch + next;
    i += 2;
  }
  return out;
}

function withoutTrailingNewline(text: string): string | null {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n')) return text.slice(0, -1);
  return null;
}

/**
 * The variants of a body to try, in the order they are tried (the smallest change first: a newline,
 * line endings, unicode escapes, then whole re-serializations); none for a body that is not UTF-8
 * text or is over the cap.
 */
export function bodyVariants(body: Uint8Array): BodyVariant[] {
  if (body.byteLength > MAX_TRIED_BODY_BYTES) return [];
  const text = strictUtf8Text(body);
  if (text === null) return [];
  const variants: BodyVariant[] = [];
  const seen = new Set<string>([text]);
  const add = (id: BodyVariantId, label: string, candidate: string | null): void => {
    if (candidate === null || seen.has(candidate)) return;
    seen.add(candidate);
    variants.push({ id, label, bytes: utf8(candidate) });
  };

  const trimmedEnd = withoutTrailingNewline(text);
  add('trailing-newline-removed', 'the body without its trailing newline', trimmedEnd);
  if (trimmedEnd === null) add('trailing-newline-added', 'the body with a trailing newline added', `${text}\n`);
  if (text.includes('\r\n')) add('crlf-to-lf', 'the body with CRLF line endings turned into LF', text.split('\r\n').join('\n'));
  else if (text.includes('\n')) add('lf-to-crlf', 'the body with LF line endings turned into CRLF', text.split('\n').join('\r\n'));
  add('unicode-escaped', 'the body with non-ASCII characters escaped as \\uXXXX', escapeNonAscii(text));
  add('unicode-unescaped', 'the body with \\uXXXX escapes written as UTF-8', unescapeNonAscii(text));
  const parsed = text.trim() === '' ? null : parseBoundedJson(text);
  if (parsed?.ok && parsed.value !== null && typeof parsed.value === 'object') {
    const sorted = sortKeys(parsed.value);
    add('json-compact', 'compact JSON (JSON.stringify of the parsed body)', JSON.stringify(parsed.value));
    add('json-2-space', 'JSON with 2-space indents (JSON.stringify(body, null, 2))', JSON.stringify(parsed.value, null, 2));
    add('json-sorted-compact', 'compact JSON with keys sorted', JSON.stringify(sorted));
    add('json-sorted-2-space', 'JSON with keys sorted and 2-space indents', JSON.stringify(sorted, null, 2));
  }
  return variants;
}
