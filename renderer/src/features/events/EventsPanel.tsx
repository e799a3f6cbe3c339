import { useMemo } from 'react';
import { useEventsStore } from '../../stores/events-store';
import { EventInspector } from './EventInspector';
import { EventList } from './EventList';
import { PublishEventForm } from './PublishEventForm';

/** All events, newest first and live, with the inspector beside the list. */
export function EventsPanel() {
  const { events, selectedId, select, loading, error } = useEventsStore();
  const selected = useMemo(() => events.find((e) => e.id === selectedId) ?? null, [events, selectedId]);
  return (
    <section className="panel split" aria-labelledby="events-title">
      <div className="split-left">
        <h2 id="events-title">Events</h2>
        {error && <p role="alert" className="error">{error}</p>}
        {loading && events.length === 0 && <p className="muted">Loading events…</p>}
        {!loading && events.length === 0 && (
          <p className="muted">No events yet. Push one to a connector, or publish a test event below.</p>
        )}
        <EventList events={events} selectedId={selectedId} onSelect={select} label="Events" />
        <PublishEventForm />
      </div>
      <div className="split-right">
        {selected ? <EventInspector event={selected} /> : <p className="muted">Select an event to inspect it.</p>}
      </div>
    </section>
  );
}
