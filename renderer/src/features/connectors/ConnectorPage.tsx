import { useId, useState, type KeyboardEvent } from 'react';
import { useConnector, useConnectorsStore } from '../../stores/connectors-store';
import { EventInspector } from '../events/EventInspector';
import { RelaySettings } from '../relay/RelaySettings';
import { SchemaBrowser } from '../relay/SchemaBrowser';
import { ConnectorEventLog } from './ConnectorEventLog';
import { ConnectorHeader } from './ConnectorHeader';
import { ConnectorStatsChart } from './ConnectorStatsChart';
import { ConnectorUrls } from './ConnectorUrls';
import { useLinkedEvent } from './use-linked-event';

const VIEWS = ['Events', 'Relay settings', 'Schemas'] as const;
export type ConnectorView = (typeof VIEWS)[number];

/** The page's views as tabs: arrow keys, Home and End move between them. */
function ViewTabs({ view, onChange, baseId }: { view: ConnectorView; onChange: (view: ConnectorView) => void; baseId: string }) {
  const onKeyDown = (e: KeyboardEvent): void => {
    const index = VIEWS.indexOf(view);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = VIEWS[(next + VIEWS.length) % VIEWS.length] as ConnectorView;
    onChange(target);
    document.getElementById(`${baseId}-tab-${VIEWS.indexOf(target)}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Connector views" className="view-tabs" onKeyDown={onKeyDown}>
      {VIEWS.map((v, i) => (
        <button
          key={v}
          id={`${baseId}-tab-${i}`}
          type="button"
          role="tab"
          aria-selected={v === view}
          aria-controls={`${baseId}-panel`}
          tabIndex={v === view ? 0 : -1}
          onClick={() => onChange(v)}
        >
          {v}
        </button>
      ))}
    </div>
  );
}

/**
 * One connector's page (a tab): header and actions, then Events (chart, live log, inspector), Relay settings or Schemas.
 * The selected event is in the address bar (`?connector=…&event=…`), so a reload or a shared link shows it again.
 */
export function ConnectorPage({ connectorId }: { connectorId: string }) {
  const connector = useConnector(connectorId);
  const loaded = useConnectorsStore((s) => s.loaded);
  const [selected, setSelected] = useLinkedEvent(connectorId);
  const [view, setView] = useState<ConnectorView>('Events');
  const titleId = useId();
  const baseId = useId();
  if (!connector) {
    return <p className="panel muted">{loaded ? 'This connector no longer exists.' : 'Loading connector…'}</p>;
  }
  return (
    <section className="panel connector-page" aria-labelledby={titleId}>
      <ConnectorHeader connector={connector} titleId={titleId} onOpenRelay={() => setView('Relay settings')} />
      <ConnectorUrls connector={connector} />
      <ViewTabs view={view} onChange={setView} baseId={baseId} />
      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={`${baseId}-tab-${VIEWS.indexOf(view)}`} className="view-panel">
        {view === 'Events' && (
          <>
            <ConnectorStatsChart connector={connector} />
            <div className="split">
              <div className="split-left">
                <ConnectorEventLog connector={connector} selectedId={selected?.id ?? null} onSelect={setSelected} />
              </div>
              <div className="split-right">
                {selected ? <EventInspector event={selected} /> : <p className="muted">Select an event to inspect its headers and body.</p>}
              </div>
            </div>
          </>
        )}
        {view === 'Relay settings' && <RelaySettings connector={connector} />}
        {view === 'Schemas' && <SchemaBrowser connector={connector} />}
      </div>
    </section>
  );
}
