import { create } from 'zustand';
import type { Connector, ConnectorCreate, ConnectorPatch, ConnectorSecrets } from '../../../shared/schemas/connector';
import { MAX_PAGE_SIZE } from '../../../shared/paging';
import { api } from '../api/client';
import { connectorTab, useTabsStore } from './tabs-store';

interface ConnectorsState {
  connectors: Connector[];
  loaded: boolean;
  error: string | null;
  /** Loads every connector (all pages). Called at start and each time the live stream reopens. */
  load(): Promise<void>;
  /** A live `connector.updated` message. */
  received(data: unknown): void;
  create(input: ConnectorCreate): Promise<Connector & ConnectorSecrets>;
  update(id: string, patch: ConnectorPatch): Promise<Connector>;
  remove(id: string): Promise<void>;
  resetKey(id: string): Promise<ConnectorSecrets>;
}

function byName(a: Connector, b: Connector): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

/** Replaces (or adds) one connector, keeping the list sorted by name; keeps its tab's title in step. */
function upsert(list: Connector[], connector: Connector): Connector[] {
  // The key is shown once, to the dialog that asked; the push and capture URLs are part of the connector.
  const { apiKey: _k, ...plain } = connector as Connector & Partial<ConnectorSecrets>;
  useTabsStore.getState().retitle(connectorTab(plain).id, plain.name);
  return [...list.filter((c) => c.id !== plain.id), plain].sort(byName);
}

function isConnector(data: unknown): data is Connector & { deleted?: boolean } {
  return typeof data === 'object' && data !== null && typeof (data as Connector).id === 'string' && typeof (data as Connector).name === 'string';
}

/** The connectors of the workspace, live. The API key is returned to the caller and never kept here. */
export const useConnectorsStore = create<ConnectorsState>((set, get) => ({
  connectors: [],
  loaded: false,
  error: null,
  async load() {
    try {
      const all: Connector[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api.listConnectors({ page, pageSize: MAX_PAGE_SIZE });
        all.push(...answer.items);
        if (page >= answer.pageAmount) break;
      }
      set({ connectors: all.sort(byName), loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: (error as Error).message });
    }
  },
  received(data) {
    if (!isConnector(data)) return;
    if (data.deleted) {
      set({ connectors: get().connectors.filter((c) => c.id !== data.id) });
      useTabsStore.getState().close(connectorTab(data).id);
      return;
    }
    set({ connectors: upsert(get().connectors, data) });
  },
  async create(input) {
    const created = await api.createConnector(input);
    set({ connectors: upsert(get().connectors, created) });
    return created;
  },
  async update(id, patch) {
    const updated = await api.updateConnector(id, patch);
    set({ connectors: upsert(get().connectors, updated) });
    return updated;
  },
  async remove(id) {
    await api.deleteConnector(id);
    set({ connectors: get().connectors.filter((c) => c.id !== id) });
    useTabsStore.getState().close(connectorTab({ id, name: '' }).id);
  },
  resetKey(id) {
    return api.resetConnectorKey(id);
  },
}));

/** One connector by id, or undefined while unknown. */
export function useConnector(id: string | undefined): Connector | undefined {
  return useConnectorsStore((s) => s.connectors.find((c) => c.id === id));
}
