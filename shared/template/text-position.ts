/** Where something is in a text, 1-based, as editors show it. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Turns a 0-based character offset into a 1-based line and column (`\n`, `\r\n` and `\r` end lines). */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
