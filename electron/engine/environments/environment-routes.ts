import { Router } from 'express';
import type { EnvironmentService } from './environment-service';

/** `/api/v1/environments` (API.md section 5): the environments (values masked) and which one is active. */
export function environmentRoutes(environments: EnvironmentService): Router {
  const router = Router();

  router.get('/environments', (_req, res) => {
    res.json(environments.view());
  });

  router.put('/environments', async (req, res) => {
    res.json(await environments.replace(req.body));
  });

  // Switching is the frequent change: the switcher sends only the name.
  router.put('/environments/active', async (req, res) => {
    res.json(await environments.setActive(req.body));
  });

  return router;
}
