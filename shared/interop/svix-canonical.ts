import { valueTooDeep } from '../json/bounded-json';

/**
 * JSON with every object's keys sorted, for comparing what Svix stores with what we want: its
 * server keeps JSON Schemas and metadata in maps that do not keep key order. Null when the value
 * nests deeper than the depth bound (a Svix answer is not ours to trust): such a value never
 * equals a wanted one, so it is written again.
 */
export function canonicalJson(value: unknown): string | null {
  if (valueTooDeep(value)) return null;
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    // defineProperty: a key such as `__proto__` stays an own key.
    Object.defineProperty(out, key, { value: sortKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Same JSON, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  const left = canonicalJson(a);
  return left !== null && left === canonicalJson(b);
}

/** Same members, ignoring order and duplicates; null (all) only equals null. */
export function sameSet(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  const left = a ?? null;
  const right = b ?? null;
  if (left === null || right === null) return left === right;
  const l = new Set(left);
  const r = new Set(right);
  return l.size === r.size && [...l].every((x) => r.has(x));
}
