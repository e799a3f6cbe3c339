import { emptyShape, mergeValue } from '../inference/shape';
import { toJsonSchema, type JsonSchema } from '../inference/json-schema';

/**
 * JSON Schema helpers for the event catalogs: a schema learnt from one value, a depth bound, and the
 * canonical form (no `$schema`, keys sorted) that makes a catalog diff well.
 */

/** Nesting levels (properties, items, anyOf, ...) a catalog schema keeps; deeper parts become `{}` with a note. */
export const MAX_CATALOG_SCHEMA_DEPTH = 24;

/** Keywords whose values are data (examples), not schemas: never walked, never re-ordered. */
const DATA_KEYWORDS = new Set(['examples', 'example', 'const', 'enum', 'default']);
/** Keywords holding one schema. */
const SCHEMA_KEYWORDS = new Set(['items', 'contentSchema', 'not', 'additionalProperties', 'contains']);
/** Keywords holding a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
/** Keywords holding a map of name -> schema. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs']);

/** The schema every value merged from `value` satisfies (the inference the engine runs on bodies), without `$schema`. */
export function schemaOfValue(value: unknown): JsonSchema {
  const shape = emptyShape();
  mergeValue(shape, value);
  return withoutDialect(toJsonSchema(shape));
}

export function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A fresh plain object with `key` set as an own property (so `__proto__` stays a key). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The schema in canonical form: every schema object's keys sorted, `properties` by name, sub-schemas
 * the same way down to `maxDepth` levels; below that a sub-schema is `{}` (anything) with a
 * description saying so. Data keywords (`examples`, `const`, `enum`, `default`) are kept as given.
 * Never recurses deeper than `maxDepth`, so a hostile schema cannot overflow the stack.
 */
export function canonicalSchema(schema: unknown, maxDepth = MAX_CATALOG_SCHEMA_DEPTH, depth = 0): JsonSchema {
  if (!isObject(schema)) return {};
  if (depth >= maxDepth) return { description: `Deeper levels are not described (the catalog keeps ${maxDepth} levels).` };
  const out: JsonSchema = {};
  for (const key of Object.keys(schema).sort(byCodeUnit)) {
    const value = schema[key];
    if (DATA_KEYWORDS.has(key)) put(out, key, value);
    else if (SCHEMA_KEYWORDS.has(key)) put(out, key, isObject(value) ? canonicalSchema(value, maxDepth, depth + 1) : value);
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) put(out, key, value.map((item) => canonicalSchema(item, maxDepth, depth + 1)));
    else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      const map: Record<string, unknown> = {};
      for (const name of Object.keys(value).sort(byCodeUnit)) put(map, name, canonicalSchema(value[name], maxDepth, depth + 1));
      put(out, key, map);
    } else if (key === 'required' && Array.isArray(value)) put(out, key, [...(value as string[])].sort(byCodeUnit));
    else put(out, key, value);
  }
  return out;
}

/** One schema for several: the schema itself when they agree (compared canonically), else `anyOf` of the distinct ones. */
export function unionOf(schemas: readonly JsonSchema[]): JsonSchema {
  const distinct = new Map<string, JsonSchema>();
  for (const schema of schemas) {
    const canonical = canonicalSchema(schema);
    distinct.set(JSON.stringify(canonical), canonical);
  }
  const list = [...distinct.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, s]) => s);
  if (list.length === 0) return {};
  if (list.length === 1) return list[0] as JsonSchema;
  return { anyOf: list };
}
