/** Per-connector counts that survive retention: total events, last event time, time buckets. */
export interface ConnectorCounters {
  eventCount: number;
  lastEventMs: number | null;
  /** Hour number since the epoch (UTC) -> events in that hour. */
  hourly: Record<string, number>;
  /** Day number since the epoch (UTC) -> events in that day. */
  daily: Record<string, number>;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Buckets older than this many hours/days are pruned (twice the widest range shown). */
const KEEP_HOURS = 48;
const KEEP_DAYS = 14;

export function emptyCounters(): ConnectorCounters {
  return { eventCount: 0, lastEventMs: null, hourly: {}, daily: {} };
}

/** Counts one event received at `ms`. O(1) amortized: buckets, never a scan of events. */
export function countEvent(counters: ConnectorCounters, ms: number): void {
  counters.eventCount += 1;
  if (counters.lastEventMs === null || ms > counters.lastEventMs) counters.lastEventMs = ms;
  const hour = Math.floor(ms / HOUR_MS);
  const day = Math.floor(ms / DAY_MS);
  const hourKey = String(hour);
  const dayKey = String(day);
  const hadHour = hourKey in counters.hourly;
  counters.hourly[hourKey] = (counters.hourly[hourKey] ?? 0) + 1;
  counters.daily[dayKey] = (counters.daily[dayKey] ?? 0) + 1;
  if (!hadHour) prune(counters, hour, day);
}

function prune(counters: ConnectorCounters, hour: number, day: number): void {
  for (const key of Object.keys(counters.hourly)) if (Number(key) < hour - KEEP_HOURS) delete counters.hourly[key];
  for (const key of Object.keys(counters.daily)) if (Number(key) < day - KEEP_DAYS) delete counters.daily[key];
}

/** `count` buckets of `size` ms ending with the one that holds `nowMs`, oldest first. */
export function bucketSeries(
  buckets: Record<string, number>,
  nowMs: number,
  sizeMs: number,
  count: number,
): { start: string; count: number }[] {
  const current = Math.floor(nowMs / sizeMs);
  const series: { start: string; count: number }[] = [];
  for (let n = current - count + 1; n <= current; n += 1) {
    series.push({ start: new Date(n * sizeMs).toISOString(), count: buckets[String(n)] ?? 0 });
  }
  return series;
}
