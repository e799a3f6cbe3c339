import { describe, expect, it } from 'vitest';
import { lineTooDeep, pruneTooDeep, recordLine, SERIALIZE, TOO_DEEP_NOTE } from '../../../electron/engine/store/journal-line';
import { MAX_RECORD_DEPTH, valueTooDeep } from '../../../shared/json/bounded-json';
import { deepObject, deepText } from './store-test-kit';

describe('journal lines', () => {
  it('tells a wide line (many brackets) from a deep one', () => {
    const wide = JSON.stringify({ items: Array.from({ length: 1000 }, (_, i) => ({ i, tags: ['[', '{'] })) });
    expect(lineTooDeep(wide)).toBe(false);
    expect(lineTooDeep(deepText(MAX_RECORD_DEPTH))).toBe(false);
    expect(lineTooDeep(deepText(MAX_RECORD_DEPTH + 1))).toBe(true);
  });

  it('answers why a record cannot be a line instead of throwing', () => {
    expect(recordLine({ op: 'put', body: deepObject(10_000) })).toMatchObject({ ok: false, reason: expect.stringContaining('JSON') });
    expect(recordLine({ op: 'put', body: deepObject(300) })).toMatchObject({ ok: false, reason: expect.stringContaining('deeper than 264') });
    const cyclic: Record<string, unknown> = { op: 'x' };
    cyclic.self = cyclic;
    expect(recordLine(cyclic).ok).toBe(false);
    const throwing = { op: 'put', [SERIALIZE]: () => { throw new Error('boom'); } };
    expect(recordLine(throwing)).toMatchObject({ ok: false, reason: expect.stringContaining('boom') });
    expect(recordLine({ op: 'put', n: 1 })).toEqual({ ok: true, text: '{"op":"put","n":1}\n' });
  });

  it('prunes only what is over the bound, keeping order, arrays and everything shallower', () => {
    const value = { first: [1, { b: 2 }, 'c'], deep: deepObject(10_000), last: true };
    const copy = pruneTooDeep(value);
    expect(copy?.pruned).toBe(1);
    const pruned = copy!.value as typeof value;
    expect(Object.keys(pruned)).toEqual(['first', 'deep', 'last']);
    expect(pruned.first).toEqual([1, { b: 2 }, 'c']);
    expect(valueTooDeep(pruned, MAX_RECORD_DEPTH)).toBe(false);
    expect(JSON.stringify(pruned)).toContain(TOO_DEEP_NOTE);
    expect(pruneTooDeep({ a: 1 })).toEqual({ value: { a: 1 }, pruned: 0 });
  });
});
