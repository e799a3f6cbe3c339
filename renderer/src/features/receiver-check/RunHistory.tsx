import { useId } from 'react';
import type { ReceiverCheckRun } from '../../../../shared/schemas/receiver-check';
import { senderProfile } from '../../../../shared/receiver-check/profiles';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { summaryLine } from './scorecard-text';

function outcome(run: ReceiverCheckRun): string {
  if (run.status === 'running') return 'running';
  if (run.status === 'failed') return 'could not run';
  return summaryLine(run.summary);
}

/** The kept runs, newest first; picking one shows its scorecard. */
export function RunHistory({ runs, shownId, onShow, error }: { runs: readonly ReceiverCheckRun[]; shownId: string | null; onShow(id: string): void; error: string | null }) {
  const titleId = useId();
  const now = useNow();
  return (
    <section className="rc-history" aria-labelledby={titleId}>
      <h3 id={titleId}>History</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {runs.length === 0 ? (
        <p className="muted small">No checks yet. Runs are kept here (the newest 20) with their scorecards.</p>
      ) : (
        <ul className="rc-runs" aria-label="Past runs">
          {runs.map((run) => (
            <li key={run.id}>
              <button type="button" className={run.id === shownId ? 'rc-run-item shown' : 'rc-run-item'} aria-current={run.id === shownId ? 'true' : undefined} onClick={() => onShow(run.id)}>
                <span className="rc-run-url mono">{run.url}</span>
                <span className="rc-run-meta">
                  <span>{senderProfile(run.profile).label}</span>
                  <span className={run.summary.fail > 0 || run.status === 'failed' ? 'rc-run-outcome bad' : 'rc-run-outcome'}>{outcome(run)}</span>
                  <time dateTime={run.startedTime}>{relativeTime(run.startedTime, now)}</time>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
