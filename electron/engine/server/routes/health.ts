import { Router } from 'express';
import type { Health } from '../../../../shared/schemas/health';

export function healthRoutes(version: string, startedAtMs: number): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const body: Health = {
      status: 'ok',
      name: 'hookdesk',
      version,
      uptimeSeconds: Math.round((Date.now() - startedAtMs) / 100) / 10,
    };
    res.json(body);
  });
  return router;
}
