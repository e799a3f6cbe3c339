import type { ConnectorStatus } from '../../../shared/schemas/connector';
import { HOUR_MS } from '../store/time-buckets';

/** No event for this long: IDLE. */
export const IDLE_AFTER_MS = 12 * HOUR_MS;
/** No event for this long: NOT_RECEIVING_DATA. */
export const NOT_RECEIVING_AFTER_MS = 24 * HOUR_MS;

/** A connector's status from the time of its last event (null: never had one). */
export function statusAt(lastEventMs: number | null, nowMs: number): ConnectorStatus {
  if (lastEventMs === null) return 'OFFLINE';
  const quietMs = nowMs - lastEventMs;
  if (quietMs >= NOT_RECEIVING_AFTER_MS) return 'NOT_RECEIVING_DATA';
  if (quietMs >= IDLE_AFTER_MS) return 'IDLE';
  return 'ACTIVE';
}

/** When the status changes next if no event arrives meanwhile; null when it never will. */
export function nextStatusChangeAt(lastEventMs: number | null, nowMs: number): number | null {
  if (lastEventMs === null) return null;
  if (nowMs < lastEventMs + IDLE_AFTER_MS) return lastEventMs + IDLE_AFTER_MS;
  if (nowMs < lastEventMs + NOT_RECEIVING_AFTER_MS) return lastEventMs + NOT_RECEIVING_AFTER_MS;
  return null;
}
