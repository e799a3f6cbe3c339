import { create } from 'zustand';
import type { HookEvent, PublishEvent } from '../../../shared/schemas/event';
import { api } from '../api/client';

/** How many events the workspace keeps in memory for the live log. */
export const LIVE_EVENT_LIMIT = 10_000;

interface EventsState {
  events: HookEvent[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  load(): Promise<void>;
  /** A live `event.received` message. */
  received(data: unknown): void;
  /** A live `event.updated` message: the whole event, with its forward result or replays changed. */
  updated(data: unknown): void;
  select(id: string | null): void;
  publish(input: PublishEvent): Promise<HookEvent>;
}

export const useEventsStore = create<EventsState>((set, get) => ({
  events: [],
  loading: false,
  error: null,
  selectedId: null,
  async load() {
    set({ loading: true, error: null });
    try {
      const page = await api.listEvents({ pageSize: 500 });
      set({ events: page.items, loading: false });
    } catch (error) {
      set({ loading: false, error: (error as Error).message });
    }
  },
  received(data) {
    const event = data as HookEvent;
    if (get().events.some((e) => e.id === event.id)) return;
    set({ events: [event, ...get().events].slice(0, LIVE_EVENT_LIMIT) });
  },
  updated(data) {
    const event = data as HookEvent;
    const events = get().events;
    const index = events.findIndex((e) => e.id === event?.id);
    if (index < 0) return;
    set({ events: events.with(index, event) });
  },
  select(id) {
    set({ selectedId: id });
  },
  async publish(input) {
    const event = await api.publishEvent(input);
    get().received(event);
    return event;
  },
}));
