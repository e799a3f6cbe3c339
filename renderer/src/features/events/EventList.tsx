import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { RelayBadges } from '../relay/RelayBadges';

const ROW_HEIGHT = 36;
/** How close to the end (in rows) the list asks for older events. */
const END_THRESHOLD = 50;

function EventRow({ event }: { event: HookEvent }) {
  return (
    <>
      <span className="event-type">{event.type}</span>
      {event.method ? (
        <span className="muted event-request">{`${event.method} /${(event.path ?? '').replace(/^\//, '')}`}</span>
      ) : (
        <span className="muted">{event.dataSource}</span>
      )}
      <RelayBadges event={event} />
      <time className="muted" dateTime={event.receivedTime}>
        {new Date(event.receivedTime).toLocaleTimeString()}
      </time>
    </>
  );
}

/**
 * Newest-first event rows, virtualized so that 10,000 rows scroll smoothly. Arrow keys, Home and
 * End move the selection. When rows arrive on top while the list is scrolled down, the rows in
 * view stay put. `onEndReached` asks for older rows near the bottom.
 */
export function EventList({
  events,
  selectedId,
  onSelect,
  label,
  onEndReached,
}: {
  events: HookEvent[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  label: string;
  onEndReached?: () => void;
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

  const selectedIndex = selectedId === null ? -1 : events.findIndex((e) => e.id === selectedId);
  const moveTo = (index: number): void => {
    const next = Math.min(events.length - 1, Math.max(0, index));
    const event = events[next];
    if (event) {
      onSelect(event.id);
      virtualizer.scrollToIndex(next);
    }
  };
  const keys: Record<string, () => void> = {
    ArrowDown: () => moveTo(selectedIndex + 1),
    ArrowUp: () => moveTo(selectedIndex - 1),
    Home: () => moveTo(0),
    End: () => moveTo(events.length - 1),
    PageDown: () => moveTo(selectedIndex + 10),
    PageUp: () => moveTo(selectedIndex - 10),
  };
  return (
    <div
      ref={scrollRef}
      className="event-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? `event-row-${selectedId}` : undefined}
      onKeyDown={(e) => {
        const action = keys[e.key];
        if (action) {
          e.preventDefault();
          action();
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => {
          const event = events[row.index] as HookEvent;
          return (
            <div
              key={event.id}
              id={`event-row-${event.id}`}
              role="option"
              aria-selected={event.id === selectedId}
              aria-setsize={events.length}
              aria-posinset={row.index + 1}
              className={event.id === selectedId ? 'event-row selected' : 'event-row'}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={() => onSelect(event.id)}
            >
              <EventRow event={event} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
