/**
 * The field paths that differ between two validated resources (`auth.token`, `headers.X-Team`,
 * `events`): objects are compared key by key, anything else (arrays, scalars) as a whole. The inputs
 * are schema-validated resources, whose nesting is a few levels by construction; `maxDepth` still
 * bounds the walk so a caller can never make it recurse without end.
 */
export function changedFields(before: unknown, after: unknown, maxDepth = 8): string[] {
  const paths: string[] = [];
  walk(before, after, '', maxDepth, paths);
  return paths.sort();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(before: unknown, after: unknown, path: string, depth: number, out: string[]): void {
  if (depth > 0 && isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) walk(before[key], after[key], path === '' ? key : `${path}.${key}`, depth - 1, out);
    return;
  }
  if (!sameValue(before, after)) out.push(path === '' ? '(all)' : path);
}

/** Deep equality ignoring object key order (arrays in order). */
export function sameValue(a: unknown, b: unknown, depth = 16): boolean {
  if (a === b) return true;
  if (depth <= 0) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i], depth - 1));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key], depth - 1));
  }
  return false;
}
