import { Router } from 'express';
import { pageQuerySchema } from '../../../shared/paging';
import { parseOrThrow } from '../../../shared/validation';
import type { ReceiverCheckService } from './receiver-check-service';

/**
 * `POST /receiver-checks` (202: the run as it starts; it goes on in the background),
 * `GET /receiver-checks/:id` and `GET /receiver-checks` (the last 20, newest first, paged).
 */
export function receiverCheckRoutes(service: ReceiverCheckService): Router {
  const router = Router();

  router.post('/receiver-checks', (req, res) => {
    res.status(202).json(service.start(req.body));
  });

  router.get('/receiver-checks', (req, res) => {
    res.json(service.list(parseOrThrow(pageQuerySchema, req.query, 'page query')));
  });

  router.get('/receiver-checks/:id', (req, res) => {
    res.json(service.get(req.params.id));
  });

  return router;
}
