import { isLosslessNumber, LosslessNumber, parse as parseLosslessJson, stringify as stringifyLosslessJson } from 'lossless-json';
import { depthNote, jsonTextTooDeep, MAX_JSON_DEPTH, type BoundedParse, type BoundedStringify } from './bounded-json';
import { closingQuote } from './closing-quote';
import { errorText } from '../errors';

/**
 * Numbers as the sender wrote them. `JSON.parse` turns `12345678901234567890123` into
 * 1.2345678901234568e+22, `9007199254740993` into …992 and `1.10` into 1.1; payment and GitHub-style
 * ids are exactly such numbers. Here a number whose text `JSON.parse` + `String` would change is kept
 * as a `LosslessNumber` (lossless-json) holding its text, and written back as that text. Every other
 * number stays a plain number, so ordinary bodies cost nothing extra.
 *
 * Bounded like everything else (see bounded-json.ts): depth is checked before parsing or writing.
 * Pure: runs in Node and the browser.
 */

export { isLosslessNumber, LosslessNumber };

/** True when this JSON number token reads back differently after `JSON.parse` (digits lost, `1.10`, `1e5`, `-0`). */
export function numberChangesWhenParsed(token: string): boolean {
  // Up to 15 characters without a point or exponent is an integer JS holds exactly (JSON has no
  // leading zeros), which is nearly every number; only the others are converted to check.
  if (token.length <= 15 && token !== '-0' && !/[.eE]/.test(token)) return false;
  return String(Number(token)) !== token;
}

const QUOTE = 0x22;

/**
 * True when JSON text holds a number that `JSON.parse` would change. One pass without recursion that
 * jumps over string contents with `indexOf`; a number is cut out and converted only when it has a
 * sign, point or exponent, or more than 15 digits (a short plain integer always reads back as
 * written). On text that is not JSON it answers something harmless (the parse that follows reports
 * the syntax error). Costs about as much as a `JSON.parse` of the same text.
 */
export function hasInexactNumbers(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      let marked = c === 0x2d;
      for (; end < n; end += 1) {
        const d = text.charCodeAt(end);
        if (d >= 0x30 && d <= 0x39) continue;
        // . e E + -
        if (d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) marked = true;
        else break;
      }
      if ((marked || end - i > 15) && numberChangesWhenParsed(text.slice(i, end))) return true;
      i = end - 1;
    }
  }
  return false;
}

function parseNumber(token: string): number | LosslessNumber {
  return numberChangesWhenParsed(token) ? new LosslessNumber(token) : Number(token);
}

/**
 * Parses JSON text as `JSON.parse` does (duplicate keys: the last wins), except that a number whose
 * text would change becomes a LosslessNumber. Text without such a number goes to `JSON.parse` itself
 * (lossless-json's parser is several times slower). Never throws: over the depth bound, or invalid,
 * it answers why.
 */
export function parseLossless(text: string, maxDepth: number = MAX_JSON_DEPTH): BoundedParse {
  if (jsonTextTooDeep(text, maxDepth)) return { ok: false, reason: depthNote(maxDepth) };
  try {
    if (!hasInexactNumbers(text)) return { ok: true, value: JSON.parse(text) as unknown };
    const value: unknown = parseLosslessJson(text, null, { parseNumber, onDuplicateKey: ({ newValue }) => newValue });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: `The body is not valid JSON (${errorText(error)}).` };
  }
}

/**
 * Whether a value nests deeper than `maxDepth` and whether it holds a LosslessNumber, in one walk
 * without recursion (a LosslessNumber is a leaf). Past `maxNodes` the value counts as too deep, as in
 * `valueTooDeep`, so the walk itself stays bounded.
 */
function inspect(value: unknown, maxDepth: number, maxNodes = 5_000_000): { tooDeep: boolean; lossless: boolean } {
  if (typeof value !== 'object' || value === null) return { tooDeep: false, lossless: false };
  if (isLosslessNumber(value)) return { tooDeep: false, lossless: true };
  const stack: Array<{ value: object; depth: number }> = [{ value, depth: 1 }];
  let nodes = 0;
  let lossless = false;
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.depth > maxDepth) return { tooDeep: true, lossless };
    const children: unknown[] = Array.isArray(top.value) ? top.value : Object.values(top.value);
    nodes += children.length + 1;
    if (nodes > maxNodes) return { tooDeep: true, lossless };
    for (const child of children) {
      if (typeof child !== 'object' || child === null) continue;
      if (isLosslessNumber(child)) lossless = true;
      else stack.push({ value: child, depth: top.depth + 1 });
    }
  }
  return { tooDeep: false, lossless };
}

/**
 * `stringifyBounded` that writes each LosslessNumber as its text. A value without one is written by
 * `JSON.stringify` (lossless-json's writer is several times slower, so it is used only when needed).
 */
export function stringifyLossless(value: unknown, maxDepth: number = MAX_JSON_DEPTH): BoundedStringify {
  const found = inspect(value, maxDepth);
  if (found.tooDeep) return { ok: false, reason: `The value is nested deeper than ${maxDepth} levels.` };
  try {
    const text = found.lossless ? stringifyLosslessJson(value) : JSON.stringify(value);
    return { ok: true, text: text ?? 'null' };
  } catch (error) {
    return { ok: false, reason: `The value cannot be written as JSON (${errorText(error)}).` };
  }
}

/**
 * True when two parsed JSON values are the same (same keys in any order, same items, same numbers),
 * compared without recursion. Answers false past `maxNodes` values, so a huge value costs a bounded walk.
 */
export function sameJsonValue(a: unknown, b: unknown, maxNodes = 200_000): boolean {
  const stack: Array<[unknown, unknown]> = [[a, b]];
  let nodes = 0;
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    nodes += 1;
    if (nodes > maxNodes) return false;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const xKeys = Object.keys(x);
    if (xKeys.length !== Object.keys(y).length) return false;
    for (const key of xKeys) {
      if (!Object.hasOwn(y, key)) return false;
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
