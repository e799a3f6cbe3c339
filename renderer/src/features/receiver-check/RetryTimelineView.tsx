import { useId } from 'react';
import type { RetryTimeline } from '../../../../shared/schemas/receiver-check';
import { senderProfile } from '../../../../shared/receiver-check/profiles';
import { formatDuration } from '../../../../shared/receiver-check/retry-timeline';
import { SourceLink } from './SourceLink';
import { timelineEntries, trackPosition } from './timeline-entries';

const at = (seconds: number): string => (seconds === 0 ? 'at once' : `after ${formatDuration(seconds * 1000)}`);

/**
 * What the chosen sender would do with one event while the receiver is down: a list of attempts in
 * time order with the give-up and disable points (what screen readers read), and the same drawn on a
 * track beside it (decoration only).
 */
export function RetryTimelineView({ timeline }: { timeline: RetryTimeline }) {
  const titleId = useId();
  const profile = senderProfile(timeline.profile);
  const entries = timelineEntries(timeline);
  const end = Math.max(timeline.downForSeconds, ...entries.map((e) => e.atSeconds));
  return (
    <section className="rc-timeline" aria-labelledby={titleId}>
      <h3 id={titleId}>Retry timeline</h3>
      <p className="muted small">
        What {profile.label} would do with one event if your receiver were down for {formatDuration(timeline.downForSeconds * 1000)}: computed from
        its {profile.retry.approximate ? 'published summary (the waits between attempts are an estimate)' : 'published schedule'}, nothing is sent.
      </p>
      {end > 0 && (
        <div className="rc-track" aria-hidden="true">
          <div className="rc-track-down" style={{ width: `${trackPosition(timeline.downForSeconds, end) * 100}%` }} />
          {entries.map((e) => (
            <span key={e.key} className={`rc-mark rc-mark-${e.kind}`} style={{ left: `${trackPosition(e.atSeconds, end) * 100}%` }} title={`${e.text}, ${at(e.atSeconds)}`} />
          ))}
          <span className="rc-track-start">0</span>
          <span className="rc-track-end">{formatDuration(end * 1000)}</span>
        </div>
      )}
      <ol className="rc-entries" aria-label="Retry timeline">
        {entries.map((e) => (
          <li key={e.key} className={`rc-entry rc-entry-${e.kind}`}>
            <span className="rc-entry-time">{at(e.atSeconds)}</span>
            <span>{e.text}</span>
          </li>
        ))}
      </ol>
      <p className="rc-timeline-summary">{timeline.summary}</p>
      <p className="muted small">
        <SourceLink url={timeline.sourceUrl} what={`${profile.label} retry schedule`} />
      </p>
    </section>
  );
}
