import { Router } from 'express';
import type { ReplayService } from './replay-service';

/** `POST /api/v1/events/:id/replay` (API.md, Relay). */
export function replayRoutes(replays: ReplayService): Router {
  const router = Router();
  router.post('/events/:id/replay', async (req, res) => {
    res.json(await replays.replay(req.params.id, req.body));
  });
  return router;
}
