import { describe, expect, it } from 'vitest';
import { withSeenFields } from '../../../../shared/inference/completion-sample';
import { toJsonSchema } from '../../../../shared/inference/json-schema';
import { cloneShape, emptyShape, looksLikeDateTime, mergeValue, pathOf, reviveShape, type Shape, type ShapeLimits } from '../../../../shared/inference/shape';

function shapeOf(...values: unknown[]): Shape {
  const shape = emptyShape();
  for (const value of values) mergeValue(shape, value);
  return shape;
}

const schemaOf = (...values: unknown[]) => toJsonSchema(shapeOf(...values));

describe('shape merge and JSON Schema', () => {
  it('answers a draft 2020-12 schema with types, properties in first-seen order, and required', () => {
    const schema = schemaOf({ id: 'a', amount: 10, paid: true, note: null }, { id: 'b', amount: 12, paid: false, extra: 'x', note: null });
    expect(schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        id: { type: 'string' },
        amount: { type: 'integer' },
        paid: { type: 'boolean' },
        note: { type: 'null' },
        extra: { type: 'string' },
      },
      required: ['id', 'amount', 'paid', 'note'],
    });
    expect(Object.keys(schema.properties as object)).toEqual(['id', 'amount', 'paid', 'note', 'extra']);
  });

  it('lists several types, folds integer into number, and keeps required relative to the objects seen', () => {
    const schema = schemaOf({ v: 1, w: 'a', data: { id: 1 } }, { v: 1.5, w: null, data: null }, { v: 2, w: 3, data: { id: 2, x: true } });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.v).toEqual({ type: 'number' });
    expect(properties.w).toEqual({ type: ['null', 'integer', 'string'] });
    expect(properties.data).toEqual({
      type: ['null', 'object'],
      properties: { id: { type: 'integer' }, x: { type: 'boolean' } },
      required: ['id'],
    });
  });

  it('merges every sampled array item into one items schema', () => {
    const schema = schemaOf({ items: [{ sku: 'a', qty: 1 }, { sku: 'b' }] }, { items: [] }, { items: [{ sku: 'c', qty: 2, gift: true }] }, { tags: [] });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.items).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { sku: { type: 'string' }, qty: { type: 'integer' }, gift: { type: 'boolean' } },
        required: ['sku'],
      },
    });
    expect(properties.tags).toEqual({ type: 'array' });
    expect(schema).not.toHaveProperty('required');
  });

  it('marks strings that were always RFC 3339 timestamps as date-time, and drops the format at the first other string', () => {
    expect(looksLikeDateTime('2026-01-02T03:04:05Z')).toBe(true);
    expect(looksLikeDateTime('2026-01-02T03:04:05.123+02:00')).toBe(true);
    expect(looksLikeDateTime('2026-01-02')).toBe(false);
    expect(looksLikeDateTime('yesterday at noon, more or less')).toBe(false);
    const shape = shapeOf({ at: '2026-01-02T03:04:05Z' }, { at: '2026-01-03T03:04:05.5Z' });
    expect((toJsonSchema(shape).properties as Record<string, unknown>).at).toEqual({ type: 'string', format: 'date-time' });
    expect(mergeValue(shape, { at: 'soon' }).changed).toBe(true);
    expect((toJsonSchema(shape).properties as Record<string, unknown>).at).toEqual({ type: 'string' });
  });

  it('answers {} for a shape that has seen nothing, and types a body that is not an object', () => {
    expect(toJsonSchema(emptyShape())).toEqual({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expect(schemaOf('text', 'more')).toMatchObject({ type: 'string' });
  });

  it('keeps odd keys as keys: bracket paths, and __proto__ as an own property', () => {
    expect(pathOf('$', 'id')).toBe('$.id');
    expect(pathOf('$', 'a b')).toBe("$['a b']");
    expect(pathOf('$', "it's")).toBe("$['it\\'s']");
    const body = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}') as unknown;
    const shape = shapeOf(body);
    const schema = toJsonSchema(shape);
    expect(Object.keys(schema.properties as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
    const drift = mergeValue(shape, JSON.parse('{"__proto__": {"x": 1, "y": 2}, "constructor": 2}')).drift;
    expect(drift?.added).toEqual(['$.__proto__.y']);
  });

  it('reports whether the schema changed: a conforming value changes nothing', () => {
    const shape = shapeOf({ a: 1, b: { c: 'x' }, d: [1] });
    expect(mergeValue(shape, { a: 2, b: { c: 'y' }, d: [2, 3] }).changed).toBe(false);
    expect(mergeValue(shape, { a: 2.5, b: { c: 'y' }, d: [] }).changed).toBe(true);
    expect(mergeValue(shape, { a: 3, b: { c: 'z' }, d: [1] }).changed).toBe(false);
    expect(mergeValue(shape, { a: 3, b: {}, d: [1] }).changed).toBe(true); // c no longer required
    expect(mergeValue(shape, { a: 3, b: {}, d: [1] }).changed).toBe(false);
    expect(shape.root.count).toBe(6);
  });

  it('survives a trip through JSON (a journal record) and copies deeply', () => {
    const shape = shapeOf({ a: [{ b: '2026-01-02T03:04:05Z' }], 'odd key': null });
    const revived = reviveShape(JSON.parse(JSON.stringify(shape)));
    expect(revived).toEqual(shape);
    expect(toJsonSchema(revived as Shape)).toEqual(toJsonSchema(shape));
    const copy = cloneShape(shape);
    mergeValue(copy, { a: [{ b: 1 }], c: true });
    expect(toJsonSchema(shape)).not.toEqual(toJsonSchema(copy));
    expect(reviveShape({ nodes: 1 })).toBeNull();
    expect(reviveShape('nope')).toBeNull();
  });
});

describe('shape drift', () => {
  it('has none for the first value, nor for a value like the earlier ones', () => {
    const shape = emptyShape();
    expect(mergeValue(shape, { a: 1, b: { c: 'x' } })).toEqual({ changed: true, drift: null });
    expect(mergeValue(shape, { a: 2, b: { c: 'y' } })).toEqual({ changed: false, drift: null });
  });

  it('reports added paths (only the top of a new subtree), missing ones (only those in every earlier value), and changed types', () => {
    const shape = shapeOf({ id: 'e1', data: { object: { id: 'o1', amount: 5 } }, optional: 1 }, { id: 'e2', data: { object: { id: 'o2', amount: 7 } } });
    const { drift, changed } = mergeValue(shape, { id: 'e3', data: { object: { id: 9, currency: 'eur' }, shipping: { city: 'Oslo', zip: '0150' } } });
    expect(changed).toBe(true);
    expect(drift).toEqual({
      added: ['$.data.object.currency', '$.data.shipping'],
      missing: ['$.data.object.amount'],
      changed: [{ path: '$.data.object.id', was: 'string', now: 'integer' }],
    });
    // optional was missing in e2 already: not reported again.
    expect(drift?.missing).not.toContain('$.optional');
  });

  it('reports a changed parent, not its children, when an object became something else', () => {
    const shape = shapeOf({ data: { id: 'a', n: 1 } });
    expect(mergeValue(shape, { data: null }).drift).toEqual({ added: [], missing: [], changed: [{ path: '$.data', was: 'object', now: 'null' }] });
    expect(mergeValue(shape, { data: { id: 'b', n: 2, more: true } }).drift).toEqual({ added: ['$.data.more'], missing: [], changed: [] });
  });

  it('lists every earlier type, and treats integers where numbers were as conforming', () => {
    const shape = shapeOf({ v: 'a' }, { v: null }, { n: 1.5, v: 'b' });
    const drift = mergeValue(shape, { n: 2, v: true }).drift;
    expect(drift?.changed).toEqual([{ path: '$.v', was: 'null | string', now: 'boolean' }]);
    const ints = shapeOf({ n: 1 });
    expect(mergeValue(ints, { n: 1.25 }).drift?.changed).toEqual([{ path: '$.n', was: 'integer', now: 'number' }]);
  });

  it('reports array item paths once, with [*]', () => {
    const shape = shapeOf({ items: [{ sku: 'a', qty: 1 }] }, { items: [] });
    const drift = mergeValue(shape, { items: [{ qty: 1, sku: 2 }, { qty: '3', sku: 4, gift: true }, { sku: 5, gift: false }] }).drift;
    expect(drift).toEqual({
      added: ['$.items[*].gift'],
      missing: ['$.items[*].qty'],
      changed: [
        { path: '$.items[*].sku', was: 'string', now: 'integer' },
        { path: '$.items[*].qty', was: 'integer', now: 'string' },
      ],
    });
    const empty = shapeOf({ tags: [] }, { tags: [] });
    expect(mergeValue(empty, { tags: ['x'] }).drift?.added).toEqual(['$.tags[*]']);
  });

  it('reports a body of another type at $', () => {
    const shape = shapeOf({ a: 1 });
    expect(mergeValue(shape, 'plain text').drift).toEqual({ added: [], missing: [], changed: [{ path: '$', was: 'object', now: 'string' }] });
  });
});

describe('shape limits', () => {
  const limits: ShapeLimits = { maxDepth: 3, maxProperties: 4, maxItems: 2, maxNodes: 50 };

  it('types values past the depth limit without looking into them', () => {
    const shape = emptyShape();
    mergeValue(shape, { a: { b: { c: { d: { e: 1 } } } } }, limits);
    const a = shape.root.properties?.a;
    const c = a?.properties?.b?.properties?.c;
    expect(c?.types).toEqual(['object']);
    expect(c?.properties).toBeUndefined();
    expect(mergeValue(shape, { a: { b: { c: { different: true } } } }, limits)).toEqual({ changed: false, drift: null });
  });

  it('tracks at most maxProperties keys per object and marks the node truncated once', () => {
    const shape = emptyShape();
    const wide = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    expect(mergeValue(shape, wide, limits).changed).toBe(true);
    expect(Object.keys(shape.root.properties ?? {})).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(shape.root.truncated).toBe(true);
    expect(mergeValue(shape, { ...wide, k11: 1 }, limits)).toEqual({ changed: false, drift: null });
  });

  it('samples only the first maxItems items of an array', () => {
    const shape = emptyShape();
    mergeValue(shape, { list: [1, 2, 'three', { four: 4 }] }, limits);
    expect(shape.root.properties?.list?.items?.types).toEqual(['integer']);
    expect(shape.root.properties?.list?.items?.count).toBe(2);
  });

  it('stops adding nodes at maxNodes', () => {
    const shape = emptyShape();
    const tight: ShapeLimits = { ...limits, maxProperties: 100, maxNodes: 5 };
    mergeValue(shape, Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, { x: i }])), tight);
    expect(shape.nodes).toBe(5);
    expect(shape.root.truncated).toBe(true);
  });

  it('looks at no more than maxValues values per body, marks the shape truncated, and reports nothing it did not look at as missing', () => {
    const shape = emptyShape();
    const tight: ShapeLimits = { ...limits, maxProperties: 100, maxValues: 5 };
    mergeValue(shape, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, tight);
    expect(Object.keys(shape.root.properties ?? {})).toEqual(['a', 'b', 'c', 'd']);
    expect(shape.root.truncated).toBe(true);
    expect(mergeValue(shape, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, tight)).toEqual({ changed: false, drift: null });
  });

  it('a body nested thousands deep or a million keys wide merges within the default bounds', () => {
    const deep = JSON.parse('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)) as unknown;
    const shape = emptyShape();
    expect(() => mergeValue(shape, deep)).not.toThrow();
    const wide = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, [{ i }]]));
    const result = mergeValue(emptyShape(), wide);
    expect(result.changed).toBe(true);
  });
});

describe('withSeenFields (completion sample)', () => {
  it('keeps the latest values and adds placeholders for fields only older values had', () => {
    const shape = shapeOf(
      { id: 'a', data: { old: 'x', at: '2026-01-01T00:00:00Z', list: [{ sku: 's', n: 1 }] }, gone: { deep: true } },
      { id: 'b', data: { list: [] } },
    );
    const latest = { id: 'c', data: { list: [{ n: 2 }], fresh: 1 } };
    expect(withSeenFields(shape.root, latest, '2026-05-05T00:00:00.000Z')).toEqual({
      id: 'c',
      data: { list: [{ n: 2, sku: 'string' }], fresh: 1, old: 'string', at: '2026-05-05T00:00:00.000Z' },
      gone: { deep: true },
    });
    expect(latest).toEqual({ id: 'c', data: { list: [{ n: 2 }], fresh: 1 } });
  });

  it('fills a null or absent object and an empty array from the shape', () => {
    const shape = shapeOf({ data: { id: 1 }, list: [{ a: 'x' }] });
    expect(withSeenFields(shape.root, { data: null, list: [] }, 'now')).toEqual({ data: { id: 0 }, list: [{ a: 'string' }] });
    expect(withSeenFields(shape.root, undefined, 'now')).toEqual({ data: { id: 0 }, list: [{ a: 'string' }] });
    expect(withSeenFields(shape.root, 'text', 'now')).toBe('text');
  });
});
