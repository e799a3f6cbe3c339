import type { EngineContext } from '../engine-context';
import type { EngineModule } from '../engine-module';
import { environmentRoutes } from './environment-routes';
import { EnvironmentService } from './environment-service';

export interface EnvironmentsModule extends EngineModule {
  readonly environments: EnvironmentService;
}

/** Environments and their routes; `${VAR}` is resolved where each request is built (invoker, relay intake, capture answer). */
export function createEnvironmentsModule(ctx: EngineContext): EnvironmentsModule {
  const environments = new EnvironmentService(ctx);
  return { name: 'environments', environments, routes: [environmentRoutes(environments)] };
}
