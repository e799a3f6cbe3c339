import { Router } from 'express';
import { pageQuerySchema, paginate } from '../../../shared/paging';
import { statsRangeSchema } from '../../../shared/schemas/connector';
import { deliveryListQuerySchema, type WebhookStats } from '../../../shared/schemas/delivery';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import { bucketSeries, DAY_MS, HOUR_MS } from '../store/time-buckets';
import type { OutcomeCounts } from '../store/webhook-runtime';
import { filterDeliveries } from './delivery-filter';
import { toDelivery } from './delivery-view';
import type { WebhookActions } from './webhook-actions';
import type { WebhookService } from './webhook-service';

/** `/api/v1/webhooks` (API.md section 3, "Webhooks (outbound)"). */
export function webhookRoutes(ctx: EngineContext, webhooks: WebhookService, actions: WebhookActions): Router {
  const router = Router();

  router.post('/webhooks', async (req, res) => {
    res.status(201).json(await webhooks.create(req.body));
  });

  router.get('/webhooks', (req, res) => {
    const paging = parseOrThrow(pageQuerySchema, req.query, 'page query');
    res.json(paginate(webhooks.all().map((w) => webhooks.view(w)), paging));
  });

  router.get('/webhooks/:id', (req, res) => {
    res.json(webhooks.view(webhooks.get(req.params.id)));
  });

  router.patch('/webhooks/:id', async (req, res) => {
    res.json(await webhooks.update(req.params.id, req.body));
  });

  router.delete('/webhooks/:id', async (req, res) => {
    await webhooks.remove(req.params.id);
    res.status(204).end();
  });

  // A webhook not created yet: before `/webhooks/:id/...`, though no POST route there clashes.
  router.post('/webhooks/test', async (req, res) => {
    res.json(await actions.testUnsaved(req.body));
  });

  router.post('/webhooks/:id/test', async (req, res) => {
    res.json(await actions.test(req.params.id, req.body));
  });

  router.post('/webhooks/:id/restart', async (req, res) => {
    res.json(await actions.restart(req.params.id));
  });

  router.get('/webhooks/:id/deliveries', (req, res) => {
    const stored = webhooks.get(req.params.id);
    const paging = parseOrThrow(pageQuerySchema, req.query, 'page query');
    const filters = parseOrThrow(deliveryListQuerySchema, req.query, 'delivery filter');
    const page = paginate(filterDeliveries(ctx.store.deliveries.ofWebhook(stored.id), filters), paging);
    res.json({ ...page, items: page.items.map((d) => toDelivery(d, false)) });
  });

  router.get('/webhooks/:id/stats', (req, res) => {
    const stored = webhooks.get(req.params.id);
    const { range } = parseOrThrow(statsRangeSchema, req.query, 'stats query');
    const runtime = ctx.store.deliveries.runtimeOf(stored.id);
    const now = ctx.clock.now();
    const stats: WebhookStats = {
      range,
      buckets: range === '24h' ? bucketSeries(runtime.hourly, now, HOUR_MS, 24, outcomes) : bucketSeries(runtime.daily, now, DAY_MS, 7, outcomes),
    };
    res.json(stats);
  });

  return router;
}

const outcomes = (bucket: OutcomeCounts | undefined): OutcomeCounts => ({ succeeded: bucket?.succeeded ?? 0, failed: bucket?.failed ?? 0 });
