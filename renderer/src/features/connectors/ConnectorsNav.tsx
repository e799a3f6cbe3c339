import { useNow } from '../../lib/hooks';
import { relativeTime } from '../../lib/format';
import { useConnectorsStore } from '../../stores/connectors-store';
import { useDialogsStore } from '../../stores/dialogs-store';
import { connectorTab, useTabsStore } from '../../stores/tabs-store';
import { STATUS_LABELS, StatusDot } from './StatusDot';

/** The sidebar's connector list: status dot, last-event time, live; and the "New connector" button. */
export function ConnectorsNav() {
  const connectors = useConnectorsStore((s) => s.connectors);
  const activeId = useTabsStore((s) => s.activeId);
  const open = useTabsStore((s) => s.open);
  const openDialog = useDialogsStore((s) => s.open);
  const now = useNow();
  return (
    <div className="connectors-nav">
      {connectors.length > 0 && (
        <ul aria-label="Connectors">
          {connectors.map((connector) => {
            const tab = connectorTab(connector);
            const last = relativeTime(connector.lastEventTime, now);
            return (
              <li key={connector.id}>
                <button
                  type="button"
                  className={activeId === tab.id ? 'connector-item active' : 'connector-item'}
                  aria-current={activeId === tab.id ? 'page' : undefined}
                  aria-label={`${connector.name}, ${STATUS_LABELS[connector.status]}, last event ${last}`}
                  onClick={() => open(tab)}
                >
                  <StatusDot status={connector.status} />
                  <span className="connector-name">{connector.name}</span>
                  <time className="muted" dateTime={connector.lastEventTime ?? undefined}>
                    {connector.lastEventTime ? last : '—'}
                  </time>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="new-connector" onClick={() => openDialog({ kind: 'create' })}>
        <span aria-hidden="true">+</span> New connector
      </button>
    </div>
  );
}
