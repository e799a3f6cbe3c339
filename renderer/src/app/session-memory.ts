import { useConnectorsStore } from '../stores/connectors-store';
import { useEventsStore } from '../stores/events-store';
import { closeStaleTabs } from '../stores/tabs-store';
import { useWebhooksStore } from '../stores/webhooks-store';

export const SELECTED_EVENT_STORAGE_KEY = 'hookdesk.selectedEvent';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage off or full: not remembered.
  }
}

let started = false;

/**
 * What comes back after a reload besides the tabs (tabs-store remembers those): the event selected on
 * the Events page, and tabs of connectors or webhooks deleted meanwhile are closed once their lists
 * load. A remembered event that is gone simply shows nothing selected.
 */
export function rememberSession(): void {
  if (started) return;
  started = true;
  const selected = read(SELECTED_EVENT_STORAGE_KEY);
  if (selected && /^evt_[0-9a-z]{1,64}$/i.test(selected)) useEventsStore.getState().select(selected);
  useEventsStore.subscribe((state, previous) => {
    if (state.selectedId !== previous.selectedId) write(SELECTED_EVENT_STORAGE_KEY, state.selectedId);
  });

  const pruneWhenLoaded = <S extends { loaded: boolean; error: string | null }>(
    store: { getState(): S; subscribe(listener: (state: S) => void): () => void },
    kind: 'connector' | 'webhook',
    ids: (state: S) => string[],
  ): void => {
    const check = (state: S): boolean => {
      if (!state.loaded || state.error !== null) return false;
      closeStaleTabs(kind, new Set(ids(state)));
      return true;
    };
    if (check(store.getState())) return;
    const off = store.subscribe((state) => {
      if (check(state)) off();
    });
  };
  pruneWhenLoaded(useConnectorsStore, 'connector', (s) => s.connectors.map((c) => c.id));
  pruneWhenLoaded(useWebhooksStore, 'webhook', (s) => s.webhooks.map((w) => w.id));
}
