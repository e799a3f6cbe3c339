import { z } from 'zod';

/** 5 consecutive failed attempts put a webhook in `FAILED` (API.md). Tests do not count. */
export const FAILURE_THRESHOLD = 5;

export const BACKOFF_KINDS = ['exponential', 'linear', 'fixed'] as const;
export type BackoffKind = (typeof BACKOFF_KINDS)[number];

/**
 * How one delivery is retried. Attempt 1 is sent at once; attempt n+1 waits `delay(n)` after attempt n failed:
 * exponential `initial * 2^(n-1)`, linear `initial * n`, fixed `initial`; capped at `maxDelaySeconds`, then
 * spread by ±`jitter` (a fraction) so that many held deliveries do not all fire in the same instant.
 */
export const retryPolicySchema = z
  .object({
    maxAttempts: z.number().int().min(1, 'must be 1..20').max(20, 'must be 1..20'),
    backoff: z.enum(BACKOFF_KINDS),
    initialDelaySeconds: z.number().min(0, 'must be 0..86400').max(86_400, 'must be 0..86400'),
    maxDelaySeconds: z.number().min(0, 'must be 0..86400').max(86_400, 'must be 0..86400'),
    jitter: z.number().min(0, 'must be 0..1').max(1, 'must be 0..1'),
  })
  .strict()
  .refine((p) => p.maxDelaySeconds >= p.initialDelaySeconds, {
    message: 'must be at least initialDelaySeconds',
    path: ['maxDelaySeconds'],
  });
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/** 5 attempts: at once, then about 5 s, 10 s, 20 s, 40 s later (±20 %), capped at 5 min. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  backoff: 'exponential',
  initialDelaySeconds: 5,
  maxDelaySeconds: 300,
  jitter: 0.2,
};
