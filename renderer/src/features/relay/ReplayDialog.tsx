import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import type { HookEvent } from '../../../../shared/schemas/event';
import { Modal } from '../../components/Modal';
import { AnswerComparison } from './AnswerComparison';
import { FidelityNote } from './FidelityNote';
import { ReplayRequestFields, ReplayTargetFields } from './ReplayFields';
import { useReplay } from './use-replay';

const PLACED = ['url', 'webhookId', 'headers', 'body', 'target'];

/**
 * Replay one stored event: choose the target (the connector's forward target, a webhook, a URL),
 * edit the body (Monaco, prefilled with the exact bytes as text) and headers, Send (or
 * Ctrl/Cmd+Enter), then read the answer beside the earlier one with a side-by-side diff.
 */
export function ReplayDialog({ event, connector, onClose, onReplayed }: {
  event: HookEvent;
  connector: Connector | undefined;
  onClose: () => void;
  onReplayed: () => void;
}) {
  const r = useReplay(event, connector, onReplayed);
  const answerRef = useRef<HTMLElement>(null);
  // A new answer: bring it into view (it sits below the request).
  useEffect(() => {
    if (r.answer) answerRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [r.answer]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void r.send();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    void r.send();
  };
  const unplaced = Object.entries(r.errors).filter(([key]) => !PLACED.includes(key));

  return (
    <Modal title={`Replay ${event.type}`} onClose={onClose} wide="full">
      <form className="form replay-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <ReplayTargetFields r={r} />
        <ReplayRequestFields r={r} />
        {unplaced.map(([key, message]) => (
          <p key={key} className="error">{`${key}: ${message}`}</p>
        ))}
        {r.formError && (
          <p role="alert" className="error">
            {r.formError}
          </p>
        )}
        <p role="status" className="muted small" aria-live="polite">
          {r.busy && <span className="spinner" aria-hidden="true" />}
          {r.status}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={r.busy}>
            {r.busy ? 'Sending…' : 'Send'}
          </button>
        </div>
        {r.answer && (
          <section aria-label="Replay answer" ref={answerRef}>
            <FidelityNote fidelity={r.answer.invocation.fidelity} verb="Replayed" />
            <AnswerComparison previous={r.answer.invocation.previous} current={r.answer.invocation} currentTime={r.answer.time} />
          </section>
        )}
      </form>
    </Modal>
  );
}
