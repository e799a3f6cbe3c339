import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import { ReceiverCheckHistoryFile } from './receiver-check-history';
import { receiverCheckRoutes } from './receiver-check-routes';
import { ReceiverCheckService } from './receiver-check-service';

export interface ReceiverCheckModule extends EngineModule {
  readonly service: ReceiverCheckService;
}

/** Receiver check (issue #15): grades a user's webhook receiver the way real senders would treat it. */
export function createReceiverCheckModule(ctx: EngineContext): ReceiverCheckModule {
  const service = new ReceiverCheckService(ctx, new ReceiverCheckHistoryFile(ctx.config.dataDir, ctx.log));
  return {
    name: 'receiver-check',
    service,
    routes: [receiverCheckRoutes(service)],
    start: () => service.load(),
    stop: () => service.stop(),
  };
}
