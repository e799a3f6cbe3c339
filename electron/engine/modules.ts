import type { EngineContext } from './engine-context';
import type { EngineModule } from './engine-module';

/** Every capability of the engine, in the order their hot-path handlers are tried. */
export function createModules(_ctx: EngineContext): EngineModule[] {
  return [];
}
