import { useId } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { useDialogsStore } from '../../stores/dialogs-store';
import { SCHEME_NAMES } from '../relay/relay-draft';
import { StatusDot } from './StatusDot';

/** Name, status, facts (relay too) and the Edit / Reset key / Delete actions of one connector. */
export function ConnectorHeader({ connector, titleId, onOpenRelay }: { connector: Connector; titleId: string; onOpenRelay: () => void }) {
  const openDialog = useDialogsStore((s) => s.open);
  const now = useNow();
  // Applied from `serve --config`: the engine refuses changes and says why (managedReason); null when editable.
  const managedReason = (connector as { managedReason?: string | null }).managedReason ?? null;
  const reasonId = useId();
  const locked = managedReason !== null;
  const lockProps = locked ? { disabled: true, 'aria-describedby': reasonId } : {};
  return (
    <header className="connector-head">
      <div>
        <h2 id={titleId}>{connector.name}</h2>
        {locked && (
          <p className="notice" role="note">
            <span className="badge">Managed by config</span> <span id={reasonId}>{managedReason}</span>
          </p>
        )}
        <p className="muted facts-inline">
          <StatusDot status={connector.status} showText />
          <span>Data source: {connector.dataSource ?? 'auto-discover'}</span>
          <span>{connector.eventCount.toLocaleString()} received</span>
          <span>
            Last event:{' '}
            {connector.lastEventTime ? (
              <time dateTime={connector.lastEventTime} title={new Date(connector.lastEventTime).toLocaleString()}>
                {relativeTime(connector.lastEventTime, now)}
              </time>
            ) : (
              'never'
            )}
          </span>
        </p>
        <p className="muted facts-inline">
          <span>Forward: {connector.forwardTo ? <span className="mono">{connector.forwardTo.url}</span> : 'off'}</span>
          <span>Signatures: {connector.verification ? SCHEME_NAMES[connector.verification.scheme] : 'not checked'}</span>
          <button type="button" className="link" onClick={onOpenRelay} {...lockProps}>
            Change relay settings
          </button>
        </p>
      </div>
      <div className="actions">
        <button type="button" onClick={() => openDialog({ kind: 'edit', connectorId: connector.id })} {...lockProps}>
          Edit
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'reset-key', connectorId: connector.id })} {...lockProps}>
          Reset key
        </button>
        <button type="button" className="danger" onClick={() => openDialog({ kind: 'delete', connectorId: connector.id })} {...lockProps}>
          Delete
        </button>
      </div>
    </header>
  );
}
