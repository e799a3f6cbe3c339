import { create } from 'zustand';

export type TabKind = 'welcome' | 'events' | 'connectors' | 'webhooks' | 'connector' | 'webhook';

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

/** Open tabs of the main panel, Postman-style: opening an open tab focuses it. */
export const useTabsStore = create<TabsState>((set, get) => ({
  tabs: [WELCOME],
  activeId: WELCOME.id,
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
