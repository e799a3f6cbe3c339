import { describe, expect, it } from 'vitest';
import { baseRetryDelayMs, nextRetryDelayMs } from '../../../../shared/retry/next-retry-delay';
import { DEFAULT_RETRY_POLICY, FAILURE_THRESHOLD, retryPolicySchema, type RetryPolicy } from '../../../../shared/retry/retry-policy';
import { formatDelay, retrySchedule } from '../../../../shared/retry/retry-schedule';

const policy = (p: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, ...p });

describe('retry delays', () => {
  it('exponential, linear and fixed backoff, capped', () => {
    const exp = policy({ jitter: 0, initialDelaySeconds: 5, maxDelaySeconds: 30, maxAttempts: 10 });
    expect([1, 2, 3, 4, 5].map((n) => baseRetryDelayMs(exp, n))).toEqual([5000, 10000, 20000, 30000, 30000]);
    const lin = policy({ backoff: 'linear', jitter: 0, initialDelaySeconds: 2, maxDelaySeconds: 7 });
    expect([1, 2, 3, 4].map((n) => baseRetryDelayMs(lin, n))).toEqual([2000, 4000, 6000, 7000]);
    const fixed = policy({ backoff: 'fixed', initialDelaySeconds: 3 });
    expect([1, 4].map((n) => baseRetryDelayMs(fixed, n))).toEqual([3000, 3000]);
  });

  it('no delay after the last attempt', () => {
    expect(nextRetryDelayMs(policy({ maxAttempts: 3 }), 3, 0.5)).toBeNull();
    expect(nextRetryDelayMs(policy({ maxAttempts: 1 }), 1, 0.5)).toBeNull();
    expect(nextRetryDelayMs(policy({ maxAttempts: 3 }), 2, 0.5)).not.toBeNull();
  });

  it('jitter stays within ±jitter of the base and never above the cap', () => {
    const p = policy({ jitter: 0.2, initialDelaySeconds: 10, maxDelaySeconds: 60, maxAttempts: 20 });
    for (let attempt = 1; attempt < 20; attempt++) {
      const base = baseRetryDelayMs(p, attempt);
      for (const r of [0, 0.001, 0.25, 0.5, 0.75, 0.999999, 1]) {
        const delay = nextRetryDelayMs(p, attempt, r) ?? -1;
        expect(delay).toBeGreaterThanOrEqual(Math.round(base * 0.8));
        expect(delay).toBeLessThanOrEqual(Math.min(Math.round(base * 1.2), 60_000));
      }
    }
    expect(nextRetryDelayMs(p, 1, 0)).toBe(8000);
    expect(nextRetryDelayMs(p, 1, 0.5)).toBe(10000);
    expect(nextRetryDelayMs(policy({ jitter: 0, initialDelaySeconds: 10 }), 1, 0.99)).toBe(10000);
  });

  it('out-of-range random values are clamped', () => {
    const p = policy({ jitter: 0.5, initialDelaySeconds: 10, maxDelaySeconds: 100 });
    expect(nextRetryDelayMs(p, 1, -3)).toBe(5000);
    expect(nextRetryDelayMs(p, 1, 7)).toBe(15000);
  });
});

describe('retry schedule and policy', () => {
  it('lists every attempt for the UI', () => {
    const schedule = retrySchedule(DEFAULT_RETRY_POLICY);
    expect(schedule.map((s) => s.delayMs)).toEqual([0, 5000, 10000, 20000, 40000]);
    expect(schedule.map((s) => s.afterFirstMs)).toEqual([0, 5000, 15000, 35000, 75000]);
    expect(schedule[1]).toMatchObject({ attempt: 2, minDelayMs: 4000, maxDelayMs: 6000 });
  });

  it('formats delays for people', () => {
    expect([0, 5000, 60_000, 90_000, 3_600_000, 5_400_000].map(formatDelay)).toEqual(['0 s', '5 s', '1 min', '1 min 30 s', '1 h', '1 h 30 min']);
  });

  it('five failures make FAILED; the policy schema checks its ranges', () => {
    expect(FAILURE_THRESHOLD).toBe(5);
    expect(retryPolicySchema.safeParse(DEFAULT_RETRY_POLICY).success).toBe(true);
    expect(retryPolicySchema.safeParse({ ...DEFAULT_RETRY_POLICY, maxAttempts: 0 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ ...DEFAULT_RETRY_POLICY, jitter: 1.5 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ ...DEFAULT_RETRY_POLICY, initialDelaySeconds: 60, maxDelaySeconds: 10 }).success).toBe(false);
  });
});
