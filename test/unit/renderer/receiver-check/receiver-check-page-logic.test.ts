import { describe, expect, it } from 'vitest';
import { MAX_DOWN_FOR_SECONDS, receiverCheckRunSchema, type ReceiverCheckCase, type ReceiverCheckRun } from '../../../../shared/schemas/receiver-check';
import { retryTimeline } from '../../../../shared/receiver-check/retry-timeline';
import { checkRequest, EMPTY_DRAFT } from '../../../../renderer/src/features/receiver-check/check-form';
import { parseDownFor } from '../../../../renderer/src/features/receiver-check/down-for';
import { mergeRun } from '../../../../renderer/src/features/receiver-check/merge-run';
import { runProgress, runStatusText, summaryLine } from '../../../../renderer/src/features/receiver-check/scorecard-text';
import { timelineEntries, trackPosition } from '../../../../renderer/src/features/receiver-check/timeline-entries';

describe('"Down for"', () => {
  it('reads units, combinations and a plain number as minutes', () => {
    expect(parseDownFor('30 min')).toEqual({ seconds: 1800 });
    expect(parseDownFor('6h')).toEqual({ seconds: 21_600 });
    expect(parseDownFor('1 d 12 h')).toEqual({ seconds: 129_600 });
    expect(parseDownFor('1d, 30m, 15s')).toEqual({ seconds: 88_215 });
    expect(parseDownFor('90s')).toEqual({ seconds: 90 });
    expect(parseDownFor('1.5 hours')).toEqual({ seconds: 5400 });
    expect(parseDownFor('45')).toEqual({ seconds: 2700 });
    expect(parseDownFor('0')).toEqual({ seconds: 0 });
    expect(parseDownFor('30 d')).toEqual({ seconds: MAX_DOWN_FOR_SECONDS });
  });

  it('says what is wrong instead of guessing', () => {
    expect(parseDownFor('')).toHaveProperty('error');
    expect(parseDownFor('31 d')).toEqual({ error: expect.stringContaining('30 days') });
    expect(parseDownFor('5 fortnights')).toEqual({ error: expect.stringContaining('"fortnights" is not a unit') });
    expect(parseDownFor('2 h 30')).toEqual({ error: expect.stringContaining('unit') });
    expect(parseDownFor('h')).toHaveProperty('error');
    expect(parseDownFor('1..2 h')).toHaveProperty('error');
    expect(parseDownFor('-5 min')).toHaveProperty('error');
  });

  it('reads at most 64 characters (hostile or pasted text fails at once)', () => {
    expect(parseDownFor('1 s '.repeat(10_000))).toEqual({ error: expect.stringContaining('64 characters') });
  });
});

describe('the form as a request', () => {
  const filled = { url: ' http://127.0.0.1:3000/hooks ', profile: 'stripe' as const, secret: 'whsec_abc', downFor: '2 h' };

  it('builds the POST body the engine validates (URL trimmed, down time in seconds)', () => {
    expect(checkRequest(filled)).toEqual({ request: { url: 'http://127.0.0.1:3000/hooks', profile: 'stripe', secret: 'whsec_abc', downForSeconds: 7200 } });
  });

  it('keys problems by the request field, as the engine does, in sentences', () => {
    const result = checkRequest(EMPTY_DRAFT);
    expect(result).toHaveProperty('fields');
    const fields = (result as { fields: Record<string, string> }).fields;
    expect(Object.keys(fields).sort()).toEqual(['secret', 'url']);
    expect(checkRequest({ ...filled, url: 'ftp://x' })).toEqual({ fields: { url: 'Receiver URL must be an http or https URL.' } });
    expect(checkRequest({ ...filled, downFor: 'soon' })).toEqual({ fields: { downForSeconds: expect.stringContaining('not a duration') } });
  });
});

function aCase(id: ReceiverCheckCase['id'], verdict: ReceiverCheckCase['verdict']): ReceiverCheckCase {
  return { id, name: id, expectation: 'answers 2xx', verdict, sent: null, received: null, error: null, durationMs: verdict === 'pending' ? null : 5, advice: null };
}

function aRun(id: string, startedTime: string, cases: ReceiverCheckCase[], status: ReceiverCheckRun['status'] = 'running'): ReceiverCheckRun {
  const count = (v: string) => cases.filter((c) => c.verdict === v).length;
  return receiverCheckRunSchema.parse({
    id,
    url: 'http://127.0.0.1:3000/hooks',
    profile: 'standard-webhooks',
    status,
    startedTime,
    finishedTime: status === 'running' ? null : startedTime,
    timeoutMs: 15_000,
    profileTimeoutMs: 15_000,
    timeoutSourceUrl: 'https://docs.svix.com/retries',
    summary: { pass: count('pass'), fail: count('fail'), warning: count('warning') },
    cases,
    retryTimeline: { ...retryTimeline('standard-webhooks', 3600) },
    error: null,
  });
}

describe('the scorecard in words', () => {
  it('says "7 passed, 1 failed, 1 warning" and leaves out zeros', () => {
    expect(summaryLine({ pass: 7, fail: 1, warning: 1 })).toBe('7 passed, 1 failed, 1 warning');
    expect(summaryLine({ pass: 9, fail: 0, warning: 2 })).toBe('9 passed, 2 warnings');
    expect(summaryLine({ pass: 0, fail: 0, warning: 0 })).toBe('No case graded yet');
  });

  it('counts progress and names the case running', () => {
    const run = aRun('rc_1', '2026-12-02T00:00:00.000Z', [aCase('valid-delivery', 'pass'), aCase('tampered-body', 'pending'), aCase('wrong-secret', 'pending')]);
    expect(runProgress(run)).toEqual({ done: 1, total: 3 });
    expect(runStatusText(run)).toBe('Running: 1 of 3 cases done, now tampered-body…');
    expect(runStatusText({ ...run, status: 'failed', error: 'connection refused' })).toBe('The check could not run: connection refused');
  });
});

describe('history merging', () => {
  const early = aRun('rc_a', '2026-12-02T00:00:00.000Z', [aCase('valid-delivery', 'pass'), aCase('tampered-body', 'pending')]);
  const later = { ...early, cases: [aCase('valid-delivery', 'pass'), aCase('tampered-body', 'fail')], status: 'done' as const };

  it('keeps runs newest first, at most 20', () => {
    let runs: readonly ReceiverCheckRun[] = [];
    for (let i = 0; i < 25; i += 1) runs = mergeRun(runs, aRun(`rc_${i}`, `2026-12-02T00:00:${String(i).padStart(2, '0')}.000Z`, [aCase('valid-delivery', 'pass')], 'done'));
    expect(runs).toHaveLength(20);
    expect(runs[0]!.id).toBe('rc_24');
    expect(runs.at(-1)!.id).toBe('rc_5');
  });

  it('never lets an older message undo a newer one (stream and polling may cross)', () => {
    const runs = mergeRun(mergeRun([], early), later);
    expect(runs[0]!.status).toBe('done');
    expect(mergeRun(runs, early)).toBe(runs);
  });
});

describe('the retry timeline as a list', () => {
  it('lists attempts in time order, the receiver coming back, and the delivery', () => {
    const entries = timelineEntries(retryTimeline('standard-webhooks', 3600));
    expect(entries.map((e) => e.kind)).toEqual(['failed', 'failed', 'failed', 'failed', 'back-up', 'succeeded']);
    expect(entries.at(-1)!.text).toBe('Attempt 5 gets through');
  });

  it('ends with the give-up and disable points when the receiver stays down', () => {
    const timeline = retryTimeline('standard-webhooks', 6 * 24 * 3600);
    const entries = timelineEntries(timeline);
    expect(entries.filter((e) => e.kind === 'failed')).toHaveLength(timeline.attempts.length);
    expect(entries.slice(-2).map((e) => e.kind)).toEqual(['gave-up', 'disabled']);
    for (let i = 1; i < entries.length; i += 1) expect(entries[i]!.atSeconds).toBeGreaterThanOrEqual(entries[i - 1]!.atSeconds);
  });

  it('draws on a 0..1 track that shows seconds and days', () => {
    expect(trackPosition(0, 86_400)).toBe(0);
    expect(trackPosition(86_400, 86_400)).toBe(1);
    expect(trackPosition(5, 86_400)).toBeGreaterThan(0.005);
    expect(trackPosition(10, 0)).toBe(0);
  });
});
