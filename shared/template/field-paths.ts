import { isLosslessNumber } from '../json/lossless-json';

/**
 * The dotted field paths of a sample, for `{{` completion in the template editor: every object key,
 * nested (`data.customer.email`); arrays give their own path plus their first item's fields under
 * `.0` (`data.items.0.id`, which mustache resolves too). Depth and count are capped.
 */
export function templateFieldPaths(sample: unknown, options: { maxDepth?: number; maxPaths?: number } = {}): string[] {
  const maxDepth = options.maxDepth ?? 8;
  const maxPaths = options.maxPaths ?? 500;
  const out: string[] = [];
  const walk = (value: unknown, prefix: string, depth: number): void => {
    if (out.length >= maxPaths || depth > maxDepth) return;
    if (Array.isArray(value)) {
      if (value.length > 0) walk(value[0], `${prefix}.0`, depth + 1);
      return;
    }
    if (typeof value !== 'object' || value === null || isLosslessNumber(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (out.length >= maxPaths) return;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.push(path);
      walk(child, path, depth + 1);
    }
  };
  walk(sample, '', 0);
  return out;
}
