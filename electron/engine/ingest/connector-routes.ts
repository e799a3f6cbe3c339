import { Router } from 'express';
import { pageQuerySchema, paginate } from '../../../shared/paging';
import { statsRangeSchema, type ConnectorStats } from '../../../shared/schemas/connector';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import { bucketSeries, DAY_MS, HOUR_MS } from '../store/time-buckets';
import type { ConnectorService } from './connector-service';

/** `/api/v1/connectors` (API.md section 3, "Connectors"). */
export function connectorRoutes(ctx: EngineContext, connectors: ConnectorService): Router {
  const router = Router();

  router.post('/connectors', async (req, res) => {
    res.status(201).json(await connectors.create(req.body));
  });

  router.get('/connectors', (req, res) => {
    const paging = parseOrThrow(pageQuerySchema, req.query, 'page query');
    res.json(paginate(connectors.all().map((c) => connectors.view(c)), paging));
  });

  router.get('/connectors/:id', (req, res) => {
    res.json(connectors.view(connectors.get(req.params.id)));
  });

  router.patch('/connectors/:id', async (req, res) => {
    res.json(await connectors.update(req.params.id, req.body));
  });

  router.delete('/connectors/:id', async (req, res) => {
    await connectors.remove(req.params.id);
    res.status(204).end();
  });

  router.post('/connectors/:id/reset-key', async (req, res) => {
    res.json(await connectors.resetKey(req.params.id));
  });

  router.get('/connectors/:id/stats', (req, res) => {
    const stored = connectors.get(req.params.id);
    const { range } = parseOrThrow(statsRangeSchema, req.query, 'stats query');
    const counters = ctx.store.events.countersOf(stored.id);
    const now = ctx.clock.now();
    const stats: ConnectorStats = {
      range,
      buckets: range === '24h' ? bucketSeries(counters.hourly, now, HOUR_MS, 24, count) : bucketSeries(counters.daily, now, DAY_MS, 7, count),
    };
    res.json(stats);
  });

  return router;
}

const count = (bucket: number | undefined): { count: number } => ({ count: bucket ?? 0 });
