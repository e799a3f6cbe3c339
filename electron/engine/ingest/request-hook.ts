import type { IncomingHttpHeaders } from 'node:http';
import type { HookEvent } from '../../../shared/schemas/event';
import type { StoredConnector } from '../store/workspace-data';

/** One accepted push or capture request, as the relay sees it before its events are stored. */
export interface InboundRequest {
  connector: StoredConnector;
  source: 'push' | 'capture';
  method: string;
  /** The capture sub-path as sent ('' for push, and for a capture URL without one). */
  path: string;
  /** The query string without '?' ('' when none). */
  query: string;
  /** The request's headers as Node parsed them (the push key included). */
  headers: IncomingHttpHeaders;
  /** The exact body bytes. */
  body: Buffer;
  receivedMs: number;
}

/**
 * Called (synchronously, before the append) for a request whose connector forwards or verifies:
 * it may add fields to the request's events, which are then stored in the same append. It answers
 * what to do once the events are durable and the sender has its answer, or null.
 */
export type InboundRequestHook = (request: InboundRequest, events: HookEvent[]) => (() => void) | null;

/** The relay's hook, set once the relay module is wired (null: no relay). */
export interface RequestHookSlot {
  hook: InboundRequestHook | null;
}

/** The hook when this connector's requests need the relay (it forwards or verifies); the hot path pays this one check when not. */
export function relayHookFor(slot: RequestHookSlot, connector: StoredConnector): InboundRequestHook | null {
  return connector.forwardTo === null && connector.verification === null ? null : slot.hook;
}
