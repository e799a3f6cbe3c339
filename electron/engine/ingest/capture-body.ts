const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when the text has control characters that text formats do not use (NUL, ...). */
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return true;
  }
  return false;
}

/**
 * What a captured body reads as (API.md section 2): the parsed JSON when the bytes are JSON, the
 * text when they are UTF-8 text, else null (binary, or no body). The exact bytes are kept
 * apart, in `bodyBase64`. Pure.
 */
export function readCapturedBody(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  if (looksBinary(text)) return null;
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return text;
  }
}
