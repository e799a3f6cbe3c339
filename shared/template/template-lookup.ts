import { isLosslessNumber } from '../json/lossless-json';

/**
 * Mustache name resolution over a stack of views, reading own properties only (no prototype
 * members, no functions called): `.` is the current item; in `a.b.c` the first name is found
 * through the stack, the rest strictly inside it.
 */
function ownProperty(holder: unknown, key: string): { found: boolean; value: unknown } {
  // A number kept as written (LosslessNumber) is a number to templates: it has no fields.
  if (typeof holder !== 'object' || holder === null || isLosslessNumber(holder) || !Object.hasOwn(holder, key)) return { found: false, value: undefined };
  return { found: true, value: (holder as Record<string, unknown>)[key] };
}

export function lookupName(stack: readonly unknown[], name: string): unknown {
  if (name === '.') return stack[stack.length - 1];
  const [head = '', ...rest] = name.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    const first = ownProperty(stack[i], head);
    if (!first.found) continue;
    let value = first.value;
    for (const key of rest) {
      const next = ownProperty(value, key);
      if (!next.found) return undefined;
      value = next.value;
    }
    return value;
  }
  return undefined;
}

/** Mustache truthiness: false, null, undefined, 0 (also written `0.0`), "" and [] hide a section. */
export function isFalsy(value: unknown): boolean {
  if (isLosslessNumber(value)) return Number(String(value)) === 0;
  return !value || (Array.isArray(value) && value.length === 0);
}
