import { DAY_MS, HOUR_MS } from './connector-counters';

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

const KEEP_HOURS = 48;
const KEEP_DAYS = 14;

export function emptyRuntime(): WebhookRuntime {
  return { failed: false, consecutiveFailures: 0, lastSuccessMs: null, hourly: {}, daily: {} };
}

/** Counts one attempt in its hour and day; buckets older than the charts show are dropped. */
export function countOutcome(runtime: WebhookRuntime, ok: boolean, timeMs: number): void {
  const hour = Math.floor(timeMs / HOUR_MS);
  const day = Math.floor(timeMs / DAY_MS);
  const field = ok ? 'succeeded' : 'failed';
  const hadHour = String(hour) in runtime.hourly;
  (runtime.hourly[String(hour)] ??= { succeeded: 0, failed: 0 })[field] += 1;
  (runtime.daily[String(day)] ??= { succeeded: 0, failed: 0 })[field] += 1;
  if (hadHour) return;
  for (const key of Object.keys(runtime.hourly)) if (Number(key) < hour - KEEP_HOURS) delete runtime.hourly[key];
  for (const key of Object.keys(runtime.daily)) if (Number(key) < day - KEEP_DAYS) delete runtime.daily[key];
}

/** `count` buckets of `sizeMs` ending with the one holding `nowMs`, oldest first. */
export function outcomeSeries(
  buckets: Record<string, OutcomeCounts>,
  nowMs: number,
  sizeMs: number,
  count: number,
): { start: string; succeeded: number; failed: number }[] {
  const current = Math.floor(nowMs / sizeMs);
  const series: { start: string; succeeded: number; failed: number }[] = [];
  for (let n = current - count + 1; n <= current; n += 1) {
    const bucket = buckets[String(n)];
    series.push({ start: new Date(n * sizeMs).toISOString(), succeeded: bucket?.succeeded ?? 0, failed: bucket?.failed ?? 0 });
  }
  return series;
}
