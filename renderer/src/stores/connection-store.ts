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
  /**
   * True while the engine does not answer at all (a reconnect failed on the network or with a 5xx):
   * the workspace says so and is inert until the stream opens again. A stream the engine merely
   * closed is not enough (it is reopened a second later), so the banner does not flash.
   */
  engineDown: boolean;
  /** The session ended because the engine restarted (it was down just before): the sign-in screen says so. */
  endedByRestart: boolean;
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
  engineDown: false,
  endedByRestart: false,
  connect() {
    if (subscription) return;
    set({ status: 'connecting', sessionEnded: false, engineDown: false });
    let opened = false;
    subscription = api.stream({
      onOpen: () => {
        const reconnected = opened;
        opened = true;
        set({ status: 'connected', lastError: null, engineDown: false, endedByRestart: false });
        for (const handler of openHandlers) handler();
        // Events that arrived while the stream was down are fetched again (the first load is the workspace's).
        if (reconnected) void useEventsStore.getState().load();
      },
      onClose: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          const restarted = get().engineDown;
          get().disconnect();
          set({ sessionEnded: true, engineDown: false, endedByRestart: restarted, lastError: 'The session ended. Sign in again.' });
          return;
        }
        const notAnswering = error !== null && (!(error instanceof ApiError) || error.status >= 500);
        set({
          status: 'disconnected',
          lastError: error instanceof Error ? error.message : 'The live stream closed.',
          ...(notAnswering ? { engineDown: true } : {}),
        });
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
    set({ status: 'disconnected', engineDown: false });
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
