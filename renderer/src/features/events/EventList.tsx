import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';

const ROW_HEIGHT = 36;

/** Newest-first event rows, virtualized so that 10,000 rows scroll smoothly. Arrow keys move the selection. */
export function EventList({
  events,
  selectedId,
  onSelect,
  label,
}: {
  events: HookEvent[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  label: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selectedIndex = events.findIndex((e) => e.id === selectedId);
  const move = (delta: number): void => {
    const next = Math.min(events.length - 1, Math.max(0, (selectedIndex === -1 ? -1 : selectedIndex) + delta));
    const event = events[next];
    if (event) {
      onSelect(event.id);
      virtualizer.scrollToIndex(next);
    }
  };
  return (
    <div
      ref={scrollRef}
      className="event-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selectedId ? `event-row-${selectedId}` : undefined}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          move(1);
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          move(-1);
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const event = events[row.index] as HookEvent;
          return (
            <div
              key={event.id}
              id={`event-row-${event.id}`}
              role="option"
              aria-selected={event.id === selectedId}
              className={event.id === selectedId ? 'event-row selected' : 'event-row'}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              onClick={() => onSelect(event.id)}
            >
              <span className="event-type">{event.type}</span>
              <span className="muted">{event.dataSource}</span>
              <time className="muted" dateTime={event.receivedTime}>
                {new Date(event.receivedTime).toLocaleTimeString()}
              </time>
            </div>
          );
        })}
      </div>
    </div>
  );
}
