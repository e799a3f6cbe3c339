import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { RelayBadges } from '../relay/RelayBadges';
import type { PointerSelect } from './use-multi-select';
import '../find-and-layout.css';

const ROW_HEIGHT = 36;
/** How close to the end (in rows) the list asks for older events. */
const END_THRESHOLD = 50;

function EventRow({ event, connectorName }: { event: HookEvent; connectorName: string | undefined }) {
  const time = new Date(event.receivedTime);
  return (
    <>
      <span className="event-type" title={event.type}>
        {event.type}
      </span>
      {connectorName !== undefined && (
        <span className="event-connector" title={`Connector: ${connectorName}`}>
          {connectorName}
        </span>
      )}
      {event.method ? (
        <span className="muted event-request">{`${event.method} /${(event.path ?? '').replace(/^\//, '')}`}</span>
      ) : (
        <span className="muted event-request">{event.dataSource}</span>
      )}
      <RelayBadges event={event} />
      {event.imported && (
        <span className="pill pill-imported" title={`Imported from a ${event.imported.format === 'har' ? 'HAR' : 'NDJSON'} file`}>
          <span className="pill-icon" aria-hidden="true">
            ⇩
          </span>
          <span className="pill-text">Imported</span>
        </span>
      )}
      <time className="muted event-time" dateTime={event.receivedTime} title={time.toLocaleString()}>
        {time.toLocaleTimeString()}
      </time>
    </>
  );
}

export interface EventListSelection {
  selected: ReadonlySet<string>;
  activeId: string | null;
  pick: (id: string, how?: PointerSelect) => void;
  selectAll: () => void;
}

/**
 * Newest-first event rows, virtualized so that 10,000 rows scroll smoothly. Click selects one row,
 * Shift+click a range, Ctrl/Cmd+click one more, Ctrl/Cmd+A all loaded rows; arrow keys, Home and
 * End move (with Shift: extend). When rows arrive on top while the list is scrolled down, the rows
 * in view stay put. `onEndReached` asks for older rows near the bottom. With `connectorNameOf`, a
 * row also names its connector.
 */
export function EventList({
  events,
  selection,
  label,
  onEndReached,
  connectorNameOf,
}: {
  events: HookEvent[];
  selection: EventListSelection;
  label: string;
  onEndReached?: () => void;
  connectorNameOf?: (event: HookEvent) => string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => events[index]?.id ?? index,
    overscan: 12,
  });

  // Keep the rows in view still when newer events are prepended.
  const firstId = useRef<string | undefined>(events[0]?.id);
  useLayoutEffect(() => {
    const previous = firstId.current;
    firstId.current = events[0]?.id;
    const el = scrollRef.current;
    if (!el || previous === undefined || el.scrollTop === 0 || previous === events[0]?.id) return;
    const shift = events.findIndex((e) => e.id === previous);
    if (shift > 0) el.scrollTop += shift * ROW_HEIGHT;
  }, [events]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onEndReached && events.length > 0 && lastIndex >= events.length - END_THRESHOLD) onEndReached();
  }, [lastIndex, events.length, onEndReached]);

  const { selected, activeId, pick, selectAll } = selection;
  const activeIndex = activeId === null ? -1 : events.findIndex((e) => e.id === activeId);
  const moveTo = (index: number, shift: boolean): void => {
    const next = Math.min(events.length - 1, Math.max(0, index));
    const event = events[next];
    if (event) {
      pick(event.id, { shift, toggle: false });
      virtualizer.scrollToIndex(next);
    }
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      selectAll();
      return;
    }
    const target = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: events.length - 1,
      PageDown: activeIndex + 10,
      PageUp: activeIndex - 10,
    }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    moveTo(target, e.shiftKey);
  };
  const onRowClick = (e: MouseEvent, id: string): void => {
    // Shift+click would also select the page's text.
    if (e.shiftKey) window.getSelection()?.removeAllRanges();
    pick(id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  };
  return (
    <div
      ref={scrollRef}
      className={connectorNameOf ? 'event-list with-connector' : 'event-list'}
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? `event-row-${activeId}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => {
          const event = events[row.index] as HookEvent;
          const isSelected = selected.has(event.id);
          const classes = ['event-row', isSelected ? 'selected' : '', event.id === activeId ? 'active' : ''].filter(Boolean).join(' ');
          return (
            <div
              key={event.id}
              id={`event-row-${event.id}`}
              role="option"
              aria-selected={isSelected}
              aria-setsize={events.length}
              aria-posinset={row.index + 1}
              className={classes}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={(e) => onRowClick(e, event.id)}
            >
              <EventRow event={event} connectorName={connectorNameOf?.(event)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
