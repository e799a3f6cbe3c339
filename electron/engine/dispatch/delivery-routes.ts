import { Router } from 'express';
import { toDelivery } from './delivery-view';
import type { WebhookActions } from './webhook-actions';

/** `/api/v1/deliveries/:id` (every attempt) and `/api/v1/deliveries/:id/redeliver`. */
export function deliveryRoutes(actions: WebhookActions): Router {
  const router = Router();

  router.get('/deliveries/:id', (req, res) => {
    res.json(toDelivery(actions.getStored(req.params.id), true));
  });

  router.post('/deliveries/:id/redeliver', async (req, res) => {
    res.status(201).json(await actions.redeliver(req.params.id));
  });

  return router;
}
