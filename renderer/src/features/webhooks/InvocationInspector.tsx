import { useEffect, useId, useState } from 'react';
import type { Delivery, Invocation } from '../../../../shared/schemas/delivery';
import { api } from '../../api/client';
import { InvocationView } from './InvocationView';

export type Inspected = { kind: 'test'; invocation: Invocation; sentAt: string } | { kind: 'delivery'; deliveryId: string };

/** The delivery as loaded with its attempts, refetched whenever its list row changes (live). */
function useDelivery(deliveryId: string, version: string): { delivery: Delivery | null; error: string | null } {
  const [state, setState] = useState<{ delivery: Delivery | null; error: string | null }>({ delivery: null, error: null });
  useEffect(() => {
    let live = true;
    api.getDelivery(deliveryId).then(
      (delivery) => live && setState({ delivery, error: null }),
      (err: unknown) => live && setState((s) => ({ ...s, error: (err as Error).message })),
    );
    return () => {
      live = false;
    };
  }, [deliveryId, version]);
  return state;
}

function DeliveryDetails({ deliveryId, version, onRedelivered }: { deliveryId: string; version: string; onRedelivered: (id: string) => void }) {
  const { delivery, error } = useDelivery(deliveryId, version);
  const [picked, setPicked] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const pickerId = useId();
  if (error && !delivery) return <p role="alert" className="error">{error}</p>;
  if (!delivery || delivery.id !== deliveryId) return <p className="muted">Loading the delivery…</p>;
  const attempts = delivery.attempts ?? [];
  const current = attempts.find((a) => a.attempt === picked) ?? attempts.at(-1) ?? null;
  const redeliver = async (): Promise<void> => {
    try {
      const again = await api.redeliver(delivery.id);
      onRedelivered(again.id);
    } catch (err) {
      setMessage(`Could not redeliver: ${(err as Error).message}`);
    }
  };
  return (
    <>
      <dl className="facts">
        <dt>Event</dt>
        <dd>{delivery.eventType}</dd>
        <dt>Delivery status</dt>
        <dd>{delivery.status}</dd>
        <dt>Created</dt>
        <dd>{new Date(delivery.createdTime).toLocaleString()}</dd>
        {delivery.nextAttemptTime && (
          <>
            <dt>Next attempt</dt>
            <dd>{new Date(delivery.nextAttemptTime).toLocaleString()}</dd>
          </>
        )}
        {delivery.note && (
          <>
            <dt>Note</dt>
            <dd>{delivery.note}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        {attempts.length > 0 && (
          <>
            <label htmlFor={pickerId}>Attempt</label>
            <select id={pickerId} value={current?.attempt ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
              {attempts.map((a) => (
                <option key={a.attempt} value={a.attempt}>
                  {`Attempt ${a.attempt} of ${attempts.length}: ${a.response ? `HTTP ${a.response.status}` : 'no response'}, ${new Date(a.time).toLocaleTimeString()}`}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" onClick={() => void redeliver()}>
          Redeliver
        </button>
      </div>
      {message && <p role="alert" className="error">{message}</p>}
      {current ? <InvocationView invocation={current} /> : <p className="muted">No attempt yet{delivery.note ? '' : ': it has not been sent'}.</p>}
    </>
  );
}

/** The invocation inspector: a test's answer, or a delivery with an attempt picker. */
export function InvocationInspector({ inspected, deliveryVersion, onOpenDelivery, onClose }: {
  inspected: Inspected;
  /** Changes when the inspected delivery changed (live), to refetch it. */
  deliveryVersion: string;
  onOpenDelivery: (id: string) => void;
  onClose: () => void;
}) {
  return (
    <section className="inspector invocation-inspector" aria-label="Invocation inspector">
      <div className="section-head">
        <h3>{inspected.kind === 'test' ? 'Test invocation' : 'Delivery'}</h3>
        <button type="button" onClick={onClose} aria-label="Close inspector">
          Close
        </button>
      </div>
      {inspected.kind === 'test' ? (
        <InvocationView invocation={inspected.invocation} />
      ) : (
        <DeliveryDetails key={inspected.deliveryId} deliveryId={inspected.deliveryId} version={deliveryVersion} onRedelivered={onOpenDelivery} />
      )}
    </section>
  );
}
