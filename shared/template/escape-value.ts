import { isLosslessNumber, stringifyLossless } from '../json/lossless-json';

/**
 * Turning a looked-up value into text for the place it lands. Nothing here can emit an unescaped
 * quote inside a JSON string, or anything but one complete JSON value outside one.
 */

/** A value that cannot be written as JSON (nested past MAX_JSON_DEPTH, say): the message says why. */
export class UnwritableValueError extends Error {}

/**
 * JSON.stringify within the depth bound, numbers kept as the sender wrote them (LosslessNumber),
 * with U+2028/U+2029 escaped too (valid JSON, but they break JavaScript embedding). Throws
 * UnwritableValueError, never a RangeError from deep in V8.
 */
export function toJsonText(value: unknown): string {
  const result = stringifyLossless(value === undefined ? null : value);
  if (!result.ok) throw new UnwritableValueError(result.reason);
  return result.text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A value as plain text: strings as they are, numbers (as written) and booleans printed, null/missing empty, the rest as JSON. */
export function toPlainText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || isLosslessNumber(value)) return String(value);
  return toJsonText(value);
}

/** Text escaped to sit between the quotes of a JSON string literal (quotes, backslashes, control characters). */
export function escapeJsonStringContent(text: string): string {
  return toJsonText(text).slice(1, -1);
}

/** `application/x-www-form-urlencoded` encoding of one value, as URLSearchParams does it (space as `+`). */
export function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1);
}

/** Encodes a flat record as a form body, skipping null and undefined; objects become JSON text. */
export function formEncodeRecord(record: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    params.append(key, toPlainText(value));
  }
  return params.toString();
}
