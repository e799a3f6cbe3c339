import { Router } from 'express';
import { buildPostmanCollection, postmanCollectionText, sampleEventType, type PostmanCollectionResult } from '../../../shared/interop/postman-collection';
import { DEFAULT_PORT } from '../config';
import type { InteropSources } from './interop-module';

/** The file name a download of the collection gets. */
export const POSTMAN_FILE_NAME = 'hookdesk-webhooks.postman_collection.json';

/**
 * The webhooks as a Postman collection, each with its body rendered for its sample event: the latest
 * stored event of the webhook's first exact type (as `GET /event-types/sample?type=` answers), else a
 * built-in mock. Secrets stay out (see shared/interop/postman-collection.ts).
 */
export function postmanCollectionOf(sources: Pick<InteropSources, 'ctx' | 'dispatch'>): PostmanCollectionResult {
  const { dispatch, ctx } = sources;
  return buildPostmanCollection({
    webhooks: dispatch.webhooks.all().map((webhook) => ({ webhook, sample: dispatch.actions.sample(sampleEventType(webhook.events)) })),
    // Not listening (the CLI on a data dir): where `serve` answers by default.
    apiBaseUrl: ctx.baseUrl() || `http://127.0.0.1:${ctx.config.port || DEFAULT_PORT}`,
  });
}

/**
 * `GET /api/v1/webhooks/export/postman` (API.md section 6). Mounted after dispatch's `/webhooks`
 * routes: none of those has three segments with a free second one for GET (`/webhooks/:id/deliveries`
 * and `/webhooks/:id/stats` only), so this path is not shadowed.
 */
export function postmanRoutes(sources: InteropSources): Router {
  const router = Router();
  router.get('/webhooks/export/postman', (_req, res) => {
    const { collection } = postmanCollectionOf(sources);
    res
      .status(200)
      .type('application/json; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${POSTMAN_FILE_NAME}"`)
      .send(postmanCollectionText(collection));
  });
  return router;
}
