import { describe, expect, it } from 'vitest';
import { jsonTextDepth, MAX_JSON_DEPTH, parseBoundedJson, stringifyBounded, valueTooDeep } from '../../../../shared/json/bounded-json';

const nested = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('bounded JSON', () => {
  it('counts nesting without being fooled by brackets inside strings', () => {
    expect(jsonTextDepth('{"a":[1,{"b":"[[[{{{\\"]]]"}]}')).toBe(3);
    expect(jsonTextDepth('"just a string"')).toBe(0);
  });

  it('refuses a body of ten thousand levels with a reason instead of throwing', () => {
    const result = parseBoundedJson(nested(10_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('parses a body at the bound', () => {
    const result = parseBoundedJson(nested(MAX_JSON_DEPTH));
    expect(result.ok).toBe(true);
  });

  it('reports invalid JSON as a reason', () => {
    const result = parseBoundedJson('{"a":');
    expect(result.ok).toBe(false);
  });

  it('stringifies nothing over the bound and never throws on cycles or BigInt', () => {
    const deep = JSON.parse(nested(5_000)) as unknown;
    expect(valueTooDeep(deep)).toBe(true);
    expect(stringifyBounded(deep).ok).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(stringifyBounded(cyclic).ok).toBe(false);
    expect(stringifyBounded({ n: 1n }).ok).toBe(false);
    expect(stringifyBounded({ a: [1, 'x'] })).toEqual({ ok: true, text: '{"a":[1,"x"]}' });
  });
});
