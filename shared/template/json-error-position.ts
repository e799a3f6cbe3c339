import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { positionAt, type TextPosition } from './text-position';

export interface JsonSyntaxError extends TextPosition {
  message: string;
  offset: number;
}

const FRIENDLY: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected (a trailing comma?)',
  ValueExpected: 'a value was expected (an empty placeholder, or a trailing comma?)',
  ColonExpected: 'a ":" was expected',
  CommaExpected: 'a "," was expected',
  CloseBraceExpected: 'a "}" was expected',
  CloseBracketExpected: 'a "]" was expected',
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'malformed number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape after a backslash',
  InvalidCharacter: 'a control character (such as a raw line break) inside a string',
};

function firstError(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0];
}

/**
 * Null when `text` is valid JSON (JSON.parse decides), else where it first breaks, with line and
 * column (1-based) and a sentence saying what was expected there.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const found = firstError(text);
    const fallback = error instanceof Error ? error.message : 'invalid JSON';
    const offset = found?.offset ?? Number(/position (\d+)/.exec(fallback)?.[1] ?? 0);
    const what = found ? (FRIENDLY[printParseErrorCode(found.error)] ?? printParseErrorCode(found.error)) : fallback;
    const where = positionAt(text, offset);
    const message = text.trim() === '' ? 'The body is empty, which is not JSON' : `The body is not valid JSON at line ${where.line}, column ${where.column}: ${what}`;
    return { message, offset, ...where };
  }
}
