import { baseRetryDelayMs, retryDelayBoundsMs } from './next-retry-delay';
import type { RetryPolicy } from './retry-policy';

export interface ScheduledAttempt {
  /** 1-based attempt number. */
  attempt: number;
  /** Nominal wait after the previous attempt failed (0 for the first). */
  delayMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Nominal time since the first attempt. */
  afterFirstMs: number;
}

/** Every attempt of one delivery under `policy`, for the UI's schedule preview. */
export function retrySchedule(policy: RetryPolicy): ScheduledAttempt[] {
  const out: ScheduledAttempt[] = [{ attempt: 1, delayMs: 0, minDelayMs: 0, maxDelayMs: 0, afterFirstMs: 0 }];
  let afterFirstMs = 0;
  for (let attempt = 2; attempt <= policy.maxAttempts; attempt++) {
    const delayMs = baseRetryDelayMs(policy, attempt - 1);
    const { minMs, maxMs } = retryDelayBoundsMs(policy, attempt - 1);
    afterFirstMs += delayMs;
    out.push({ attempt, delayMs, minDelayMs: minMs, maxDelayMs: maxMs, afterFirstMs });
  }
  return out;
}

/** "5 s", "2 min", "1 h 30 min": a short human duration for the schedule preview. */
export function formatDelay(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  const h = Math.floor(s / 3600);
  const min = Math.round((s % 3600) / 60);
  return min === 0 ? `${h} h` : `${h} h ${min} min`;
}
