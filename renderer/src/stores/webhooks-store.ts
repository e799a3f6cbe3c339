import { create } from 'zustand';
import type { Webhook, WebhookCreate } from '../../../shared/schemas/webhook';
import { MAX_PAGE_SIZE } from '../../../shared/paging';
import { api } from '../api/client';
import { useTabsStore, webhookTab } from './tabs-store';

interface WebhooksState {
  webhooks: Webhook[];
  loaded: boolean;
  error: string | null;
  /** Loads every webhook (all pages). Called at start and each time the live stream reopens. */
  load(): Promise<void>;
  /** A live `webhook.updated` message (the read shape; `deleted: true` on deletion). */
  received(data: unknown): void;
  create(input: WebhookCreate): Promise<Webhook>;
  update(id: string, patch: Record<string, unknown>): Promise<Webhook>;
  remove(id: string): Promise<void>;
  restart(id: string): Promise<Webhook>;
}

function byName(a: Webhook, b: Webhook): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

/** Replaces (or adds) one webhook, keeping the list sorted by name and its tab's title in step. */
function upsert(list: Webhook[], webhook: Webhook): Webhook[] {
  const { deleted: _d, ...plain } = webhook as Webhook & { deleted?: boolean };
  useTabsStore.getState().retitle(webhookTab(plain).id, plain.name);
  const previous = list.find((w) => w.id === plain.id);
  // A stale message (older than what we hold) must not undo a newer answer.
  if (previous && previous.updatedTime > plain.updatedTime) return list;
  return [...list.filter((w) => w.id !== plain.id), plain].sort(byName);
}

function isWebhook(data: unknown): data is Webhook & { deleted?: boolean } {
  return typeof data === 'object' && data !== null && typeof (data as Webhook).id === 'string' && typeof (data as Webhook).name === 'string';
}

/** The webhooks of the workspace, live from `webhook.updated`. */
export const useWebhooksStore = create<WebhooksState>((set, get) => ({
  webhooks: [],
  loaded: false,
  error: null,
  async load() {
    try {
      const all: Webhook[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api.listWebhooks({ page, pageSize: MAX_PAGE_SIZE });
        all.push(...answer.items);
        if (page >= answer.pageAmount) break;
      }
      set({ webhooks: all.sort(byName), loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: (error as Error).message });
    }
  },
  received(data) {
    if (!isWebhook(data)) return;
    if (data.deleted) {
      set({ webhooks: get().webhooks.filter((w) => w.id !== data.id) });
      useTabsStore.getState().close(webhookTab(data).id);
      return;
    }
    set({ webhooks: upsert(get().webhooks, data) });
  },
  async create(input) {
    const created = await api.createWebhook(input);
    set({ webhooks: upsert(get().webhooks, created) });
    return created;
  },
  async update(id, patch) {
    const updated = await api.updateWebhook(id, patch);
    set({ webhooks: upsert(get().webhooks, updated) });
    return updated;
  },
  async remove(id) {
    await api.deleteWebhook(id);
    set({ webhooks: get().webhooks.filter((w) => w.id !== id) });
    useTabsStore.getState().close(webhookTab({ id, name: '' }).id);
  },
  async restart(id) {
    const restarted = await api.restartWebhook(id);
    set({ webhooks: upsert(get().webhooks, restarted) });
    return restarted;
  },
}));

/** One webhook by id, or undefined while unknown. */
export function useWebhook(id: string | undefined): Webhook | undefined {
  return useWebhooksStore((s) => s.webhooks.find((w) => w.id === id));
}
