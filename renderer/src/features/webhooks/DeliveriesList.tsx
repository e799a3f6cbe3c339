import { useState } from 'react';
import type { Delivery } from '../../../../shared/schemas/delivery';
import { api } from '../../api/client';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';

interface Props {
  deliveries: Delivery[];
  loaded: boolean;
  error: string | null;
  selectedId: string | null;
  onOpen: (deliveryId: string) => void;
}

/** The webhook's deliveries, newest first, live: each opens in the inspector or goes out again with Redeliver. */
export function DeliveriesList({ deliveries, loaded, error, selectedId, onOpen }: Props) {
  const now = useNow(10_000);
  const [message, setMessage] = useState<string | null>(null);
  const redeliver = async (delivery: Delivery): Promise<void> => {
    setMessage(null);
    try {
      const again = await api.redeliver(delivery.id);
      setMessage(`Redelivery of ${delivery.eventType} queued.`);
      onOpen(again.id);
    } catch (err) {
      setMessage(`Could not redeliver: ${(err as Error).message}`);
    }
  };
  return (
    <section className="deliveries" aria-labelledby="deliveries-title">
      <h3 id="deliveries-title">Deliveries</h3>
      {error && <p role="alert" className="error">{error}</p>}
      <p role="status" className="muted small">{message}</p>
      {loaded && deliveries.length === 0 && <p className="muted">No deliveries yet. Matching events appear here as they are sent.</p>}
      {deliveries.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Deliveries">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Code</th>
                <th scope="col">Duration</th>
                <th scope="col">Attempts</th>
                <th scope="col">Event</th>
                <th scope="col">Time</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className={d.id === selectedId ? 'selected' : undefined} aria-current={d.id === selectedId ? 'true' : undefined}>
                  <td className={`delivery-${d.status}`}>{d.status}</td>
                  <td>{d.responseStatus ?? '—'}</td>
                  <td>{d.durationMs === null ? '—' : `${Math.round(d.durationMs)} ms`}</td>
                  <td>{d.attempt}</td>
                  <td className="mono">
                    {d.eventType}
                    {d.trigger !== 'scheduled' && <span className="muted"> ({d.trigger})</span>}
                  </td>
                  <td>
                    <time dateTime={d.createdTime} title={new Date(d.createdTime).toLocaleString()}>
                      {relativeTime(d.createdTime, now)}
                    </time>
                  </td>
                  <td className="row-actions">
                    <button type="button" aria-label={`Inspect ${d.eventType} delivery, ${d.status}`} onClick={() => onOpen(d.id)}>
                      Inspect
                    </button>
                    <button type="button" aria-label={`Redeliver ${d.eventType}`} onClick={() => void redeliver(d)}>
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
