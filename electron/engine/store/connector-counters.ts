import { addToBuckets } from './time-buckets';

/** Per-connector counts that survive retention: total events, last event time, time buckets. */
export interface ConnectorCounters {
  eventCount: number;
  lastEventMs: number | null;
  /** Hour number since the epoch (UTC) -> events in that hour. */
  hourly: Record<string, number>;
  /** Day number since the epoch (UTC) -> events in that day. */
  daily: Record<string, number>;
}

export function emptyCounters(): ConnectorCounters {
  return { eventCount: 0, lastEventMs: null, hourly: {}, daily: {} };
}

/** Counts one event received at `ms`. O(1) amortized: buckets, never a scan of events. */
export function countEvent(counters: ConnectorCounters, ms: number): void {
  counters.eventCount += 1;
  if (counters.lastEventMs === null || ms > counters.lastEventMs) counters.lastEventMs = ms;
  addToBuckets(counters, ms, (n) => (n ?? 0) + 1);
}
