import { useNow } from '../../lib/hooks';
import { relativeTime } from '../../lib/format';
import { useConnectorsStore } from '../../stores/connectors-store';
import { useDialogsStore } from '../../stores/dialogs-store';
import { connectorTab, useTabsStore } from '../../stores/tabs-store';
import { StatusDot } from './StatusDot';

/** Every connector in a table, with "New connector"; teaches what a connector is when there are none. */
export function ConnectorsPanel() {
  const { connectors, loaded, error } = useConnectorsStore();
  const open = useTabsStore((s) => s.open);
  const openDialog = useDialogsStore((s) => s.open);
  const now = useNow();
  return (
    <section className="panel" aria-labelledby="connectors-title">
      <div className="panel-head">
        <h2 id="connectors-title">Connectors</h2>
        <button type="button" className="primary" onClick={() => openDialog({ kind: 'create' })}>
          New connector
        </button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {loaded && connectors.length === 0 && (
        <div className="empty">
          <p>A connector receives events on this machine: senders push JSON to its push API with its API key, or send anything to its capture URL.</p>
          <p className="muted">Create one to get a key, a push URL, a capture URL and a curl command to send your first event.</p>
        </div>
      )}
      {connectors.length > 0 && (
        <table className="table" aria-label="Connectors">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Data source</th>
              <th scope="col">Events</th>
              <th scope="col">Last event</th>
            </tr>
          </thead>
          <tbody>
            {connectors.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" className="link" onClick={() => open(connectorTab(c))}>
                    {c.name}
                  </button>
                </td>
                <td>
                  <StatusDot status={c.status} showText />
                </td>
                <td>{c.dataSource ?? <span className="muted">Auto-discover</span>}</td>
                <td>{c.eventCount.toLocaleString()}</td>
                <td>{relativeTime(c.lastEventTime, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
