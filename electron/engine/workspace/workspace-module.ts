import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import type { DispatchModule } from '../dispatch/dispatch-module';
import type { IngestModule } from '../ingest/ingest-module';
import { EnvironmentService } from '../environments/environment-service';
import { workspaceRoutes } from './workspace-routes';
import { WorkspaceService } from './workspace-service';

export interface WorkspaceModule extends EngineModule {
  readonly name: 'workspace';
  readonly service: WorkspaceService;
}

/** The workspace file: export, plan and apply over the connector and webhook services. */
export function createWorkspaceModule(ctx: EngineContext, ingest: IngestModule, dispatch: DispatchModule): WorkspaceModule {
  const service = new WorkspaceService({ ctx, connectors: ingest.connectors, webhooks: dispatch.webhooks, environments: new EnvironmentService(ctx) });
  return { name: 'workspace', service, routes: [workspaceRoutes(service)] };
}

/** The workspace service of a started engine (the CLI's way in): `workspaceServiceOf(engine.modules)`. */
export function workspaceServiceOf(modules: readonly EngineModule[]): WorkspaceService {
  const module = modules.find((m): m is WorkspaceModule => m.name === 'workspace');
  if (!module) throw new Error('The engine was started without the workspace module.');
  return module.service;
}
