import type { Connector } from '../../../../shared/schemas/connector';
import type { HookEvent } from '../../../../shared/schemas/event';
import { EventLogView } from '../events/EventLogView';
import { FirstEventHelp } from './FirstEventHelp';

/** The live, searchable event log of one connector, or the empty state that teaches the first push. */
export function ConnectorEventLog({
  connector,
  selectedId,
  onSelect,
}: {
  connector: Connector;
  selectedId: string | null;
  onSelect: (event: HookEvent | null) => void;
}) {
  return (
    <EventLogView
      connector={connector}
      label={`Events of ${connector.name}`}
      activeId={selectedId}
      onActive={onSelect}
      empty={<FirstEventHelp connector={connector} />}
    />
  );
}
