import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import { retryTimeline } from '../../../../shared/receiver-check/retry-timeline';
import { useConnectionStore } from '../../stores/connection-store';
import { asSentences, checkRequest, type CheckDraft } from './check-form';
import { CheckForm } from './CheckForm';
import { parseDownFor } from './down-for';
import { useReceiverChecksStore } from './receiver-checks-store';
import { rememberDraft, rememberedDraft } from './remembered-draft';
import { RetryTimelineView } from './RetryTimelineView';
import { RunHistory } from './RunHistory';
import { Scorecard } from './Scorecard';
import { runProgress, runStatusText } from './scorecard-text';
import './receiver-check.css';

/** How long a running run may stay quiet on the live stream before the page reads it itself. */
const QUIET_MS = { connected: 2000, disconnected: 1000 } as const;

/**
 * The Receiver check page (a tab): the form, the run's progress and scorecard, the retry timeline
 * for the chosen sender and down time (computed as you type), and the history of runs.
 */
export function ReceiverCheckPage() {
  const titleId = useId();
  const { runs, loaded, error, shownId, load, start, show, refresh } = useReceiverChecksStore();
  const streamConnected = useConnectionStore((s) => s.status === 'connected');
  const [draft, setDraft] = useState<CheckDraft>(rememberedDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startedId, setStartedId] = useState<string | null>(null);
  const startingRef = useRef(false);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const scorecardRef = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState(0);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  const started = runs.find((r) => r.id === startedId) ?? null;
  const running = starting || started?.status === 'running';
  const shown = runs.find((r) => r.id === shownId) ?? runs[0] ?? null;

  // The stream brings every change; a run that stays quiet (stream down, or a message lost) is read again.
  useEffect(() => {
    if (!started || started.status !== 'running') return;
    const timer = setTimeout(() => void refresh(started.id), streamConnected ? QUIET_MS.connected : QUIET_MS.disconnected);
    return () => clearTimeout(timer);
  }, [started, streamConnected, refresh]);

  // A run picked from the history: its scorecard is brought into view (it may sit above, or in the other column).
  useEffect(() => {
    if (picked > 0) scorecardRef.current?.scrollIntoView?.({ block: 'start' });
  }, [picked]);
  const pick = (id: string): void => {
    show(id);
    setPicked((n) => n + 1);
  };

  const change = (patch: Partial<CheckDraft>): void => {
    const next = { ...draftRef.current, ...patch };
    setDraft(next);
    rememberDraft(next);
    // A field's error goes once it is edited; the others stay until the next run.
    setErrors((previous) => {
      const keys = Object.keys(patch).map((k) => (k === 'downFor' ? 'downForSeconds' : k));
      return Object.fromEntries(Object.entries(previous).filter(([key]) => !keys.includes(key)));
    });
  };

  const run = useCallback(async (): Promise<void> => {
    if (startingRef.current) return;
    const checked = checkRequest(draftRef.current);
    if ('fields' in checked) {
      setErrors(checked.fields);
      setMessage('The check was not started: fix the marked fields, then run it again.');
      return;
    }
    startingRef.current = true;
    setStarting(true);
    setErrors({});
    setMessage(null);
    try {
      const created = await start(checked.request);
      setStartedId(created.id);
    } catch (err) {
      const fields = err instanceof ApiError ? asSentences(err.fields) : {};
      setErrors(fields);
      setMessage(
        Object.keys(fields).length > 0 ? 'The engine refused the check: see the marked fields.' : `The check could not be started: ${(err as Error).message}`,
      );
    } finally {
      startingRef.current = false;
      setStarting(false);
    }
  }, [start]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    if (!running) void run();
  };

  // The timeline follows the form as it is typed: the shared pure function, no request.
  const down = parseDownFor(draft.downFor);
  const downSeconds = 'seconds' in down ? down.seconds : null;
  const timeline = useMemo(() => (downSeconds === null ? null : retryTimeline(draft.profile, downSeconds)), [draft.profile, downSeconds]);
  const progress = started?.status === 'running' ? runProgress(started) : null;
  // "Down for" is read as it is typed (the timeline follows it), so its problem shows at once too.
  const shownErrors = 'error' in down ? { ...errors, downForSeconds: down.error } : errors;

  return (
    <section className="panel rc-page" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <div className="panel-head">
        <h2 id={titleId}>Receiver check</h2>
      </div>
      <p className="muted rc-intro">
        Fires a battery of deliveries at your receiver, signed the way the chosen sender signs, and grades each answer: valid and forged signatures,
        replays, duplicates, order, bursts, big and odd bodies.
      </p>
      <div className="rc-columns">
        <div className="rc-left">
          <div className="rc-form-area">
            <CheckForm draft={draft} errors={shownErrors} running={running} onChange={change} onRun={() => void run()} />
            <div className="rc-progress">
              {progress && <progress aria-label="Check progress" max={progress.total} value={progress.done} />}
              <p role="status" className="small">
                {message ?? (started ? runStatusText(started) : starting ? 'Starting the check…' : '')}
              </p>
            </div>
          </div>
          <div className="rc-timeline-area">
            {timeline ? <RetryTimelineView timeline={timeline} /> : <p className="muted small">Fix “Down for” to see the retry timeline.</p>}
          </div>
          <div className="rc-history-area">
            <RunHistory runs={runs} shownId={shown?.id ?? null} onShow={pick} error={error} />
          </div>
        </div>
        <div className="rc-right">
          <div className="rc-scorecard-area" ref={scorecardRef}>
            {shown ? (
              <Scorecard key={shown.id} run={shown} />
            ) : (
              <div className="empty">
                <p>{loaded ? 'No check has run yet.' : 'Loading the history…'}</p>
                <p className="muted small">Start your receiver, fill in its URL and secret, and press Run check: the scorecard shows here.</p>
              </div>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
