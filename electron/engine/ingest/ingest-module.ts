import type { Connector, ConnectorStatus } from '../../../shared/schemas/connector';
import type { HookEvent } from '../../../shared/schemas/event';
import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import { captureHandler } from './capture-handler';
import { ConnectorAnnouncer } from './connector-announcer';
import { connectorRoutes } from './connector-routes';
import { ConnectorService } from './connector-service';
import { pushHandler } from './push-handler';
import type { InboundRequestHook, RequestHookSlot } from './request-hook';
import { StatusWatcher } from './status-watcher';
import { errorText } from '../../../shared/errors';

/** Told when a connector's status changes (the connector as it is now, and the status before). */
export type ConnectorStatusListener = (connector: Connector, previous: ConnectorStatus) => void;

export interface IngestModule extends EngineModule {
  readonly connectors: ConnectorService;
  /** Hears every status change (OFFLINE -> ACTIVE, ACTIVE -> IDLE, ...). Answers an unsubscribe function. */
  onStatusChanged(listener: ConnectorStatusListener): () => void;
  /** The relay's hook into push and capture requests of connectors that forward or verify (one at most). */
  setRequestHook(hook: InboundRequestHook | null): void;
}

/**
 * Inbound: connectors and their management routes, the push API and capture URLs (raw hot-path
 * handlers), status tracking and the live `connector.updated` announcements.
 */
export function createIngestModule(ctx: EngineContext): IngestModule {
  const statusListeners = new Set<ConnectorStatusListener>();
  const lastEventMsOf = (id: string): number | null => ctx.store.events.countersOf(id).lastEventMs;

  const announcer = new ConnectorAnnouncer(ctx.clock, (id) => {
    const stored = connectors.find(id);
    if (stored) ctx.hub.broadcast('connector.updated', connectors.view(stored));
  });
  const watcher = new StatusWatcher(ctx.clock, lastEventMsOf, (id, _status, previous) => {
    const stored = connectors.find(id);
    if (!stored) return;
    announcer.now(id);
    const connector = connectors.view(stored);
    for (const listener of statusListeners) {
      try {
        listener(connector, previous);
      } catch (error) {
        ctx.log(`A connector status listener failed: ${errorText(error)}`);
      }
    }
  });
  const connectors: ConnectorService = new ConnectorService(ctx, (id) => watcher.statusOf(id), {
    created(id) {
      watcher.track(id);
      announcer.now(id);
    },
    updated(id) {
      announcer.now(id);
    },
    deleted(connector) {
      watcher.forget(connector.id);
      announcer.forget(connector.id);
      ctx.hub.broadcast('connector.updated', { ...connector, deleted: true });
    },
  });

  const onAppended = (events: HookEvent[]): void => {
    let previous: string | null = null;
    for (const event of events) {
      const id = event.connectorId;
      if (id === null || id === previous) continue;
      previous = id;
      if (!connectors.find(id)) continue;
      // A status change is announced at once (with the new count); otherwise the count is coalesced.
      if (!watcher.eventsArrived(id)) announcer.soon(id);
    }
  };
  let unsubscribe: (() => void) | null = null;
  const relay: RequestHookSlot = { hook: null };

  return {
    name: 'ingest',
    connectors,
    routes: [connectorRoutes(ctx, connectors)],
    rawHandlers: [pushHandler(ctx, connectors, relay), captureHandler(ctx, connectors, relay)],
    onStatusChanged(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    setRequestHook(hook) {
      relay.hook = hook;
    },
    start() {
      for (const stored of connectors.all()) watcher.track(stored.id);
      unsubscribe = ctx.store.events.onAppended(onAppended);
    },
    stop() {
      unsubscribe?.();
      watcher.stop();
      announcer.stop();
    },
  };
}
