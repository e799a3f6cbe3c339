import { Router } from 'express';
import { catalogFile } from './catalog-source';
import type { InteropSources } from './interop-module';

/**
 * `GET /api/v1/catalog/openapi` and `GET /api/v1/catalog/asyncapi` (API.md section 6): the event
 * catalog as OpenAPI 3.1 (`webhooks`, one per event type) or AsyncAPI 3, as a JSON file.
 */
export function catalogRoutes(sources: InteropSources): Router {
  const router = Router();
  router.get('/catalog/openapi', (_req, res) => {
    res.type('application/json').send(catalogFile(sources, 'openapi'));
  });
  router.get('/catalog/asyncapi', (_req, res) => {
    res.type('application/json').send(catalogFile(sources, 'asyncapi'));
  });
  return router;
}
