import { Router } from 'express';
import { toJsonSchema } from '../../../shared/inference/json-schema';
import { pageQuerySchema, paginate } from '../../../shared/paging';
import type { InferredSchema } from '../../../shared/schemas/replay';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import type { ConnectorService } from '../ingest/connector-service';
import type { StoredSchema } from '../store/schema-state';

/** `GET /api/v1/connectors/:id/schemas` (API.md, Relay): the inferred JSON Schema of each event type seen on a connector, by type, paged. */
export function schemaRoutes(ctx: EngineContext, connectors: ConnectorService): Router {
  const router = Router();

  router.get('/connectors/:id/schemas', (req, res) => {
    const connector = connectors.get(req.params.id);
    const paging = parseOrThrow(pageQuerySchema, req.query, 'page query');
    const stored = ctx.store.schemas.ofConnector(connector.id).sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    const page = paginate(stored, paging);
    res.json({ ...page, items: page.items.map(toInferredSchema) });
  });

  return router;
}

export function toInferredSchema(stored: StoredSchema): InferredSchema {
  return {
    type: stored.type,
    eventCount: stored.eventCount,
    firstSeenTime: stored.firstSeenTime,
    lastSeenTime: stored.lastSeenTime,
    schema: toJsonSchema(stored.shape),
  };
}
