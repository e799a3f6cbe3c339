import { describe, expect, it } from 'vitest';
import { ACTUAL_MAX_CHARS, allValidatorsPassed, NOT_JSON, NO_MATCH, NO_RESPONSE, runValidators, TOO_DEEP } from '../../../../shared/validators/run-validators';
import { stringifyBounded } from '../../../../shared/json/bounded-json';

const body = JSON.stringify({ data: { status: 'ok', code: 200, ready: true, tags: ['a', 'b'], items: [{ id: 1 }, { id: 2 }] } });

describe('response validators', () => {
  it('passes when the value at the path is one of the expected values', () => {
    const results = runValidators(
      [
        { path: '$.data.status', expected: ['ok', 'accepted'] },
        { path: '$.data.code', expected: [200] },
        { path: '$.data.code', expected: ['200'] },
        { path: '$.data.ready', expected: ['true'] },
      ],
      body,
    );
    expect(results.map((r) => [r.actual, r.ok])).toEqual([
      ['ok', true],
      [200, true],
      [200, true],
      [true, true],
    ]);
    expect(allValidatorsPassed(results)).toBe(true);
  });

  it('fails with the actual value when it differs', () => {
    const [result] = runValidators([{ path: '$.data.status', expected: ['done'] }], body);
    expect(result).toEqual({ path: '$.data.status', expected: ['done'], actual: 'ok', ok: false });
  });

  it('several matches: actual is the list, any one passing is enough; no expected values means "exists"', () => {
    const [many, exists, missing] = runValidators(
      [
        { path: '$.data.items[*].id', expected: [2] },
        { path: '$.data.tags', expected: [] },
        { path: '$.data.nope', expected: [] },
      ],
      body,
    );
    expect(many).toMatchObject({ actual: [1, 2], ok: true });
    expect(exists).toMatchObject({ actual: ['a', 'b'], ok: true });
    expect(missing).toMatchObject({ actual: NO_MATCH, ok: false });
  });

  it('filter expressions run in safe mode', () => {
    const [result] = runValidators([{ path: '$.data.items[?(@.id > 1)].id', expected: [2] }], body);
    expect(result).toMatchObject({ actual: 2, ok: true });
  });

  it('a non-JSON response or no response fails every validator with a clear actual', () => {
    expect(runValidators([{ path: '$.a', expected: ['x'] }], '<html>502 Bad Gateway</html>')).toEqual([
      { path: '$.a', expected: ['x'], actual: NOT_JSON, ok: false },
    ]);
    expect(runValidators([{ path: '$.a', expected: [] }], null)[0]).toMatchObject({ actual: NO_RESPONSE, ok: false });
    expect(runValidators([], 'not json')).toEqual([]);
  });

  it('a response nested deeper than the bound fails every validator with the reason, and nothing deep is kept', () => {
    const deep = '{"a":'.repeat(6_000) + '1' + '}'.repeat(6_000);
    const results = runValidators([{ path: '$.a', expected: [] }, { path: '$..a', expected: ['x'] }], deep);
    expect(results).toEqual([
      { path: '$.a', expected: [], actual: TOO_DEEP, ok: false },
      { path: '$..a', expected: ['x'], actual: TOO_DEEP, ok: false },
    ]);
    expect(allValidatorsPassed(results)).toBe(false);
    expect(stringifyBounded(results).ok).toBe(true);
  });

  it('a found value that is big or deep is kept as a cut JSON preview; small ones as they are', () => {
    const response = JSON.stringify({
      big: Array.from({ length: 500 }, (_, i) => ({ i })),
      nested: JSON.parse('{"a":'.repeat(100) + '1' + '}'.repeat(100)) as unknown,
      small: { ok: [1, 2] },
    });
    const [big, nested, small] = runValidators(
      [
        { path: '$.big', expected: [] },
        { path: '$.nested', expected: [] },
        { path: '$.small', expected: [] },
      ],
      response,
    );
    expect(big?.ok).toBe(true);
    expect(typeof big?.actual).toBe('string');
    expect((big?.actual as string).startsWith('[{"i":0},{"i":1}')).toBe(true);
    expect((big?.actual as string).length).toBeLessThan(ACTUAL_MAX_CHARS + 40);
    expect(nested).toMatchObject({ ok: true, actual: expect.stringMatching(/nested deeper than/) });
    expect(small).toMatchObject({ ok: true, actual: { ok: [1, 2] } });
  });
});
