import { useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { api } from '../../api/client';
import { useConnector } from '../../stores/connectors-store';
import { InvocationView } from '../webhooks/InvocationView';
import { FidelityNote } from './FidelityNote';
import { driftTitle, forwardBadgeOf } from './RelayBadges';
import { forwardInvocation } from './replay-request';
import { ReplayDialog } from './ReplayDialog';
import { ReplayHistory } from './ReplayHistory';
import { SignatureDebugger } from './SignatureDebugger';

function SignatureNote({ verification }: { verification: HookEvent['verification'] }) {
  if (!verification || verification.status === 'none') return null;
  const ok = verification.status === 'verified';
  return (
    <section className={ok ? 'relay-note ok-note' : 'relay-note bad-note'} aria-label="Signature verification">
      <h4>{ok ? 'Verified' : 'Signature failed'}</h4>
      {verification.reason && <p>{verification.reason}</p>}
    </section>
  );
}

function DriftNote({ drift }: { drift: HookEvent['drift'] }) {
  if (!drift) return null;
  return (
    <section className="relay-note warn-note" aria-label="Shape changed">
      <h4>Shape changed</h4>
      <p className="small">{driftTitle(drift)}</p>
      <ul className="drift-list">
        {drift.added.map((path) => (
          <li key={`a${path}`}>
            <span className="muted">added</span> <code>{path}</code>
          </li>
        ))}
        {drift.missing.map((path) => (
          <li key={`m${path}`}>
            <span className="muted">missing</span> <code>{path}</code>
          </li>
        ))}
        {drift.changed.map((c) => (
          <li key={`c${c.path}`}>
            <span className="muted">changed</span> <code>{c.path}</code>: {c.was} → {c.now}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The relay side of one event at the top of the inspector: whether its signature held, whether its
 * shape drifted, and the Retry forward and Replay… actions.
 */
export function EventRelayActions({ event, onChanged }: { event: HookEvent; onChanged: () => Promise<void> }) {
  const connector = useConnector(event.connectorId ?? undefined);
  const [replaying, setReplaying] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const forwardUrl = connector?.forwardTo?.url ?? null;

  const retry = async (): Promise<void> => {
    setRetrying(true);
    setMessage({ text: `Forwarding again to ${forwardUrl ?? 'the forward target'}…`, error: false });
    try {
      const answer = await api.replayEvent(event.id, { target: 'forward' });
      setMessage(
        answer.response
          ? { text: `Forwarded again: HTTP ${answer.response.status}.`, error: !answer.ok }
          : { text: `Forwarded again, but no answer came: ${answer.error ?? 'unknown error'}. Is the target running? Start it and retry.`, error: true },
      );
      await onChanged().catch(() => undefined);
    } catch (error) {
      setMessage({ text: `Could not retry the forward: ${(error as Error).message}`, error: true });
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div className="event-relay">
      <SignatureNote verification={event.verification} />
      <SignatureDebugger event={event} />
      <DriftNote drift={event.drift} />
      <div className="actions">
        {(forwardUrl || event.forward) && (
          <button type="button" onClick={() => void retry()} disabled={retrying || !forwardUrl} title={forwardUrl ? `Send it again, unedited, to ${forwardUrl}` : 'No forward URL is set on this connector'}>
            {retrying ? 'Retrying…' : 'Retry forward'}
          </button>
        )}
        <button type="button" onClick={() => setReplaying(true)} aria-haspopup="dialog">
          Replay…
        </button>
      </div>
      <p role="status" className={message?.error ? 'error small' : 'muted small'}>
        {message?.text}
      </p>
      {replaying && <ReplayDialog event={event} connector={connector} onClose={() => setReplaying(false)} onReplayed={() => void onChanged().catch(() => undefined)} />}
    </div>
  );
}

/** Below the event: its forward (the request as sent on and the target's answer) and its replays. */
export function EventForwardAndReplays({ event }: { event: HookEvent }) {
  const connector = useConnector(event.connectorId ?? undefined);
  const forward = forwardInvocation(event, connector?.forwardTo?.url ?? null);
  const badge = forwardBadgeOf(event.forward);
  return (
    <>
      {forward && (
        <section className="forward" aria-label="Forward">
          <h4>
            Forward <span className={`pill pill-${badge?.tone ?? 'ok'}`}>{badge?.text}</span>
          </h4>
          {event.forward?.status === 'pending' ? (
            <p className="muted">Forwarding… waiting for the target to answer.</p>
          ) : (
            <>
              <FidelityNote fidelity={event.forward?.fidelity} verb="Forwarded" />
              <InvocationView invocation={forward} />
            </>
          )}
        </section>
      )}
      <ReplayHistory event={event} />
    </>
  );
}
