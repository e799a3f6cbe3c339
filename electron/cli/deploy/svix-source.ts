import { isSystemEventType } from '../../../shared/events/dispatch-event';
import { toJsonSchema } from '../../../shared/inference/json-schema';
import type { SvixKnownType, SvixPlanInput } from '../../../shared/interop/svix-plan';
import type { DispatchModule } from '../../engine/dispatch/dispatch-module';
import type { Engine } from '../../engine/engine';
import type { EngineModule } from '../../engine/engine-module';
import { EnvironmentService } from '../../engine/environments/environment-service';
import type { IngestModule } from '../../engine/ingest/ingest-module';

/**
 * What `deploy svix` plans from, read from an engine opened on a data dir: the webhooks as stored
 * (secrets and credentials in clear: Svix needs the secret to keep receivers verifying), the
 * connectors (for channel names), every event type the workspace knows (types in the event log
 * and inferred schemas, per connector) and the environment lookup for `${VAR}`.
 */
export function svixSourceOf(engine: Engine, appName: string): SvixPlanInput {
  const ingest = moduleNamed<IngestModule>(engine.modules, 'ingest');
  const dispatch = moduleNamed<DispatchModule>(engine.modules, 'dispatch');
  const connectors = ingest.connectors.all().map((c) => ({ id: c.id, name: c.name, dataSource: c.dataSource }));
  const namesById = new Map(connectors.map((c) => [c.id, c.name]));

  const types = new Map<string, SvixKnownType & { inferred: { connectorName: string; schema: Record<string, unknown> }[] }>();
  const known = (type: string) => {
    let entry = types.get(type);
    if (!entry) {
      entry = { type, origin: isSystemEventType(type) ? 'system' : 'received', inferred: [] };
      types.set(type, entry);
    }
    return entry;
  };
  for (const event of engine.store.events.list({})) known(event.type);
  for (const connector of connectors) {
    for (const stored of engine.store.schemas.ofConnector(connector.id)) {
      known(stored.type).inferred.push({ connectorName: namesById.get(connector.id) ?? connector.id, schema: toJsonSchema(stored.shape) });
    }
  }

  return {
    appName,
    webhooks: dispatch.webhooks.all(),
    connectors,
    eventTypes: [...types.values()],
    lookup: new EnvironmentService(engine.context).lookup,
  };
}

function moduleNamed<T extends EngineModule>(modules: readonly EngineModule[], name: string): T {
  const found = modules.find((m) => m.name === name);
  if (!found) throw new Error(`The engine was started without the ${name} module.`);
  return found as T;
}
