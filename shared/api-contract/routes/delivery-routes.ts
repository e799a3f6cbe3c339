import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** One delivery with its attempts, and redelivery. */

const deliveryId = { id: 'The delivery id (`dlv_...`).' };

export const deliveryRoutes: readonly Spec[] = [
  {
    method: 'get',
    path: '/api/v1/deliveries/:id',
    operationId: 'getDelivery',
    summary: 'A delivery with every attempt',
    tag: 'deliveries',
    auth: 'management',
    params: deliveryId,
    ok: { status: 200, description: 'The delivery and its `attempts`, oldest first.', answer: { component: 'Delivery' } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/deliveries/:id/redeliver',
    operationId: 'redeliver',
    summary: "Send a delivery's event again, as a new delivery",
    description: '409 `conflict` when the event is no longer stored.',
    tag: 'deliveries',
    auth: 'management',
    params: deliveryId,
    ok: { status: 201, description: 'The new delivery.', answer: { component: 'Delivery' } },
    errors: [404, 409],
  },
];
