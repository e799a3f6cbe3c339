/**
 * A sample value from a JSON schema (as `GET /connectors/:id/schemas` infers them): the first
 * example, const or enum value when there is one, else a placeholder of the right type.
 */
type Schema = Record<string, unknown>;

function firstType(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') ?? type[0]) as string | undefined;
  return typeof type === 'string' ? type : undefined;
}

function given(schema: Schema): { found: boolean; value: unknown } {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { found: true, value: schema.examples[0] };
  if ('const' in schema) return { found: true, value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { found: true, value: schema.enum[0] };
  return { found: false, value: undefined };
}

function placeholder(type: string | undefined, schema: Schema, now: string): unknown {
  if (type === 'string') return schema.format === 'date-time' ? now : 'string';
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return true;
  return null;
}

export function sampleFromSchema(schema: unknown, now: string, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > 12) return null;
  const s = schema as Schema;
  const example = given(s);
  if (example.found) return example.value;
  const variants = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) return sampleFromSchema(variants[0], now, depth + 1);
  const type = firstType(s) ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  if (type === 'object') {
    const props = (s.properties ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(props).map(([key, sub]) => [key, sampleFromSchema(sub, now, depth + 1)]));
  }
  if (type === 'array') return s.items ? [sampleFromSchema(s.items, now, depth + 1)] : [];
  return placeholder(type, s, now);
}
