import { useCallback, useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { useEventsStore } from '../../stores/events-store';
import { EventInspector } from './EventInspector';
import { EventLogView } from './EventLogView';
import { PublishEventForm } from './PublishEventForm';

/** All events, newest first and live, searchable, each row naming its connector, with the inspector beside the list. */
export function EventsPanel() {
  const selectedId = useEventsStore((s) => s.selectedId);
  const select = useEventsStore((s) => s.select);
  const [selected, setSelected] = useState<HookEvent | null>(null);
  const onActive = useCallback(
    (event: HookEvent | null) => {
      setSelected(event);
      select(event?.id ?? null);
    },
    [select],
  );
  const inspected = selected && selected.id === selectedId ? selected : null;
  return (
    <section className="panel split events-page" aria-labelledby="events-title">
      <div className="split-left">
        <h2 id="events-title">Events</h2>
        <EventLogView
          label="Events"
          activeId={selectedId}
          onActive={onActive}
          empty={<p className="muted">No events yet. Push one to a connector, or publish a test event below.</p>}
        />
        <PublishEventForm />
      </div>
      <div className="split-right">
        {inspected ? <EventInspector event={inspected} /> : <p className="muted">Select an event to inspect it.</p>}
      </div>
    </section>
  );
}
