import { create } from 'zustand';

export type TabKind = 'welcome' | 'events' | 'connectors' | 'webhooks' | 'connector' | 'webhook' | 'receiver-check';

export interface Tab {
  id: string;
  kind: TabKind;
  title: string;
  /** For `connector` tabs: which connector the page shows. */
  connectorId?: string;
  /** For `webhook` tabs: which webhook the page shows. */
  webhookId?: string;
}

/** The tab of one connector's page. */
export function connectorTab(connector: { id: string; name: string }): Tab {
  return { id: `connector:${connector.id}`, kind: 'connector', title: connector.name, connectorId: connector.id };
}

/** The Receiver check page (one tab, like the section pages). */
export const RECEIVER_CHECK_TAB: Tab = { id: 'receiver-check', kind: 'receiver-check', title: 'Receiver check' };

/** The tab of one webhook's page. */
export function webhookTab(webhook: { id: string; name: string }): Tab {
  return { id: `webhook:${webhook.id}`, kind: 'webhook', title: webhook.name, webhookId: webhook.id };
}

interface TabsState {
  tabs: Tab[];
  activeId: string;
  open(tab: Tab): void;
  close(id: string): void;
  activate(id: string): void;
  /** Renames an open tab (a connector was renamed); does nothing when it is not open. */
  retitle(id: string, title: string): void;
}

const WELCOME: Tab = { id: 'welcome', kind: 'welcome', title: 'Welcome' };

export const TABS_STORAGE_KEY = 'hookdesk.tabs';
/** More tabs than anyone keeps open; a stored list beyond it was not written by this app. */
const MAX_REMEMBERED_TABS = 50;
const KINDS: readonly TabKind[] = ['welcome', 'events', 'connectors', 'webhooks', 'connector', 'webhook', 'receiver-check'];

/** One stored tab, rebuilt from its kind and resource id so a stored value can never name another page. */
function tabFromStored(value: unknown): Tab | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, title, connectorId, webhookId } = value as Record<string, unknown>;
  if (!KINDS.includes(kind as TabKind) || typeof title !== 'string') return null;
  if (kind === 'connector') return typeof connectorId === 'string' ? connectorTab({ id: connectorId, name: title }) : null;
  if (kind === 'webhook') return typeof webhookId === 'string' ? webhookTab({ id: webhookId, name: title }) : null;
  return kind === 'welcome' ? WELCOME : { id: kind as string, kind: kind as TabKind, title };
}

/** The tabs open at the last visit in this browser (anything unreadable: the welcome tab). */
function rememberedTabs(): { tabs: Tab[]; activeId: string } {
  try {
    const stored = JSON.parse(localStorage.getItem(TABS_STORAGE_KEY) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null) throw new Error('nothing stored');
    const { tabs: list, activeId } = stored as { tabs?: unknown; activeId?: unknown };
    if (!Array.isArray(list)) throw new Error('no tab list');
    const tabs: Tab[] = [];
    for (const item of list.slice(0, MAX_REMEMBERED_TABS)) {
      const tab = tabFromStored(item);
      if (tab && !tabs.some((t) => t.id === tab.id)) tabs.push(tab);
    }
    const active = tabs.find((t) => t.id === activeId)?.id ?? tabs.at(-1)?.id ?? '';
    return { tabs, activeId: active };
  } catch {
    return { tabs: [WELCOME], activeId: WELCOME.id };
  }
}

/** Open tabs of the main panel, Postman-style: opening an open tab focuses it. Remembered across reloads. */
export const useTabsStore = create<TabsState>((set, get) => ({
  ...rememberedTabs(),
  open(tab) {
    if (!get().tabs.some((t) => t.id === tab.id)) set({ tabs: [...get().tabs, tab] });
    set({ activeId: tab.id });
  },
  close(id) {
    const tabs = get().tabs.filter((t) => t.id !== id);
    const activeId = get().activeId === id ? (tabs.at(-1)?.id ?? '') : get().activeId;
    set({ tabs, activeId });
  },
  activate(id) {
    set({ activeId: id });
  },
  retitle(id, title) {
    const tabs = get().tabs;
    if (!tabs.some((t) => t.id === id && t.title !== title)) return;
    set({ tabs: tabs.map((t) => (t.id === id ? { ...t, title } : t)) });
  },
}));

useTabsStore.subscribe((state, previous) => {
  if (state.tabs === previous.tabs && state.activeId === previous.activeId) return;
  try {
    localStorage.setItem(TABS_STORAGE_KEY, JSON.stringify({ tabs: state.tabs, activeId: state.activeId }));
  } catch {
    // Storage off or full: the tabs are simply not remembered.
  }
});

/**
 * Closes the tabs of connectors or webhooks that no longer exist (deleted since the tabs were
 * remembered, or in another window); called once each list has loaded.
 */
export function closeStaleTabs(kind: 'connector' | 'webhook', existingIds: ReadonlySet<string>): void {
  const { tabs, close } = useTabsStore.getState();
  for (const tab of tabs) {
    const id = kind === 'connector' ? tab.connectorId : tab.webhookId;
    if (tab.kind === kind && id !== undefined && !existingIds.has(id)) close(tab.id);
  }
}
