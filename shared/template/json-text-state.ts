/**
 * Tracks, while template text is emitted, whether the next character lands inside a JSON string
 * literal. Inserted values never change this state (a string-escaped value stays inside its string,
 * a JSON literal opens and closes its own quotes), so only the template's own text moves it.
 */
export interface JsonTextState {
  inString: boolean;
  /** The previous character was a backslash inside a string. */
  escaped: boolean;
}

export const JSON_TEXT_START: JsonTextState = { inString: false, escaped: false };

export function advanceJsonState(state: JsonTextState, text: string): JsonTextState {
  let { inString, escaped } = state;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!inString) {
      if (ch === '"') inString = true;
    } else if (escaped) {
      escaped = false;
    } else if (ch === '\\') {
      escaped = true;
    } else if (ch === '"') {
      inString = false;
    }
  }
  return { inString, escaped };
}
