import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import type { DispatchModule } from '../dispatch/dispatch-module';
import type { IngestModule } from '../ingest/ingest-module';
import type { SchemaTracker } from '../inference/schema-tracker';
import { catalogRoutes } from './catalog-routes';
import { eventArchiveRoutes } from './event-archive-routes';
import { postmanRoutes } from './postman-routes';

/** What the interop formats read: the connectors, the webhooks and the inferred event schemas. */
export interface InteropSources {
  ctx: EngineContext;
  ingest: IngestModule;
  dispatch: DispatchModule;
  schemas: SchemaTracker;
}

export interface InteropModule extends EngineModule {
  readonly name: 'interop';
}

/**
 * Formats other tools read (issue "Interop formats"): HAR/NDJSON of events and their import, the
 * event catalogs (OpenAPI 3.1 webhooks, AsyncAPI 3) and the Postman collection of the webhooks.
 * The builders are pure (`shared/interop/`); these routes gather their input.
 */
export function createInteropModule(sources: InteropSources): InteropModule {
  return { name: 'interop', routes: [catalogRoutes(sources), postmanRoutes(sources), eventArchiveRoutes(sources)] };
}
