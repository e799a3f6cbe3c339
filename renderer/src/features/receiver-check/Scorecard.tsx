import { Fragment, useId, useState } from 'react';
import type { ReceiverCheckCase, ReceiverCheckRun } from '../../../../shared/schemas/receiver-check';
import { senderProfile } from '../../../../shared/receiver-check/profiles';
import { HeadersTable } from '../../components/HeadersTable';
import { formatDuration } from '../../../../shared/receiver-check/retry-timeline';
import { formatMs, runProgress, runStatusText, summaryLine, VERDICT_TEXT } from './scorecard-text';
import { SourceLink } from './SourceLink';

/** A verdict in words with a symbol beside it: colour is never the only sign. */
export function VerdictBadge({ verdict }: { verdict: ReceiverCheckCase['verdict'] }) {
  const { label, symbol } = VERDICT_TEXT[verdict];
  return (
    <span className={`pill rc-verdict rc-verdict-${verdict}`}>
      <span aria-hidden="true">{symbol}</span> {label}
    </span>
  );
}

/** What one case sent and what came back, the transport error if any, and what to change. */
function CaseDetails({ c }: { c: ReceiverCheckCase }) {
  return (
    <div className="rc-details">
      <p>
        <strong>Expected:</strong> {c.expectation}
      </p>
      {c.advice && (
        <p className={c.verdict === 'pass' ? 'rc-advice' : 'rc-advice rc-advice-todo'}>
          <strong>{c.verdict === 'pass' ? 'Observed:' : 'What to change:'}</strong> {c.advice}
        </p>
      )}
      {c.error && (
        <p className="error">
          <strong>Error:</strong> {c.error}
        </p>
      )}
      {/* Bodies exactly as sent and received (the first 2 KiB): re-indenting would change the bytes, numbers and escapes being graded. */}
      <div className="rc-exchange">
        <section aria-label={`Sent: ${c.name}`}>
          <h4>Sent{c.sent?.count && c.sent.count > 1 ? ` (${c.sent.count} requests, the first shown)` : ''}</h4>
          {c.sent ? (
            <>
              <p className="rc-request-line">
                <span className="mono">
                  {c.sent.method} {c.sent.url}
                </span>{' '}
                · {c.sent.bytes.toLocaleString('en-US')} bytes
              </p>
              <HeadersTable label={`Headers sent: ${c.name}`} headers={c.sent.headers} />
              <pre aria-label={`Body sent: ${c.name}`} tabIndex={0}>{c.sent.bodyPreview || '(empty body)'}</pre>
            </>
          ) : (
            <p className="muted">Nothing sent yet.</p>
          )}
        </section>
        <section aria-label={`Came back: ${c.name}`}>
          <h4>Came back</h4>
          {c.received ? (
            <>
              <p className="mono">HTTP {c.received.status}</p>
              <HeadersTable label={`Headers received: ${c.name}`} headers={c.received.headers} />
              <pre aria-label={`Body received: ${c.name}`} tabIndex={0}>{c.received.bodyPreview || '(empty body)'}</pre>
            </>
          ) : (
            <p className="muted">{c.verdict === 'pending' ? 'Waiting for the answer.' : 'No answer.'}</p>
          )}
        </section>
      </div>
    </div>
  );
}

/**
 * One run's scorecard: the summary line, what the cases were graded against, and a table of cases
 * (verdict in words, time) whose rows open to what was sent, what came back and the advice.
 */
export function Scorecard({ run }: { run: ReceiverCheckRun }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const baseId = useId();
  const profile = senderProfile(run.profile);
  const toggle = (id: string): void =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const { done, total } = runProgress(run);
  return (
    <section className="rc-scorecard" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>Scorecard</h3>
      <p className="rc-target">
        <span className="mono">{run.url}</span> as {profile.label}
      </p>
      <p className="rc-summary">
        {run.status === 'running' ? `${summaryLine(run.summary)} so far (${done} of ${total} cases)` : summaryLine(run.summary)}
      </p>
      {run.status === 'failed' && <p className="error">{runStatusText(run)}</p>}
      <p className="muted small">
        Answers must come within {formatMs(run.timeoutMs)}
        {run.timeoutMs !== run.profileTimeoutMs ? ` (set for this run; ${profile.label} itself waits ${formatDuration(run.profileTimeoutMs)})` : ''}.{' '}
        <SourceLink url={run.timeoutSourceUrl} what={`${profile.label} timeout`} /> · Started {new Date(run.startedTime).toLocaleString()}
      </p>
      <table className="table rc-cases" aria-label="Scorecard">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Verdict</th>
            <th scope="col" className="rc-num">
              Time
            </th>
            <th scope="col">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {run.cases.map((c) => {
            const isOpen = open.has(c.id);
            const detailsId = `${baseId}-${c.id}`;
            return (
              <Fragment key={c.id}>
                <tr className={`rc-case rc-case-${c.verdict}`}>
                  <th scope="row" className="rc-case-name">
                    {c.name}
                  </th>
                  <td>
                    <VerdictBadge verdict={c.verdict} />
                  </td>
                  <td className="rc-num">{formatMs(c.durationMs)}</td>
                  <td className="rc-toggle">
                    <button type="button" aria-expanded={isOpen} aria-controls={isOpen ? detailsId : undefined} aria-label={`Details: ${c.name}`} onClick={() => toggle(c.id)}>
                      {isOpen ? 'Hide' : 'Details'}
                    </button>
                  </td>
                </tr>
                {isOpen && (
                  <tr className="rc-details-row" id={detailsId}>
                    <td colSpan={4}>
                      <CaseDetails c={c} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
