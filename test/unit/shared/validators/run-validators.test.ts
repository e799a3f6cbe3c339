import { describe, expect, it } from 'vitest';
import { allValidatorsPassed, NOT_JSON, NO_MATCH, NO_RESPONSE, runValidators } from '../../../../shared/validators/run-validators';

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
});
