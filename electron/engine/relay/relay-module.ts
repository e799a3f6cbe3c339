import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import type { DispatchModule } from '../dispatch/dispatch-module';
import { HttpSender } from '../dispatch/http-sender';
import type { IngestModule } from '../ingest/ingest-module';
import { EnvironmentService } from '../environments/environment-service';
import { EventPatcher } from './event-patcher';
import { describeForwardError } from './forward-errors';
import { HopMark } from './forward-loop';
import { failedForward, STOPPED_REASON } from './forward-outcome';
import { Forwarder } from './forwarder';
import { relayIntake } from './relay-intake';
import { diagnosisRoutes } from './diagnosis-routes';
import { replayRoutes } from './replay-routes';
import { ReplayService } from './replay-service';
import { SignatureDiagnoser } from './signature-diagnosis';
import { staleForwardIds } from './stale-forwards';

export interface RelayModule extends EngineModule {
  readonly replays: ReplayService;
}

/**
 * The relay: signature verification and forwarding of what connectors receive (through ingest's
 * request hook), results patched onto the events (`event.updated`), and replay of stored events to
 * the forward target, a webhook or a URL.
 */
export function createRelayModule(ctx: EngineContext, ingest: IngestModule, dispatch: DispatchModule): RelayModule {
  const { store } = ctx;
  const sender = new HttpSender(describeForwardError);
  const patcher = new EventPatcher(store.events, ctx.hub);
  const hop = new HopMark();
  const variables = new EnvironmentService(ctx);
  const forwarder = new Forwarder(sender, patcher, ctx.clock, ctx.log);
  const replays = new ReplayService({
    events: store.events,
    connectors: ingest.connectors,
    webhooks: dispatch.webhooks,
    actions: dispatch.actions,
    deliveries: store.deliveries,
    sender,
    patcher,
    hop,
    clock: ctx.clock,
    variables,
  });
  const diagnoser = new SignatureDiagnoser({ events: store.events, connectors: ingest.connectors, variables });
  const stale = staleForwardIds(store.events, ingest.connectors.all().map((c) => c.id));

  ingest.setRequestHook(
    relayIntake({
      hop,
      forward: (job) => forwarder.enqueue(job),
      connectorExists: (id) => ingest.connectors.find(id) !== undefined,
      variables,
      log: ctx.log,
    }),
  );

  return {
    name: 'relay',
    replays,
    routes: [replayRoutes(replays), diagnosisRoutes(diagnoser)],
    async start() {
      if (stale.length === 0) return;
      const time = new Date(ctx.clock.now()).toISOString();
      await patcher.patchAll(stale, (event) => ({ forward: failedForward(event.forward?.url ?? '', event.forward?.time ?? time, STOPPED_REASON) }));
      ctx.log(`${stale.length} forward(s) were unfinished when Hookdesk last stopped; they are marked failed and can be replayed.`);
    },
    async stop() {
      forwarder.stop();
      await sender.destroy();
    },
  };
}
