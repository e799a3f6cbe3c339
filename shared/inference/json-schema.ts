import type { Shape, ShapeNode } from './shape';

export type JsonSchema = Record<string, unknown>;

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The JSON Schema (draft 2020-12) that every value merged into the shape satisfies: `type` (a list
 * when several were seen), `properties` in the order keys were first seen, `required` (the keys
 * present in every object seen there), `items` (every sampled item merged), and
 * `format: "date-time"` where every string was an RFC 3339 timestamp. A shape that has seen
 * nothing gives `{}` (anything).
 */
export function toJsonSchema(shape: Shape): JsonSchema {
  return { $schema: JSON_SCHEMA_DIALECT, ...nodeSchema(shape.root) };
}

function nodeSchema(node: ShapeNode): JsonSchema {
  const schema: JsonSchema = {};
  const [only] = node.types;
  if (node.types.length === 1 && only !== undefined) schema.type = only;
  else if (node.types.length > 1) schema.type = [...node.types];
  if (node.types.includes('string') && node.dateTime === true) schema.format = 'date-time';
  if (node.properties) {
    const properties: JsonSchema = {};
    const required: string[] = [];
    for (const key in node.properties) {
      const child = node.properties[key] as ShapeNode;
      // defineProperty: a key such as `__proto__` must stay an own key of the answer.
      Object.defineProperty(properties, key, { value: nodeSchema(child), enumerable: true, writable: true, configurable: true });
      if (child.count === node.objects) required.push(key);
    }
    schema.properties = properties;
    if (required.length > 0) schema.required = required;
  }
  if (node.items) schema.items = nodeSchema(node.items);
  return schema;
}
