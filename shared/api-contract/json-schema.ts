import { z } from 'zod';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchema = Record<string, unknown>;

export const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';

type Io = 'input' | 'output';

interface ZodDef {
  type?: string;
  catchall?: unknown;
}

/**
 * Cleans what zod writes into what a reader of the document wants, in place:
 * - an answer object that zod strips (not `.strict()`) may carry more fields than listed (the
 *   engine adds some, e.g. `managed`), so its `additionalProperties: false` goes;
 * - the safe-integer bounds zod puts on every `.int()` say nothing and go;
 * - zod's own string formats (`starts_with`, ...) are not JSON Schema formats: the pattern stays.
 */
function tidy(io: Io) {
  return (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void => {
    const schema = ctx.jsonSchema;
    const def = (ctx.zodSchema as { _zod?: { def?: ZodDef } })._zod?.def;
    if (io === 'output' && def?.type === 'object' && def.catchall === undefined && schema.additionalProperties === false) {
      delete schema.additionalProperties;
    }
    if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
    if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
    if (schema.format === 'starts_with' || schema.format === 'ends_with' || schema.format === 'includes') delete schema.format;
  };
}

/**
 * Named zod schemas as `components.schemas` entries: one registry per direction, so a named schema
 * used inside another of the same set is a `$ref` and everything else is written inline.
 */
export function componentsFromZod(named: Readonly<Record<string, z.ZodType>>, io: Io): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const converted = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id) => `${COMPONENT_SCHEMA_PREFIX}${id}`,
    override: tidy(io),
  }) as { schemas: Record<string, JsonSchema> };
  const out: Record<string, JsonSchema> = {};
  for (const id of Object.keys(named)) {
    const { $schema: _dialect, $id: _id, ...schema } = converted.schemas[id] ?? {};
    out[id] = schema;
  }
  return out;
}

/** One query parameter as OpenAPI describes it. */
export interface QueryParameter {
  name: string;
  in: 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** The query parameters of a route, from the zod objects it parses `req.query` with (later ones win a name). */
export function queryParameters(objects: readonly z.ZodObject[]): QueryParameter[] {
  const merged = objects.reduce<z.ZodObject>((all, next) => all.extend(next.shape), z.object({}));
  const schema = z.toJSONSchema(merged, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', override: tidy('input') }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}
