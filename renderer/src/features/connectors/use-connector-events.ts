import { useCallback, useEffect, useRef, useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { api } from '../../api/client';
import { onStreamEvent } from '../../stores/connection-store';

export interface EventFilter {
  /** Exact event type, or '' for all. */
  type: string;
  /** Text searched in the body, or '' for none. */
  q: string;
}

const PAGE_SIZE = 500;
/** The most rows one connector page holds in memory (the default retention is 10,000). */
export const MAX_ROWS = 20_000;

/** The engine's own filter (`GET /events?connectorId=&type=&q=`), applied to live events. */
export function eventMatches(event: HookEvent, connectorId: string, filter: EventFilter): boolean {
  if (event.connectorId !== connectorId) return false;
  if (filter.type && event.type !== filter.type) return false;
  if (filter.q) {
    const body = typeof event.body === 'string' ? event.body : JSON.stringify(event.body ?? null);
    if (!body.toLowerCase().includes(filter.q.toLowerCase())) return false;
  }
  return true;
}

interface State {
  events: HookEvent[];
  loading: boolean;
  error: string | null;
  hasMore: boolean;
}

/**
 * One connector's events, newest first: the first page from the API for the filter, older pages
 * on demand, and matching `event.received` messages prepended live (batched once per frame, so a
 * burst of pushes costs one render).
 */
export function useConnectorEvents(connectorId: string, filter: EventFilter): State & { loadMore: () => void } {
  const [state, setState] = useState<State>({ events: [], loading: true, error: null, hasMore: false });
  const ids = useRef(new Set<string>());
  const page = useRef(1);
  const generation = useRef(0);
  const loadingMore = useRef(false);
  const { type, q } = filter;

  useEffect(() => {
    const gen = ++generation.current;
    const query = { connectorId, type: type || undefined, q: q || undefined, pageSize: PAGE_SIZE };
    let pending: HookEvent[] = [];
    /** `event.updated` messages not applied yet, by id (the newest wins). */
    let updates = new Map<string, HookEvent>();
    let frame = 0;
    let fetched = false;
    ids.current = new Set();
    page.current = 1;
    setState({ events: [], loading: true, error: null, hasMore: false });

    const flush = (): void => {
      frame = 0;
      if (!fetched) return;
      const fresh = pending.filter((e) => !ids.current.has(e.id)).reverse();
      pending = [];
      const changed = updates;
      updates = new Map();
      for (const e of fresh) ids.current.add(e.id);
      const known = [...changed.keys()].some((id) => ids.current.has(id));
      if (fresh.length === 0 && !known) return;
      const latest = (e: HookEvent): HookEvent => changed.get(e.id) ?? e;
      setState((s) => ({ ...s, events: [...fresh, ...s.events].slice(0, MAX_ROWS).map(latest) }));
    };
    const off = onStreamEvent('event.received', (data) => {
      const event = data as HookEvent;
      if (!eventMatches(event, connectorId, { type, q })) return;
      pending.push(event);
      if (!frame) frame = requestAnimationFrame(flush);
    });
    const offUpdated = onStreamEvent('event.updated', (data) => {
      const event = data as HookEvent;
      if (event?.connectorId !== connectorId) return;
      updates.set(event.id, event);
      if (!frame) frame = requestAnimationFrame(flush);
    });
    api.listEvents({ ...query, page: 1 }).then(
      (answer) => {
        if (gen !== generation.current) return;
        fetched = true;
        ids.current = new Set(answer.items.map((e) => e.id));
        setState({ events: answer.items, loading: false, error: null, hasMore: answer.pageAmount > 1 });
        flush();
      },
      (error: unknown) => {
        if (gen !== generation.current) return;
        fetched = true;
        setState({ events: [], loading: false, error: (error as Error).message, hasMore: false });
        flush();
      },
    );
    return () => {
      off();
      offUpdated();
      cancelAnimationFrame(frame);
    };
  }, [connectorId, type, q]);

  const { hasMore } = state;
  const loadMore = useCallback(() => {
    if (loadingMore.current || !hasMore) return;
    loadingMore.current = true;
    const gen = generation.current;
    const next = page.current + 1;
    api
      .listEvents({ connectorId, type: type || undefined, q: q || undefined, pageSize: PAGE_SIZE, page: next })
      .then(
        (answer) => {
          if (gen !== generation.current) return;
          page.current = next;
          // Live events pushed older ones down a page: drop the overlap.
          const fresh = answer.items.filter((e) => !ids.current.has(e.id));
          for (const e of fresh) ids.current.add(e.id);
          setState((s) => {
            const events = [...s.events, ...fresh].slice(0, MAX_ROWS);
            return { ...s, events, hasMore: next < answer.pageAmount && events.length < MAX_ROWS };
          });
        },
        (error: unknown) => gen === generation.current && setState((s) => ({ ...s, error: (error as Error).message })),
      )
      .finally(() => {
        loadingMore.current = false;
      });
  }, [connectorId, type, q, hasMore]);

  return { ...state, loadMore };
}
