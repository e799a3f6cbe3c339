import { useCallback, useEffect, useRef, useState } from 'react';
import { compileEventSearch, type EventSearch } from '../../../../shared/matching/event-search';
import type { HookEvent } from '../../../../shared/schemas/event';
import { api } from '../../api/client';
import { onStreamEvent } from '../../stores/connection-store';

const PAGE_SIZE = 500;
/** The most rows one list holds in memory (the default retention is 10,000). */
export const MAX_ROWS = 20_000;

/** The engine's own filter (`GET /events?connectorId=&type=&…`), applied to live events. */
export function eventMatches(event: HookEvent, connectorId: string | undefined, search: EventSearch): boolean {
  if (connectorId !== undefined && event.connectorId !== connectorId) return false;
  return compileEventSearch(search)(event);
}

interface State {
  events: HookEvent[];
  /** How many stored events match (the engine's count when loaded, kept up by live changes). */
  total: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
}

export interface EventLog extends State {
  loadMore: () => void;
  /** Drops rows at once (after a delete), before the engine's `events.deleted` arrives. */
  forget: (ids: readonly string[]) => void;
}

/**
 * Events newest first, of one connector or all: the first page from the API for the search, older
 * pages on demand, matching `event.received` messages prepended live (batched once per frame, so a
 * burst of pushes costs one render), and `events.deleted` taken out.
 */
export function useEventLog(connectorId: string | undefined, search: EventSearch): EventLog {
  const [state, setState] = useState<State>({ events: [], total: 0, loading: true, error: null, hasMore: false });
  const ids = useRef(new Set<string>());
  const page = useRef(1);
  const generation = useRef(0);
  const loadingMore = useRef(false);
  const { type, text, status } = search;

  const forget = useCallback((gone: readonly string[]) => {
    const set = new Set(gone.filter((id) => ids.current.has(id)));
    if (set.size === 0) return;
    for (const id of set) ids.current.delete(id);
    setState((s) => ({ ...s, events: s.events.filter((e) => !set.has(e.id)), total: Math.max(0, s.total - set.size) }));
  }, []);

  useEffect(() => {
    const gen = ++generation.current;
    const filter: EventSearch = { type, text, status };
    const matches = compileEventSearch(filter);
    let pending: HookEvent[] = [];
    /** `event.updated` messages not applied yet, by id (the newest wins). */
    let updates = new Map<string, HookEvent>();
    let frame = 0;
    let fetched = false;
    ids.current = new Set();
    page.current = 1;
    setState({ events: [], total: 0, loading: true, error: null, hasMore: false });

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
      setState((s) => ({ ...s, total: s.total + fresh.length, events: [...fresh, ...s.events].slice(0, MAX_ROWS).map(latest) }));
    };
    const offReceived = onStreamEvent('event.received', (data) => {
      const event = data as HookEvent;
      if (connectorId !== undefined && event.connectorId !== connectorId) return;
      if (!matches(event)) return;
      pending.push(event);
      if (!frame) frame = requestAnimationFrame(flush);
    });
    const offUpdated = onStreamEvent('event.updated', (data) => {
      const event = data as HookEvent;
      if (connectorId !== undefined && event?.connectorId !== connectorId) return;
      updates.set(event.id, event);
      if (!frame) frame = requestAnimationFrame(flush);
    });
    const offDeleted = onStreamEvent('events.deleted', (data) => {
      const gone = (data as { ids?: unknown })?.ids;
      if (Array.isArray(gone)) forget(gone.filter((id): id is string => typeof id === 'string'));
    });
    api.listEvents({ connectorId, ...definedOnly(filter), pageSize: PAGE_SIZE, page: 1 }).then(
      (answer) => {
        if (gen !== generation.current) return;
        fetched = true;
        ids.current = new Set(answer.items.map((e) => e.id));
        setState({ events: answer.items, total: answer.total, loading: false, error: null, hasMore: answer.pageAmount > 1 });
        flush();
      },
      (error: unknown) => {
        if (gen !== generation.current) return;
        fetched = true;
        setState({ events: [], total: 0, loading: false, error: (error as Error).message, hasMore: false });
        flush();
      },
    );
    return () => {
      offReceived();
      offUpdated();
      offDeleted();
      cancelAnimationFrame(frame);
    };
  }, [connectorId, type, text, status, forget]);

  const { hasMore } = state;
  const loadMore = useCallback(() => {
    if (loadingMore.current || !hasMore) return;
    loadingMore.current = true;
    const gen = generation.current;
    const next = page.current + 1;
    api
      .listEvents({ connectorId, ...definedOnly({ type, text, status }), pageSize: PAGE_SIZE, page: next })
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
  }, [connectorId, type, text, status, hasMore]);

  return { ...state, loadMore, forget };
}

/** The search without empty fields (the API refuses `type=`). */
function definedOnly(search: EventSearch): EventSearch {
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined && v !== '')) as EventSearch;
}
