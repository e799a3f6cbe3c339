import { create } from 'zustand';
import type { StreamSubscription } from '../../../shared/api/client';
import { api } from '../api/client';
import { useEventsStore } from './events-store';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

interface ConnectionState {
  status: ConnectionStatus;
  version: string | null;
  lastError: string | null;
  /** Opens the live stream and routes its messages to the resource stores. */
  connect(): void;
  disconnect(): void;
}

/** Stream handlers by event name; resource stores register theirs here. */
const handlers = new Map<string, (data: unknown) => void>();
export function onStreamEvent(name: string, handler: (data: unknown) => void): void {
  handlers.set(name, handler);
}

let subscription: StreamSubscription | null = null;

export const useConnectionStore = create<ConnectionState>((set) => ({
  status: 'connecting',
  version: null,
  lastError: null,
  connect() {
    if (subscription) return;
    set({ status: 'connecting' });
    subscription = api.stream({
      onOpen: () => set({ status: 'connected', lastError: null }),
      onClose: (error) =>
        set({ status: 'disconnected', lastError: error instanceof Error ? error.message : 'The live stream closed.' }),
      onMessage: (event, data) => {
        if (event === 'hello') {
          set({ status: 'connected', version: (data as { version?: string }).version ?? null });
          return;
        }
        handlers.get(event)?.(data);
      },
    });
  },
  disconnect() {
    subscription?.close();
    subscription = null;
    set({ status: 'disconnected' });
  },
}));

onStreamEvent('event.received', (data) => useEventsStore.getState().received(data));
