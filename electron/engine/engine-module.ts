import type { Router } from 'express';
import type { RawHandler } from './server/raw-handler';

/**
 * A capability plugged into the engine (ingest, dispatch, relay): its management routes (mounted
 * under /api/v1 behind auth), its hot-path handlers, and its lifecycle.
 */
export interface EngineModule {
  name: string;
  routes?: Router[];
  rawHandlers?: RawHandler[];
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}
