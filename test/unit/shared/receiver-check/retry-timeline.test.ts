import { describe, expect, it } from 'vitest';
import { SENDER_PROFILES } from '../../../../shared/receiver-check/profiles';
import { formatDuration, retryTimeline } from '../../../../shared/receiver-check/retry-timeline';
import { RECEIVER_CHECK_PROFILES, retryTimelineSchema } from '../../../../shared/schemas/receiver-check';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** What a sender would do with one event while the receiver is down: computed from the published schedule. */
describe('retryTimeline', () => {
  it('follows the Standard Webhooks (Svix) schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    const t = retryTimeline('standard-webhooks', 10 * DAY);
    expect(t.attempts.map((a) => a.atSeconds)).toEqual([0, 5, 305, 2105, 9305, 27305, 63305, 99305]);
    expect(t.attempts.every((a) => a.outcome === 'failed')).toBe(true);
    expect(t).toMatchObject({ outcome: 'disabled', deliveredAtSeconds: null, gaveUpAtSeconds: 99305, disabledAtSeconds: 5 * DAY, approximate: false });
    expect(t.sourceUrl).toBe('https://docs.svix.com/retries');
  });

  it('delivers on the first attempt at or after the receiver is back', () => {
    // Svix's own example: three failures, then delivered about 35 min 5 s after the first attempt.
    const t = retryTimeline('standard-webhooks', 2000);
    expect(t.attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'succeeded']);
    expect(t).toMatchObject({ outcome: 'delivered', deliveredAtSeconds: 2105, gaveUpAtSeconds: null, disabledAtSeconds: null });
    expect(t.summary).toContain('delivers the event on attempt 4, 35 min 5 s after the first');
    // An attempt exactly when the receiver comes back finds it up.
    expect(retryTimeline('standard-webhooks', 305).deliveredAtSeconds).toBe(305);
    expect(retryTimeline('standard-webhooks', 0).attempts).toEqual([{ attempt: 1, atSeconds: 0, outcome: 'succeeded' }]);
  });

  it('gives up without disabling when down longer than the schedule but shorter than the disable rule', () => {
    const t = retryTimeline('standard-webhooks', 2 * DAY);
    expect(t).toMatchObject({ outcome: 'gave-up', gaveUpAtSeconds: 99305, disabledAtSeconds: null });
    expect(t.summary).toContain('gives up on the event after 8 attempts, 1 d 4 h after the first');
  });

  it('GitHub makes one attempt and never retries', () => {
    const t = retryTimeline('github', 60);
    expect(t.attempts).toEqual([{ attempt: 1, atSeconds: 0, outcome: 'failed' }]);
    expect(t).toMatchObject({ outcome: 'gave-up', gaveUpAtSeconds: 0, disabledAtSeconds: null });
    expect(t.summary).toContain('makes one attempt and does not retry');
  });

  it('Shopify retries 8 times over about 4 hours, then removes the subscription', () => {
    const t = retryTimeline('shopify', DAY);
    expect(t.attempts).toHaveLength(9);
    expect(t.gaveUpAtSeconds).toBeGreaterThanOrEqual(4 * HOUR);
    expect(t.gaveUpAtSeconds).toBeLessThan(4.5 * HOUR);
    expect(t).toMatchObject({ outcome: 'disabled', disabledAtSeconds: t.gaveUpAtSeconds, approximate: true });
  });

  it('Slack retries 3 times within about 6 minutes, and disables subscriptions only after an hour of failures', () => {
    const short = retryTimeline('slack', 30 * 60);
    expect(short.attempts.map((a) => a.atSeconds)).toEqual([0, 3, 63, 363]);
    expect(short).toMatchObject({ outcome: 'gave-up', disabledAtSeconds: null });
    expect(retryTimeline('slack', 2 * HOUR)).toMatchObject({ outcome: 'disabled', disabledAtSeconds: HOUR });
    expect(retryTimeline('slack', 60).deliveredAtSeconds).toBe(63);
  });

  it('Stripe retries for up to three days', () => {
    const t = retryTimeline('stripe', 4 * DAY);
    expect(t.gaveUpAtSeconds).toBe(3 * DAY);
    expect(t).toMatchObject({ outcome: 'gave-up', disabledAtSeconds: null, approximate: true });
  });

  it('Hookdesk: 5 attempts about 75 s apart in all, then the webhook goes FAILED', () => {
    const t = retryTimeline('hookdesk', HOUR);
    expect(t.attempts.map((a) => a.atSeconds)).toEqual([0, 5, 15, 35, 75]);
    expect(t).toMatchObject({ outcome: 'disabled', disabledAtSeconds: 75 });
  });

  it('answers the schema for every profile and downtime, attempts in order and the last one deciding', () => {
    for (const profile of RECEIVER_CHECK_PROFILES) {
      for (const down of [0, 1, 59, 3600, 86_399, 30 * DAY]) {
        const t = retryTimelineSchema.parse(retryTimeline(profile, down));
        const times = t.attempts.map((a) => a.atSeconds);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(t.attempts.length).toBeLessThanOrEqual(SENDER_PROFILES[profile].retry.delaysSeconds.length + 1);
        expect(t.attempts.slice(0, -1).every((a) => a.outcome === 'failed')).toBe(true);
        expect(t.attempts.at(-1)?.outcome === 'succeeded').toBe(t.outcome === 'delivered');
      }
    }
  });
});

describe('formatDuration', () => {
  it('writes seconds, minutes, hours and days', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(300_000)).toBe('5 min');
    expect(formatDuration(2_105_000)).toBe('35 min 5 s');
    expect(formatDuration(9_305_000)).toBe('2 h 35 min');
    expect(formatDuration(3 * DAY * 1000)).toBe('3 d');
    expect(formatDuration(99_305_000)).toBe('1 d 4 h');
  });
});
