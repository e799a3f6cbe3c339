import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../../../shared/schemas/delivery';
import { answerBodyText, countChangedLines, diffSummary } from '../../../../renderer/src/features/relay/answer-diff';

const answer = (status: number | null, body = '', error: string | null = null): Invocation => ({
  ok: status !== null && status < 300,
  request: { method: 'POST', url: 'http://127.0.0.1:3000/', headers: {}, body: '{}' },
  response: status === null ? null : { status, headers: {}, body },
  error,
  durationMs: 3,
  validators: [],
});

describe('countChangedLines', () => {
  it('is 0 for equal texts', () => {
    expect(countChangedLines('a\nb', 'a\nb')).toBe(0);
  });
  it('counts a replaced line once', () => {
    expect(countChangedLines('a\nb\nc', 'a\nB\nc')).toBe(1);
  });
  it('counts added and removed lines', () => {
    expect(countChangedLines('a\nb\nc', 'a\nc')).toBe(1);
    expect(countChangedLines('a\nc', 'a\nb\nb2\nc')).toBe(2);
    expect(countChangedLines('', 'x\ny')).toBe(2);
  });
  it('counts separate runs separately', () => {
    expect(countChangedLines('1\n2\n3\n4\n5', '1\nX\n3\nY\nZ\n5')).toBe(3);
  });
});

describe('diffSummary', () => {
  it('says the status change and the lines changed', () => {
    const before = answer(200, '{"ok":true,"n":1}');
    const after = answer(500, '{"ok":false,"n":1}');
    expect(diffSummary(before, after)).toBe('Status 200 → 500 · 1 line changed');
  });
  it('says when nothing changed', () => {
    expect(diffSummary(answer(200, 'same'), answer(200, 'same'))).toBe('Status 200 (same) · body unchanged');
  });
  it('handles a missing response and no earlier answer', () => {
    expect(diffSummary(answer(200, 'x'), answer(null, '', 'connect ECONNREFUSED'))).toBe('Status 200 → no response · 1 line changed');
    expect(diffSummary(null, answer(201, ''))).toBe('Status 201 · no earlier answer from this target to compare with');
  });
  it('compares JSON bodies indented, so one changed field is one line', () => {
    expect(answerBodyText(answer(200, '{"a":1,"b":2}'))).toBe('{\n  "a": 1,\n  "b": 2\n}');
    expect(diffSummary(answer(200, '{"a":1,"b":2,"c":3}'), answer(200, '{"a":1,"b":20,"c":3}'))).toBe('Status 200 (same) · 1 line changed');
  });
});
