import { useEffect, useMemo, useRef, useState } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import type { HookEvent } from '../../../../shared/schemas/event';
import { useDebouncedValue } from '../../lib/hooks';
import { useConnectorsStore } from '../../stores/connectors-store';
import { BulkBar } from './BulkBar';
import { EventArchiveBar } from './EventArchiveBar';
import { eventBulkActions } from './event-bulk-actions';
import { EventList } from './EventList';
import { EMPTY_SEARCH, EventSearchBar, toEventSearch, type EventSearchValue } from './EventSearchBar';
import { useEventLog } from './use-event-log';
import { useMultiSelect } from './use-multi-select';

const FILTER_DEBOUNCE_MS = 250;

/**
 * A searchable, multi-select, live event log: of one connector, or of all (then each row names its
 * connector). `onActive` hears the event to inspect (the row last clicked or moved to).
 */
export function EventLogView({
  connector,
  label,
  activeId,
  onActive,
  empty,
}: {
  connector?: Connector;
  label: string;
  activeId: string | null;
  onActive: (event: HookEvent | null) => void;
  /** What to show when nothing was received yet and no search is set. */
  empty: React.ReactNode;
}) {
  const [value, setValue] = useState<EventSearchValue>(EMPTY_SEARCH);
  const search = useDebouncedValue(useMemo(() => toEventSearch(value), [value]), FILTER_DEBOUNCE_MS);
  const log = useEventLog(connector?.id, search);
  const { events, loading, error, loadMore, total, forget } = log;
  const ids = useMemo(() => events.map((e) => e.id), [events]);
  const selection = useMultiSelect(ids, activeId);
  const types = useMemo(() => [...new Set(events.slice(0, 1000).map((e) => e.type))].sort(), [events]);
  const filtered = Object.keys(search).length > 0;

  // An event chosen elsewhere (just published) becomes the active row.
  const { pick } = selection;
  useEffect(() => {
    if (activeId !== null && activeId !== selection.activeId) pick(activeId);
    // Only a change from outside counts; the selection's own changes come back through onActive.
  }, [activeId, pick]);

  // The inspector follows the active row, also when a live update replaces it.
  const onActiveRef = useRef(onActive);
  onActiveRef.current = onActive;
  const active = selection.activeId === null ? null : (events.find((e) => e.id === selection.activeId) ?? null);
  useEffect(() => {
    if (selection.activeId !== null) onActiveRef.current(active);
  }, [active, selection.activeId]);

  const connectors = useConnectorsStore((s) => s.connectors);
  const names = useMemo(() => new Map(connectors.map((c) => [c.id, c.name])), [connectors]);
  const connectorNameOf = connector ? undefined : (event: HookEvent): string => (event.connectorId === null ? 'Published' : (names.get(event.connectorId) ?? 'Deleted connector'));

  const selectedRef = useRef<HookEvent[]>([]);
  selectedRef.current = events.filter((e) => selection.selected.has(e.id));
  const actions = useMemo(() => eventBulkActions(() => selectedRef.current, forget), [forget]);
  const selectedIds = useMemo(() => [...selection.selected], [selection.selected]);

  const shown = events.length;
  const shownLine = loading ? 'Loading events…' : `${shown.toLocaleString()}${filtered ? ' matching' : ''} event${shown === 1 ? '' : 's'} shown`;

  return (
    <div className="event-log">
      <EventSearchBar value={value} onChange={setValue} types={types} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="muted event-count" aria-live="polite">
        <span>{shownLine}</span>
        {!loading && total > shown && <span>{` of ${total.toLocaleString()}`}</span>}
        {shown > 1 && !loading && <span className="hint"> · Shift+click selects a range, Ctrl/Cmd+A all</span>}
      </p>
      <EventArchiveBar connectorId={connector?.id} search={search} selectedIds={selectedIds} />
      <BulkBar count={selection.selected.size} noun={['event', 'events']} actions={actions} onClear={selection.clear} />
      {!loading && shown === 0 && filtered && <p className="muted">No event matches this filter. New ones that match appear here live.</p>}
      {!loading && shown === 0 && !filtered && empty}
      {shown > 0 && <EventList events={events} selection={selection} label={label} onEndReached={loadMore} connectorNameOf={connectorNameOf} />}
    </div>
  );
}
