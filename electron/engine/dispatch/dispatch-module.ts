import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import type { IngestModule } from '../ingest/ingest-module';
import { ConnectorAnnouncer } from '../ingest/connector-announcer';
import type { DeliveryRecord } from '../store/delivery-state';
import { EnvironmentService } from '../environments/environment-service';
import { DeliveryPlanner } from './delivery-planner';
import { toDelivery } from './delivery-view';
import { deliveryRoutes } from './delivery-routes';
import { Dispatcher } from './dispatcher';
import { eventTypeRoutes } from './event-type-routes';
import { HttpSender } from './http-sender';
import { Invoker } from './invoker';
import { OAuth2TokenCache } from './oauth2-token-cache';
import { connectorStatusChangedEvent, webhookFailedEvent } from './system-events';
import { WebhookActions } from './webhook-actions';
import { webhookRoutes } from './webhook-routes';
import { WebhookService } from './webhook-service';
import { errorText } from '../../../shared/errors';

export interface DispatchModule extends EngineModule {
  readonly webhooks: WebhookService;
  readonly dispatcher: Dispatcher;
  readonly actions: WebhookActions;
}

/**
 * Outbound: webhooks and their routes, the deliveries events cause (planned in the same fsync as
 * the events), the dispatcher that sends them with retries, the FAILED state with held deliveries
 * and restart, and the system events (`connector.status_changed`, `webhook.failed`, `webhook.restarted`).
 */
export function createDispatchModule(ctx: EngineContext, ingest: IngestModule): DispatchModule {
  const { store } = ctx;
  const webhooks = new WebhookService(ctx);
  const sender = new HttpSender();
  const tokens = new OAuth2TokenCache(sender, () => ctx.clock.now());
  const invoker = new Invoker(sender, tokens, ctx.clock, ctx.baseUrl, new EnvironmentService(ctx));
  const planner = new DeliveryPlanner(() => webhooks.all(), store.deliveries);
  const dispatcher = new Dispatcher({
    clock: ctx.clock,
    journal: store.journal,
    events: store.events,
    deliveries: store.deliveries,
    webhook: (id) => webhooks.find(id),
    invoker,
    log: ctx.log,
  });
  const actions = new WebhookActions(ctx, webhooks, planner, dispatcher, invoker);
  const announcer = new ConnectorAnnouncer(ctx.clock, (id) => {
    const stored = webhooks.find(id);
    if (stored) ctx.hub.broadcast('webhook.updated', webhooks.view(stored));
  });
  /** Background writes: a failure is logged (the journal stays consistent; the write is simply missing). */
  const background = (what: string, write: Promise<void>): void => {
    write.catch((error: unknown) => ctx.log(`Could not store ${what}: ${errorText(error)}`));
  };

  webhooks.setHooks({
    changed(stored) {
      announcer.now(stored.id);
    },
    deleted(last) {
      dispatcher.forgetWebhook(last.id);
      announcer.forget(last.id);
      ctx.hub.broadcast('webhook.updated', { ...last, deleted: true });
      const drop: DeliveryRecord = { op: 'whk.drop', webhookId: last.id };
      background(`the removal of ${last.id}'s deliveries`, store.journal.append([drop]));
    },
  });
  store.events.addAppendHook((events) => planner.recordsFor(events, ctx.clock.now()));

  const unsubscribers: (() => void)[] = [];
  return {
    name: 'dispatch',
    webhooks,
    dispatcher,
    actions,
    routes: [webhookRoutes(ctx, webhooks, actions), deliveryRoutes(actions), eventTypeRoutes(ctx, actions)],
    start() {
      unsubscribers.push(
        store.deliveries.onDelivery((delivery) => {
          // Built only for someone listening: most deliveries change with no stream open.
          if (ctx.hub.size > 0) ctx.hub.broadcast('delivery.updated', toDelivery(delivery, false));
          dispatcher.consider(delivery);
        }),
        store.deliveries.onRuntime((webhookId, runtime, before) => {
          announcer.soon(webhookId);
          if (!runtime.failed || before.failed) return;
          announcer.now(webhookId);
          const webhook = webhooks.find(webhookId);
          if (!webhook) return;
          background(`the held deliveries of ${webhookId}`, dispatcher.holdPending(webhookId));
          const last = store.deliveries.ofWebhook(webhookId).find((d) => d.attempts.at(-1)?.ok === false);
          background('the webhook.failed event', store.events.append([webhookFailedEvent(webhook, runtime.consecutiveFailures, runtime.lastSuccessMs, last, ctx.clock.now())]));
        }),
        ingest.onStatusChanged((connector, previous) => {
          background('the connector.status_changed event', store.events.append([connectorStatusChangedEvent(connector, previous, ctx.clock.now())]));
        }),
      );
      // A crash between "went FAILED" and "held its pending deliveries" leaves pending ones behind.
      for (const webhook of webhooks.all()) {
        if (store.deliveries.runtimeOf(webhook.id).failed) background(`the held deliveries of ${webhook.id}`, dispatcher.holdPending(webhook.id));
      }
      dispatcher.resume();
    },
    async stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      dispatcher.stop();
      announcer.stop();
      await sender.destroy();
    },
  };
}
