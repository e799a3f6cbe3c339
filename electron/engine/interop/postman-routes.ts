import { Router } from 'express';
import type { InteropSources } from './interop-module';

/** (Being built.) */
export function postmanRoutes(_sources: InteropSources): Router {
  return Router();
}
