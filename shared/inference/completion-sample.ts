import type { ShapeNode } from './shape';

/**
 * `value` (the latest event's body) with every field the shape has seen and `value` lacks added as
 * a placeholder of its type, recursively, so that `{{` completion offers fields that only older
 * events had. Values `value` has are kept; arrays get their first item completed (completion
 * reads `.0`). A new value: `value` is not changed.
 */
export function withSeenFields(node: ShapeNode, value: unknown, now: string, depth = 0): unknown {
  if (depth > 32) return value;
  if (node.properties && (node.objects ?? 0) > 0) {
    if (!isPlainObject(value)) return value === undefined || value === null ? placeholder(node, now, depth) : value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) define(out, key, value[key]);
    for (const key in node.properties) {
      const child = node.properties[key] as ShapeNode;
      define(out, key, Object.hasOwn(value, key) ? withSeenFields(child, value[key], now, depth + 1) : placeholder(child, now, depth + 1));
    }
    return out;
  }
  if (node.items && node.types.includes('array')) {
    if (!Array.isArray(value)) return value === undefined || value === null ? placeholder(node, now, depth) : value;
    if (value.length === 0) return [placeholder(node.items, now, depth + 1)];
    return [withSeenFields(node.items, value[0], now, depth + 1), ...value.slice(1)];
  }
  return value === undefined ? placeholder(node, now, depth) : value;
}

/** A value of the node's type (objects and arrays filled in), for a field the latest event lacks. */
function placeholder(node: ShapeNode, now: string, depth: number): unknown {
  if (depth > 32) return null;
  if (node.properties && (node.objects ?? 0) > 0) {
    const out: Record<string, unknown> = {};
    for (const key in node.properties) define(out, key, placeholder(node.properties[key] as ShapeNode, now, depth + 1));
    return out;
  }
  if (node.types.includes('array')) return node.items ? [placeholder(node.items, now, depth + 1)] : [];
  if (node.types.includes('string')) return node.dateTime ? now : 'string';
  if (node.types.includes('integer') || node.types.includes('number')) return 0;
  if (node.types.includes('boolean')) return true;
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own key even when it is `__proto__`. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `withSeenFields` over several shapes (one type on several connectors): each adds what the others lack. */
export function withFieldsOfShapes(nodes: readonly ShapeNode[], value: unknown, now: string): unknown {
  let out = value;
  for (const node of nodes) out = withSeenFields(node, out, now);
  return out;
}
