import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import type { IngestModule } from '../ingest/ingest-module';
import { schemaRoutes } from './schema-routes';
import { SchemaTracker } from './schema-tracker';

/**
 * Inferred event schemas (issue "Schemas"): the shape of each event type per connector, learnt
 * from the bodies received by push and capture (an append hook, in the same fsync as the events),
 * drift marks on events whose shape moved, and `GET /connectors/:id/schemas`.
 */
export function createInferenceModule(ctx: EngineContext, ingest: IngestModule): EngineModule & { tracker: SchemaTracker } {
  const tracker = new SchemaTracker(ctx.store.schemas);
  ctx.store.events.addAppendHook((events) => tracker.recordsFor(events));
  return {
    name: 'inference',
    tracker,
    routes: [schemaRoutes(ctx, ingest.connectors)],
  };
}
