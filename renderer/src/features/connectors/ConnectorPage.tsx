import { useId, useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { useConnector, useConnectorsStore } from '../../stores/connectors-store';
import { EventInspector } from '../events/EventInspector';
import { ConnectorEventLog } from './ConnectorEventLog';
import { ConnectorHeader } from './ConnectorHeader';
import { ConnectorStatsChart } from './ConnectorStatsChart';

/** One connector's page (a tab): header and actions, the 24 h / 7 d chart, the live event log and the inspector. */
export function ConnectorPage({ connectorId }: { connectorId: string }) {
  const connector = useConnector(connectorId);
  const loaded = useConnectorsStore((s) => s.loaded);
  const [selected, setSelected] = useState<HookEvent | null>(null);
  const titleId = useId();
  if (!connector) {
    return <p className="panel muted">{loaded ? 'This connector no longer exists.' : 'Loading connector…'}</p>;
  }
  return (
    <section className="panel connector-page" aria-labelledby={titleId}>
      <ConnectorHeader connector={connector} titleId={titleId} />
      <ConnectorStatsChart connector={connector} />
      <div className="split">
        <div className="split-left">
          <ConnectorEventLog connector={connector} selectedId={selected?.id ?? null} onSelect={setSelected} />
        </div>
        <div className="split-right">
          {selected ? <EventInspector event={selected} /> : <p className="muted">Select an event to inspect its headers and body.</p>}
        </div>
      </div>
    </section>
  );
}
