import { Router } from 'express';
import { openApiDocumentText } from '../../../../shared/api-contract/openapi-document';
import type { EngineContext } from '../../engine-context';

/**
 * `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of this engine's HTTP API, its `servers`
 * naming this engine. Built at the first request (the base URL is known once the engine listens)
 * and kept: it depends only on the code, the version and that URL.
 */
export function openApiRoutes(ctx: EngineContext): Router {
  const router = Router();
  let text: string | null = null;
  router.get('/openapi.json', (_req, res) => {
    text ??= openApiDocumentText({ version: ctx.config.version, serverUrl: ctx.baseUrl() || undefined });
    res.type('application/json').send(text);
  });
  return router;
}
