import { jsonTextTooDeep } from '../../../shared/json/bounded-json';
import { BODY_DEPTH_NOTE, MAX_BODY_DEPTH } from './body-depth';
import { isJsonText } from './json-syntax';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when the text has control characters that text formats do not use (NUL, ...). */
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return true;
  }
  return false;
}

/** A captured body as it reads, and, when it was not parsed although it is JSON, why. */
export interface CapturedBody {
  body: unknown;
  note?: string;
}

/**
 * What a captured body reads as (API.md section 2): the parsed JSON when the bytes are JSON, the
 * text when they are UTF-8 text, else null (binary, or no body). JSON nested deeper than the bound
 * is not parsed: null, with a note saying why. The exact bytes are kept apart, in `bodyBase64`. Pure.
 */
export function readCaptured(bytes: Uint8Array): CapturedBody {
  if (bytes.length === 0) return { body: null };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { body: null };
  }
  if (looksBinary(text)) return { body: null };
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (jsonTextTooDeep(json, MAX_BODY_DEPTH)) {
    // Text that only looks deep (brackets in prose) stays text; a string is harmless to keep.
    return isJsonText(json) ? { body: null, note: BODY_DEPTH_NOTE } : { body: text };
  }
  try {
    return { body: JSON.parse(json) as unknown };
  } catch {
    return { body: text };
  }
}

/** `readCaptured`'s body alone. */
export function readCapturedBody(bytes: Uint8Array): unknown {
  return readCaptured(bytes).body;
}
