import { pageQuerySchema } from '../../paging';
import { eventClearQuerySchema, eventListQuerySchema } from '../../schemas/event';
import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';
import { EXAMPLE_TARGET } from './route-examples';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** Events: list, publish, clear, delete, replay, and the signature debugger. */

const eventId = { id: 'The event id (`evt_...`).' };

export const eventRoutes: readonly Spec[] = [
  {
    method: 'get',
    path: '/api/v1/events',
    operationId: 'listEvents',
    summary: 'List events, newest first',
    description: 'Filters must all hold: `type` a glob (`order.*`) or a prefix, `id` an id start, `header` text in a `name: value` line, `q` body text, `text` any of those, `status` a relay outcome.',
    tag: 'events',
    auth: 'management',
    query: [pageQuerySchema, eventListQuerySchema],
    ok: { status: 200, description: 'One page of events.', answer: { page: 'Event' } },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/events',
    operationId: 'publishEvent',
    summary: 'Publish a synthetic event',
    description: 'Stored as if received (`source: "api"`, no connector) and routed to the webhooks it matches; `entity` is what webhooks get as the payload.',
    tag: 'events',
    auth: 'management',
    body: { schema: { component: 'EventPublish' }, required: true, example: { type: 'order.created', severity: 'info', entity: { id: 1001, total: '19.90' } } },
    ok: { status: 201, description: 'The stored event.', answer: { component: 'Event' } },
    errors: [],
  },
  {
    method: 'delete',
    path: '/api/v1/events',
    operationId: 'clearEvents',
    summary: "Clear a connector's events (or, without connectorId, the published ones)",
    tag: 'events',
    auth: 'management',
    query: [eventClearQuerySchema],
    ok: { status: 204, description: 'Cleared.' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/v1/events/bulk-delete',
    operationId: 'deleteEvents',
    summary: 'Delete many events by id',
    tag: 'events',
    auth: 'management',
    body: { schema: { component: 'EventBulkDelete' }, required: true, example: { ids: ['evt_0000000000000000'] } },
    ok: { status: 200, description: 'What was deleted, and the ids no stored event has.', answer: { component: 'EventBulkDeleteResult' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/events/:id',
    operationId: 'getEvent',
    summary: 'Get an event',
    tag: 'events',
    auth: 'management',
    params: eventId,
    ok: { status: 200, description: 'The event.', answer: { component: 'Event' } },
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/v1/events/:id',
    operationId: 'deleteEvent',
    summary: 'Delete an event',
    tag: 'events',
    auth: 'management',
    params: eventId,
    ok: { status: 204, description: 'Deleted.' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/events/:id/replay',
    operationId: 'replayEvent',
    summary: "Send an event again: to the connector's forward target, a webhook, or any URL",
    description: 'With `body`/`headers` the event is sent edited. The answer is the invocation, whatever the target answered, plus `previous` (the earlier answer from the same target).',
    tag: 'events',
    auth: 'management',
    params: eventId,
    body: { schema: { component: 'ReplayRequest' }, required: true, example: { target: 'url', url: EXAMPLE_TARGET } },
    ok: { status: 200, description: 'The request sent and what came back.', answer: { component: 'ReplayInvocation' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/events/:id/signature-diagnosis',
    operationId: 'diagnoseEventSignature',
    summary: 'Why did verification fail? The signature debugger for an event',
    description:
      "For an event whose verification failed: the scheme's signed content, the signature computed with the connector's current secret beside the one received, and the most likely cause (the first usual mistake that makes it match). The secret is never answered, only a hint (length, prefix). Other events answer `diagnosis: null` with a `note`.",
    tag: 'events',
    auth: 'management',
    params: eventId,
    ok: { status: 200, description: 'The diagnosis, or a note saying why there is none.', answer: { component: 'SignatureDiagnosisAnswer' } },
    errors: [404],
  },
];
