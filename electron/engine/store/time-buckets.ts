/** Hourly and daily counts keyed by hour / day number since the epoch (UTC), for the 24 h and 7 d charts. */
export interface TimeBuckets<T> {
  hourly: Record<string, T>;
  daily: Record<string, T>;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Buckets older than this many hours/days are pruned (twice the widest range shown). */
const KEEP_HOURS = 48;
const KEEP_DAYS = 14;

/**
 * Adds to the hour and day holding `ms`: `bump` turns a bucket's value (undefined when new) into the
 * next one. Old buckets are pruned whenever a new hour starts, so the maps stay small. O(1) amortized.
 */
export function addToBuckets<T>(buckets: TimeBuckets<T>, ms: number, bump: (current: T | undefined) => T): void {
  const hour = Math.floor(ms / HOUR_MS);
  const day = Math.floor(ms / DAY_MS);
  const hadHour = String(hour) in buckets.hourly;
  buckets.hourly[String(hour)] = bump(buckets.hourly[String(hour)]);
  buckets.daily[String(day)] = bump(buckets.daily[String(day)]);
  if (hadHour) return;
  for (const key of Object.keys(buckets.hourly)) if (Number(key) < hour - KEEP_HOURS) delete buckets.hourly[key];
  for (const key of Object.keys(buckets.daily)) if (Number(key) < day - KEEP_DAYS) delete buckets.daily[key];
}

/** `count` buckets of `sizeMs` ending with the one that holds `nowMs`, oldest first, each as `view` shows it. */
export function bucketSeries<T, R extends object>(
  buckets: Record<string, T>,
  nowMs: number,
  sizeMs: number,
  count: number,
  view: (bucket: T | undefined) => R,
): ({ start: string } & R)[] {
  const current = Math.floor(nowMs / sizeMs);
  const series: ({ start: string } & R)[] = [];
  for (let n = current - count + 1; n <= current; n += 1) {
    series.push({ start: new Date(n * sizeMs).toISOString(), ...view(buckets[String(n)]) });
  }
  return series;
}
