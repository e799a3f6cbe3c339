import { useMemo, useState } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import type { HookEvent } from '../../../../shared/schemas/event';
import { useDebouncedValue } from '../../lib/hooks';
import { EventList } from '../events/EventList';
import { EventFilters } from './EventFilters';
import { FirstEventHelp } from './FirstEventHelp';
import { useConnectorEvents, type EventFilter } from './use-connector-events';

const FILTER_DEBOUNCE_MS = 250;

/** The live, filterable event log of one connector, or the empty state that teaches the first push. */
export function ConnectorEventLog({
  connector,
  selectedId,
  onSelect,
}: {
  connector: Connector;
  selectedId: string | null;
  onSelect: (event: HookEvent) => void;
}) {
  const [filter, setFilter] = useState<EventFilter>({ type: '', q: '' });
  const applied = useDebouncedValue(useMemo(() => ({ type: filter.type.trim(), q: filter.q.trim() }), [filter]), FILTER_DEBOUNCE_MS);
  const { events, loading, error, loadMore } = useConnectorEvents(connector.id, applied);
  const types = useMemo(() => [...new Set(events.slice(0, 1000).map((e) => e.type))].sort(), [events]);
  const filtered = applied.type !== '' || applied.q !== '';
  const select = (id: string): void => {
    const event = events.find((e) => e.id === id);
    if (event) onSelect(event);
  };

  return (
    <div className="event-log">
      <EventFilters value={filter} onChange={setFilter} types={types} />
      {error && <p role="alert" className="error">{error}</p>}
      <p className="muted">
        {loading ? 'Loading events…' : `${events.length.toLocaleString()}${filtered ? ' matching' : ''} event${events.length === 1 ? '' : 's'} shown`}
      </p>
      {!loading && events.length === 0 && filtered && <p className="muted">No event matches this filter. New ones that match appear here live.</p>}
      {!loading && events.length === 0 && !filtered && <FirstEventHelp connector={connector} />}
      {events.length > 0 && <EventList events={events} selectedId={selectedId} onSelect={select} label={`Events of ${connector.name}`} onEndReached={loadMore} />}
    </div>
  );
}
