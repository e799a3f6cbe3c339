import { create } from 'zustand';
import { ApiError } from '../../../shared/api/api-error';
import type { StreamSubscription } from '../../../shared/api/client';
import { api } from '../api/client';
import { useConnectorsStore } from './connectors-store';
import { useEventsStore } from './events-store';
import { useWebhooksStore } from './webhooks-store';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

interface ConnectionState {
  status: ConnectionStatus;
  version: string | null;
  lastError: string | null;
  /**
   * True once the engine no longer knows this page's session (signed out, the engine restarted,
   * or 12 h unused): the app signs in again (the Electron preload does it by itself) instead of
   * retrying a stream that can only answer 401.
   */
  sessionEnded: boolean;
  /** Opens the live stream and routes its messages to the resource stores. */
  connect(): void;
  disconnect(): void;
  /** Ends this page's session on the engine, then shows the sign-in screen. */
  signOut(): Promise<void>;
}

/** Stream handlers by event name; resource stores and live views register theirs here. */
const handlers = new Map<string, Set<(data: unknown) => void>>();
/** Adds a handler for one stream message name; answers a function that removes it. */
export function onStreamEvent(name: string, handler: (data: unknown) => void): () => void {
  let set = handlers.get(name);
  if (!set) handlers.set(name, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

/** Called each time the stream (re)opens, so stores can reload what they may have missed. */
const openHandlers = new Set<() => void>();
export function onStreamOpen(handler: () => void): () => void {
  openHandlers.add(handler);
  return () => openHandlers.delete(handler);
}

let subscription: StreamSubscription | null = null;

export const useConnectionStore = create<ConnectionState>((set, get) => ({
  status: 'connecting',
  version: null,
  lastError: null,
  sessionEnded: false,
  connect() {
    if (subscription) return;
    set({ status: 'connecting', sessionEnded: false });
    subscription = api.stream({
      onOpen: () => {
        set({ status: 'connected', lastError: null });
        for (const handler of openHandlers) handler();
      },
      onClose: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          get().disconnect();
          set({ sessionEnded: true, lastError: 'The session ended. Sign in again.' });
          return;
        }
        set({ status: 'disconnected', lastError: error instanceof Error ? error.message : 'The live stream closed.' });
      },
      onMessage: (event, data) => {
        if (event === 'hello') {
          set({ status: 'connected', version: (data as { version?: string }).version ?? null });
          return;
        }
        for (const handler of handlers.get(event) ?? []) handler(data);
      },
    });
  },
  disconnect() {
    subscription?.close();
    subscription = null;
    set({ status: 'disconnected' });
  },
  async signOut() {
    try {
      await api.signOut();
    } finally {
      get().disconnect();
      set({ sessionEnded: true, lastError: null });
    }
  },
}));

onStreamEvent('event.received', (data) => useEventsStore.getState().received(data));
onStreamEvent('event.updated', (data) => useEventsStore.getState().updated(data));
onStreamEvent('connector.updated', (data) => useConnectorsStore.getState().received(data));
onStreamOpen(() => void useConnectorsStore.getState().load());
onStreamEvent('webhook.updated', (data) => useWebhooksStore.getState().received(data));
onStreamOpen(() => void useWebhooksStore.getState().load());
