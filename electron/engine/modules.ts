import type { EngineContext } from './engine-context';
import type { EngineModule } from './engine-module';
import { createDispatchModule } from './dispatch/dispatch-module';
import { createEnvironmentsModule } from './environments/environments-module';
import { createInferenceModule } from './inference/inference-module';
import { createInteropModule } from './interop/interop-module';
import { createIngestModule } from './ingest/ingest-module';
import { createReceiverCheckModule } from './receiver-check/receiver-check-module';
import { createRelayModule } from './relay/relay-module';
import { createWorkspaceModule } from './workspace/workspace-module';

/** Every capability of the engine, in the order their hot-path handlers are tried. */
export function createModules(ctx: EngineContext): EngineModule[] {
  const ingest = createIngestModule(ctx);
  const dispatch = createDispatchModule(ctx, ingest);
  const relay = createRelayModule(ctx, ingest, dispatch);
  const inference = createInferenceModule(ctx, ingest);
  const workspace = createWorkspaceModule(ctx, ingest, dispatch);
  const environments = createEnvironmentsModule(ctx);
  const interop = createInteropModule({ ctx, ingest, dispatch, schemas: inference.tracker });
  return [ingest, dispatch, relay, inference, workspace, environments, interop, createReceiverCheckModule(ctx)];
}
