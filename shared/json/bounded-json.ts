import { errorText } from '../errors';
/**
 * Bounds for untrusted JSON (Hardening). Senders, receivers and templates are hostile: a body of
 * `{"a":` ten thousand times parses fine in V8 but makes every later recursive walk
 * (`JSON.stringify`, schema inference, JSONPath, mustache) throw `RangeError` or run for seconds.
 * So every place that parses, stringifies or walks untrusted JSON checks the depth first, without
 * recursion, and keeps an item over the bound as raw bytes with a note instead of throwing.
 *
 * Pure: runs in Node and the browser.
 */

/** Deepest nesting of arrays and objects accepted anywhere (a real payload rarely passes 20). */
export const MAX_JSON_DEPTH = 256;

/**
 * Deepest nesting of one journal line: a body at MAX_JSON_DEPTH plus the levels the store's own
 * record puts around it (`{"op": "put", "event": {"body": ...}}` and the like), so every body that
 * ingest parses can be written.
 */
export const MAX_RECORD_DEPTH = MAX_JSON_DEPTH + 8;

/** Why an item over the depth bound was not parsed, in words a user can act on. */
export function depthNote(maxDepth: number = MAX_JSON_DEPTH): string {
  return `The body is nested deeper than ${maxDepth} levels of arrays and objects, so Hookdesk keeps it as raw bytes and does not parse, search, template or validate it.`;
}

/**
 * The deepest nesting of `[`/`{` in JSON text, counted in one pass that skips string contents;
 * stops counting once past `limit` (answers `limit + 1`). Works on any text: invalid JSON just
 * gives some count, and JSON.parse then reports the syntax error.
 */
export function jsonTextDepth(text: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip to the closing quote; a backslash escapes the next character.
      i += 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i += 1;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return limit + 1;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * True when JSON text nests deeper than `maxDepth`. Text can only nest as deep as it has opening
 * brackets, and most text holds fewer than the bound in all, which `indexOf` counts in a fraction of
 * the full scan's time (the scan doubled the cost of a 1 kB event); only the others are scanned.
 */
export function jsonTextTooDeep(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let opening = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) {
      opening += 1;
      if (opening > maxDepth) return jsonTextDepth(text, maxDepth) > maxDepth;
    }
  }
  return false;
}

/**
 * True when a value (already parsed, or built by code) nests deeper than `maxDepth`, found
 * without recursion. Also stops (answers true) past `maxNodes` containers and values, so a
 * wide value cannot make the walk itself the problem.
 */
export function valueTooDeep(value: unknown, maxDepth: number = MAX_JSON_DEPTH, maxNodes = 5_000_000): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: Array<{ value: object; depth: number }> = [{ value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.depth > maxDepth) return true;
    const children: unknown[] = Array.isArray(top.value) ? top.value : Object.values(top.value);
    nodes += children.length + 1;
    if (nodes > maxNodes) return true;
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: top.depth + 1 });
    }
  }
  return false;
}

export type BoundedParse = { ok: true; value: unknown } | { ok: false; reason: string };

/** JSON.parse that never throws: over the depth bound, or invalid, it answers why. */
export function parseBoundedJson(text: string, maxDepth: number = MAX_JSON_DEPTH): BoundedParse {
  if (jsonTextTooDeep(text, maxDepth)) return { ok: false, reason: depthNote(maxDepth) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `The body is not valid JSON (${errorText(error)}).` };
  }
}

export type BoundedStringify = { ok: true; text: string } | { ok: false; reason: string };

/** JSON.stringify that never throws (depth, cycles, BigInt, a throwing toJSON): it answers why instead. */
export function stringifyBounded(value: unknown, maxDepth: number = MAX_JSON_DEPTH, indent?: number): BoundedStringify {
  if (valueTooDeep(value, maxDepth)) return { ok: false, reason: `The value is nested deeper than ${maxDepth} levels.` };
  try {
    const text = JSON.stringify(value, null, indent);
    return { ok: true, text: text ?? 'null' };
  } catch (error) {
    return { ok: false, reason: `The value cannot be written as JSON (${errorText(error)}).` };
  }
}
