import { addToBuckets } from './time-buckets';

export interface OutcomeCounts {
  succeeded: number;
  failed: number;
}

/** Per-webhook state that changes per attempt (the configuration lives in workspace.json). */
export interface WebhookRuntime {
  failed: boolean;
  consecutiveFailures: number;
  lastSuccessMs: number | null;
  /** Hour / day number since the epoch -> attempts that succeeded and failed. */
  hourly: Record<string, OutcomeCounts>;
  daily: Record<string, OutcomeCounts>;
}

export function emptyRuntime(): WebhookRuntime {
  return { failed: false, consecutiveFailures: 0, lastSuccessMs: null, hourly: {}, daily: {} };
}

/** Counts one attempt in its hour and day. */
export function countOutcome(runtime: WebhookRuntime, ok: boolean, timeMs: number): void {
  addToBuckets(runtime, timeMs, (bucket) => {
    const next = bucket ?? { succeeded: 0, failed: 0 };
    if (ok) next.succeeded += 1;
    else next.failed += 1;
    return next;
  });
}
