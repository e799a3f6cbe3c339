import type { RetryTimeline } from '../../../../shared/schemas/receiver-check';

/** One line of the timeline list: an attempt, or the point where the sender gives up or disables the endpoint. */
export interface TimelineEntry {
  key: string;
  atSeconds: number;
  kind: 'failed' | 'succeeded' | 'gave-up' | 'disabled' | 'back-up';
  text: string;
}

/**
 * The timeline as one list in time order: each attempt (fails while the receiver is down, or gets
 * through), the moment the receiver is back (when it is before the last attempt), the give-up and
 * the disable points.
 */
export function timelineEntries(timeline: RetryTimeline): TimelineEntry[] {
  const entries: TimelineEntry[] = timeline.attempts.map((a) => ({
    key: `attempt-${a.attempt}`,
    atSeconds: a.atSeconds,
    kind: a.outcome,
    text: `Attempt ${a.attempt} ${a.outcome === 'succeeded' ? 'gets through' : 'fails: the receiver is down'}`,
  }));
  if (timeline.downForSeconds > 0 && timeline.deliveredAtSeconds !== null && timeline.downForSeconds < timeline.deliveredAtSeconds) {
    entries.push({ key: 'back-up', atSeconds: timeline.downForSeconds, kind: 'back-up', text: 'The receiver is back up' });
  }
  if (timeline.gaveUpAtSeconds !== null) {
    entries.push({ key: 'gave-up', atSeconds: timeline.gaveUpAtSeconds, kind: 'gave-up', text: 'The sender gives up on the event' });
  }
  if (timeline.disabledAtSeconds !== null) {
    entries.push({ key: 'disabled', atSeconds: timeline.disabledAtSeconds, kind: 'disabled', text: 'The sender disables the endpoint' });
  }
  const order: Record<TimelineEntry['kind'], number> = { 'back-up': 0, failed: 1, succeeded: 1, 'gave-up': 2, disabled: 3 };
  return entries.sort((a, b) => a.atSeconds - b.atSeconds || order[a.kind] - order[b.kind]);
}

/** Where a time sits on the drawn track, 0..1: a square-root scale, so seconds and days both show. */
export function trackPosition(atSeconds: number, endSeconds: number): number {
  if (endSeconds <= 0) return 0;
  return Math.min(1, Math.sqrt(Math.max(0, atSeconds)) / Math.sqrt(endSeconds));
}
