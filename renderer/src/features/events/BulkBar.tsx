import { useCallback, useRef, useState } from 'react';
import { bulkSummary, type BulkResult } from './run-bulk';

export interface BulkAction {
  /** The button's text: "Replay to forward target". */
  label: string;
  /** Past tense for the summary: "replayed". */
  verb: string;
  /** When set, the action asks this first ("Delete 12 events for good?"). */
  confirm?: string;
  danger?: boolean;
  /** Runs over the selection, calling `progress(done)` as items finish. */
  run: (progress: (done: number) => void) => Promise<BulkResult>;
}

interface Running {
  label: string;
  done: number;
  total: number;
}

/** Runs one bulk action at a time, with its progress and the summary of the last run. */
export function useBulkRunner(): {
  running: Running | null;
  summary: string | null;
  start: (action: BulkAction, total: number) => Promise<void>;
  dismiss: () => void;
} {
  const [running, setRunning] = useState<Running | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const busy = useRef(false);
  const start = useCallback(async (action: BulkAction, total: number) => {
    if (busy.current) return;
    busy.current = true;
    setSummary(null);
    setRunning({ label: action.label, done: 0, total });
    try {
      const result = await action.run((done) => setRunning({ label: action.label, done, total }));
      setSummary(bulkSummary(action.verb, result));
    } catch (error) {
      setSummary(`${action.label} stopped: ${(error as Error).message}`);
    } finally {
      busy.current = false;
      setRunning(null);
    }
  }, []);
  return { running, summary, start, dismiss: () => setSummary(null) };
}

/**
 * "N selected" with the actions for the selection, a progress bar while one runs, and what
 * succeeded and failed when it is done. Shown while something is selected or a summary is left.
 */
export function BulkBar({ count, noun, actions, onClear }: { count: number; noun: [string, string]; actions: BulkAction[]; onClear: () => void }) {
  const { running, summary, start, dismiss } = useBulkRunner();
  const [confirming, setConfirming] = useState<BulkAction | null>(null);
  if (count < 2 && !running && !summary) return null;
  const what = `${count.toLocaleString()} ${count === 1 ? noun[0] : noun[1]}`;
  return (
    <div className="bulk-bar" role="region" aria-label="Selection">
      {count >= 2 && !running && (
        <>
          <span className="bulk-count">{what} selected</span>
          {confirming ? (
            <>
              <span>{(confirming.confirm ?? '').replace('{what}', what)}</span>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirming(null);
                  void start(confirming, count);
                }}
              >
                {confirming.label}
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </>
          ) : (
            <>
              {actions.map((action) => (
                <button key={action.label} type="button" className={action.danger ? 'danger' : undefined} onClick={() => (action.confirm ? setConfirming(action) : void start(action, count))}>
                  {action.label}
                </button>
              ))}
              <button type="button" onClick={onClear}>
                Clear selection
              </button>
            </>
          )}
        </>
      )}
      {running && (
        <>
          <span>
            {running.label}: {running.done.toLocaleString()} of {running.total.toLocaleString()}
          </span>
          <div
            className="bulk-progress"
            role="progressbar"
            aria-label={`${running.label} progress`}
            aria-valuemin={0}
            aria-valuemax={running.total}
            aria-valuenow={running.done}
            aria-valuetext={`${running.done} of ${running.total}`}
          >
            <div style={{ width: `${running.total === 0 ? 0 : (100 * running.done) / running.total}%` }} />
          </div>
        </>
      )}
      <p role="status" className="bulk-summary">
        {summary}
        {summary && (
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </p>
    </div>
  );
}
