/**
 * The JSONPath subset a Postman test script can walk without a JSONPath library (the Postman
 * sandbox has none): `$`, `.name`, `['name']`, `[0]`, `.*` and `[*]`. A validator with anything
 * else (filters, `..`, slices, unions) is checked by Hookdesk only; its Postman test is skipped and
 * says so. Each step is a key (an array index is its digits, as JSONPath reads them) or `*`.
 */
export type PathStep = { key: string } | { all: true };

export type CompiledPath = { ok: true; steps: PathStep[] } | { ok: false; reason: string };

const NAME = /^[\p{L}\p{N}_-]+/u;
const MAX_STEPS = 64;

export function compileJsonPath(path: string): CompiledPath {
  const text = path.trim();
  if (!text.startsWith('$')) return { ok: false, reason: 'it does not start with $' };
  const steps: PathStep[] = [];
  let i = 1;
  while (i < text.length) {
    if (steps.length >= MAX_STEPS) return { ok: false, reason: `it has more than ${MAX_STEPS} steps` };
    const rest = text.slice(i);
    if (rest.startsWith('..')) return { ok: false, reason: 'recursive descent (..) needs a JSONPath library' };
    if (rest.startsWith('.*')) {
      steps.push({ all: true });
      i += 2;
      continue;
    }
    if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) return { ok: false, reason: `"${rest.slice(0, 20)}" is not a plain name` };
      steps.push({ key: name });
      i += 1 + name.length;
      continue;
    }
    const bracket = /^\[(?:(\*)|(\d{1,9})|'([^'\\]*)'|"([^"\\]*)")\]/.exec(rest);
    if (!bracket) return { ok: false, reason: `"${rest.slice(0, 20)}" (filters, slices, unions, negative indexes) needs a JSONPath library` };
    const [whole, star, index, single, double] = bracket;
    steps.push(star ? { all: true } : { key: index ?? single ?? double ?? '' });
    i += whole.length;
  }
  return { ok: true, steps };
}
