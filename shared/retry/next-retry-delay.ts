import type { RetryPolicy } from './retry-policy';

/** The delay before the attempt after `failedAttempt` without jitter, in ms (capped). */
export function baseRetryDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  const n = Math.max(1, Math.floor(failedAttempt));
  const initialMs = policy.initialDelaySeconds * 1000;
  const raw =
    policy.backoff === 'exponential' ? initialMs * 2 ** Math.min(n - 1, 40) : policy.backoff === 'linear' ? initialMs * n : initialMs;
  return Math.min(raw, policy.maxDelaySeconds * 1000);
}

/** The range jitter may put the delay in: [base*(1-j), min(base*(1+j), max)]. */
export function retryDelayBoundsMs(policy: RetryPolicy, failedAttempt: number): { minMs: number; maxMs: number } {
  const base = baseRetryDelayMs(policy, failedAttempt);
  return {
    minMs: Math.round(base * (1 - policy.jitter)),
    maxMs: Math.round(Math.min(base * (1 + policy.jitter), policy.maxDelaySeconds * 1000)),
  };
}

/**
 * Ms to wait after attempt `failedAttempt` (1-based) failed, or `null` when that was the last attempt.
 * `random` is a number in [0, 1) (inject `Math.random` in the engine, a constant in tests and previews).
 */
export function nextRetryDelayMs(policy: RetryPolicy, failedAttempt: number, random: number): number | null {
  if (failedAttempt >= policy.maxAttempts) return null;
  const base = baseRetryDelayMs(policy, failedAttempt);
  const r = Math.min(Math.max(random, 0), 1);
  const spread = base * (1 + policy.jitter * (2 * r - 1));
  const { minMs, maxMs } = retryDelayBoundsMs(policy, failedAttempt);
  return Math.min(Math.max(Math.round(spread), minMs), maxMs);
}
