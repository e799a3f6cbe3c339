import { z } from 'zod';
import { pageQuerySchema } from '../../paging';
import { statsRangeSchema } from '../../schemas/connector';
import { deliveryListQuerySchema } from '../../schemas/delivery';
import { eventClearQuerySchema, eventListQuerySchema } from '../../schemas/event';
import { eventSampleQuerySchema } from '../../schemas/event-type';
import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/**
 * The management API under `/api/v1` (API.md section 3 and 5), route by route as the engine
 * registers them. Every route needs the token (`Authorization: Bearer`) or the session cookie.
 */

/** The query of `GET /workspace/export` (electron/engine/workspace/workspace-routes.ts). */
export const workspaceExportQuerySchema = z.object({ secrets: z.enum(['env', 'include']).default('env') });
/** The query of `POST /workspace/plan` and `/apply` (electron/engine/workspace/workspace-routes.ts). */
export const workspacePruneQuerySchema = z.object({
  prune: z.enum(['true', 'false']).default('false').meta({ description: 'With true, resources the file does not name are deleted.' }),
});

/** Example URLs point at a local dev server; the contract test sends them to its own receiver instead. */
export const EXAMPLE_TARGET = 'http://127.0.0.1:3000/webhooks';

const connectorId = { id: 'The connector id (`con_...`).' };
const webhookId = { id: 'The webhook id (`whk_...`).' };
const eventId = { id: 'The event id (`evt_...`).' };
const deliveryId = { id: 'The delivery id (`dlv_...`).' };

const connectors: Spec[] = [
  {
    method: 'post',
    path: '/api/v1/connectors',
    operationId: 'createConnector',
    summary: 'Create a connector',
    description: 'The answer holds `apiKey`: the only time it is shown besides a key reset (the engine keeps only its hash). (`name`, `dataSource`) is unique ignoring case.',
    tag: 'connectors',
    auth: 'management',
    body: { schema: { component: 'ConnectorCreate' }, required: true, example: { name: 'Shop orders', dataSource: 'Shopify' } },
    ok: { status: 201, description: 'The connector with its key, push URL and capture URL.', answer: { component: 'ConnectorCreated' } },
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/v1/connectors',
    operationId: 'listConnectors',
    summary: 'List connectors',
    tag: 'connectors',
    auth: 'management',
    query: [pageQuerySchema],
    ok: { status: 200, description: 'One page of connectors.', answer: { page: 'Connector' } },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/connectors/:id',
    operationId: 'getConnector',
    summary: 'Get a connector',
    tag: 'connectors',
    auth: 'management',
    params: connectorId,
    ok: { status: 200, description: 'The connector (never its key).', answer: { component: 'Connector' } },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/v1/connectors/:id',
    operationId: 'updateConnector',
    summary: 'Change a connector (name, data source, relay forward, verification, capture response, type path, retention)',
    description: 'A masked verification secret sent back (as read) keeps the stored one. 409 `managed_by_config` for a connector applied from `serve --config`.',
    tag: 'connectors',
    auth: 'management',
    params: connectorId,
    body: { schema: { component: 'ConnectorPatch' }, required: true, example: { forwardTo: { url: EXAMPLE_TARGET }, response: { status: 202 } } },
    ok: { status: 200, description: 'The changed connector.', answer: { component: 'Connector' } },
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: '/api/v1/connectors/:id',
    operationId: 'deleteConnector',
    summary: 'Delete a connector and its events',
    tag: 'connectors',
    auth: 'management',
    params: connectorId,
    ok: { status: 204, description: 'Deleted.' },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/connectors/:id/reset-key',
    operationId: 'resetConnectorKey',
    summary: 'Give a connector a new push key and capture URL',
    description: 'The old key and capture URL answer 404 at once.',
    tag: 'connectors',
    auth: 'management',
    params: connectorId,
    ok: { status: 200, description: 'The new key (shown once) and URLs.', answer: { component: 'ConnectorSecrets' } },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/v1/connectors/:id/stats',
    operationId: 'getConnectorStats',
    summary: 'Events per hour (24h) or per day (7d)',
    tag: 'connectors',
    auth: 'management',
    params: connectorId,
    query: [statsRangeSchema],
    ok: { status: 200, description: '24 hourly or 7 daily buckets, oldest first.', answer: { component: 'ConnectorStats' } },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/v1/connectors/:id/schemas',
    operationId: 'listConnectorSchemas',
    summary: 'The JSON Schema inferred for each event type seen on a connector',
    tag: 'connectors',
    auth: 'management',
    params: connectorId,
    query: [pageQuerySchema],
    ok: { status: 200, description: 'One page of inferred schemas, by type.', answer: { page: 'InferredSchema' } },
    errors: [400, 404],
  },
];

const events: Spec[] = [
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
];

const webhooks: Spec[] = [
  {
    method: 'post',
    path: '/api/v1/webhooks',
    operationId: 'createWebhook',
    summary: 'Create a webhook',
    description: '`name` and `url` are required; every other field has a default. `name` is unique ignoring case.',
    tag: 'webhooks',
    auth: 'management',
    body: {
      schema: { component: 'WebhookCreate' },
      required: true,
      example: { name: 'Orders to my app', url: EXAMPLE_TARGET, events: [{ type: 'order.*' }], secret: 'my-signing-secret' },
    },
    ok: { status: 201, description: 'The webhook (secret and credentials masked).', answer: { component: 'Webhook' } },
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/v1/webhooks',
    operationId: 'listWebhooks',
    summary: 'List webhooks',
    tag: 'webhooks',
    auth: 'management',
    query: [pageQuerySchema],
    ok: { status: 200, description: 'One page of webhooks.', answer: { page: 'Webhook' } },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/test',
    operationId: 'testUnsavedWebhook',
    summary: 'Send one test request with unsaved webhook settings',
    description: '`webhook` is a whole create body. Nothing is stored; the answer is the invocation, whatever the target answered.',
    tag: 'webhooks',
    auth: 'management',
    body: {
      schema: { component: 'WebhookTestRequest' },
      required: true,
      example: { webhook: { name: 'Draft', url: EXAMPLE_TARGET }, event: { type: 'order.created', entity: { id: 1001 } } },
    },
    ok: { status: 200, description: 'The request sent and what came back.', answer: { component: 'Invocation' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/:id',
    operationId: 'getWebhook',
    summary: 'Get a webhook',
    tag: 'webhooks',
    auth: 'management',
    params: webhookId,
    ok: { status: 200, description: 'The webhook (secret and credentials masked).', answer: { component: 'Webhook' } },
    errors: [404],
  },
  {
    method: 'patch',
    path: '/api/v1/webhooks/:id',
    operationId: 'updateWebhook',
    summary: 'Change some fields of a webhook',
    description: 'Masked values sent back unchanged keep the stored ones; `secret: null` removes the secret. 409 `conflict` for a taken name, `managed_by_config` for a webhook applied from `serve --config`.',
    tag: 'webhooks',
    auth: 'management',
    params: webhookId,
    body: { schema: { component: 'WebhookPatch' }, required: true, example: { timeoutSeconds: 5, headers: { 'X-Team': 'shop' } } },
    ok: { status: 200, description: 'The changed webhook.', answer: { component: 'Webhook' } },
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: '/api/v1/webhooks/:id',
    operationId: 'deleteWebhook',
    summary: 'Delete a webhook and its deliveries',
    tag: 'webhooks',
    auth: 'management',
    params: webhookId,
    ok: { status: 204, description: 'Deleted.' },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/:id/test',
    operationId: 'testWebhook',
    summary: 'Send one test request now',
    description: 'With no `event`, a mock of the chosen type (or a sample). `webhook` (optional) holds unsaved changes merged over the saved webhook. A test does not count toward the failure state.',
    tag: 'webhooks',
    auth: 'management',
    params: webhookId,
    body: { schema: { component: 'WebhookTestRequest' }, required: false, example: { event: { type: 'order.created', entity: { id: 1001 } } } },
    ok: { status: 200, description: 'The request sent and what came back, whatever the target answered.', answer: { component: 'Invocation' } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/:id/restart',
    operationId: 'restartWebhook',
    summary: 'Back to ACTIVE: failures to 0, held deliveries sent',
    tag: 'webhooks',
    auth: 'management',
    params: webhookId,
    ok: { status: 200, description: 'The webhook.', answer: { component: 'Webhook' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/:id/deliveries',
    operationId: 'listDeliveries',
    summary: "A webhook's deliveries, newest first",
    description: 'Filters: `status`, `code` (a status `404`, a class `5xx`, or `none` for no answer), `eventType` (a glob or a prefix).',
    tag: 'webhooks',
    auth: 'management',
    params: webhookId,
    query: [pageQuerySchema, deliveryListQuerySchema],
    ok: { status: 200, description: 'One page of deliveries (without `attempts`).', answer: { page: 'Delivery' } },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/:id/stats',
    operationId: 'getWebhookStats',
    summary: 'Succeeded and failed deliveries per hour (24h) or per day (7d)',
    tag: 'webhooks',
    auth: 'management',
    params: webhookId,
    query: [statsRangeSchema],
    ok: { status: 200, description: '24 hourly or 7 daily buckets, oldest first.', answer: { component: 'WebhookStats' } },
    errors: [400, 404],
  },
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
  {
    method: 'get',
    path: '/api/v1/event-types',
    operationId: 'listEventTypes',
    summary: 'Event types stored or raised by Hookdesk, most frequent first',
    tag: 'event-types',
    auth: 'management',
    ok: { status: 200, description: 'Every type, with its count and origin.', answer: { component: 'EventTypeList' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/event-types/sample',
    operationId: 'getEventTypeSample',
    summary: 'A sample event of a type (the latest stored one, else a mock)',
    tag: 'event-types',
    auth: 'management',
    query: [eventSampleQuerySchema],
    ok: { status: 200, description: 'The sample.', answer: { component: 'EventSample' } },
    errors: [400],
  },
];

const environments: Spec[] = [
  {
    method: 'get',
    path: '/api/v1/environments',
    operationId: 'getEnvironments',
    summary: 'The environments (values masked) and the active one',
    tag: 'environments',
    auth: 'management',
    ok: { status: 200, description: 'Every environment, values masked.', answer: { component: 'Environments' } },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/v1/environments',
    operationId: 'replaceEnvironments',
    summary: 'Replace every environment and choose the active one',
    description: 'Masked values sent back keep the stored ones; `renamed` (`{NEW: OLD}`) says where a renamed environment\'s masked values come from.',
    tag: 'environments',
    auth: 'management',
    body: {
      schema: { component: 'EnvironmentsPut' },
      required: true,
      example: { environments: { local: { BASE_URL: 'http://127.0.0.1:3000' }, staging: { BASE_URL: 'https://staging.example.com' } }, active: 'local' },
    },
    ok: { status: 200, description: 'The environments, values masked.', answer: { component: 'Environments' } },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/v1/environments/active',
    operationId: 'setActiveEnvironment',
    summary: 'Switch the active environment',
    tag: 'environments',
    auth: 'management',
    body: { schema: { component: 'ActiveEnvironmentPut' }, required: true, example: { active: 'staging' } },
    ok: { status: 200, description: 'The environments, values masked.', answer: { component: 'Environments' } },
    errors: [],
  },
];

const exampleWorkspaceFile = {
  kind: 'hookdesk.workspace',
  version: 1,
  connectors: [{ name: 'Shop', dataSource: 'Shopify' }],
  webhooks: [{ name: 'Shop to my app', url: '${BASE_URL}/webhooks', filters: { connectors: ['Shop'] } }],
};

const workspace: Spec[] = [
  {
    method: 'get',
    path: '/api/v1/workspace/export',
    operationId: 'exportWorkspace',
    summary: 'The workspace file',
    description: 'With `secrets=env` (the default) every secret is a `${VAR}` reference and `variables` lists what to set; `include` writes them in clear.',
    tag: 'workspace',
    auth: 'management',
    query: [workspaceExportQuerySchema],
    ok: { status: 200, description: 'The file (schema: docs/workspace.schema.json).', answer: { component: 'WorkspaceFile' } },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/workspace/plan',
    operationId: 'planWorkspace',
    summary: 'What applying a workspace file would change',
    tag: 'workspace',
    auth: 'management',
    query: [workspacePruneQuerySchema],
    body: { schema: { component: 'WorkspaceFileInput' }, required: true, example: exampleWorkspaceFile },
    ok: { status: 200, description: 'One change per resource, and the variables nothing sets.', answer: { component: 'WorkspacePlan' } },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/workspace/apply',
    operationId: 'applyWorkspace',
    summary: 'Apply a workspace file',
    description: 'The whole file is checked first: any error is a 400 naming each field, and nothing is written. Applying it again answers only `unchanged`.',
    tag: 'workspace',
    auth: 'management',
    query: [workspacePruneQuerySchema],
    body: { schema: { component: 'WorkspaceFileInput' }, required: true, example: exampleWorkspaceFile },
    ok: { status: 200, description: 'The plan that was applied (with `generatedKeys` when keys were made).', answer: { component: 'WorkspacePlan' } },
    errors: [],
  },
];

/** SSE event names and what each carries (electron/engine/server/sse-hub.ts `StreamEventName`). */
export const STREAM_EVENTS: Readonly<Record<string, string>> = {
  hello: '`{version}`, once on connect.',
  'event.received': 'An Event, once it is stored.',
  'event.updated': 'An Event whose relay results changed (forward, verification, replays).',
  'events.deleted': '`{ids}` of events deleted one by one or in bulk.',
  'delivery.updated': 'A Delivery (without attempts) whenever its state changes.',
  'connector.updated': 'A Connector (status, counts); `{..., deleted: true}` when it was deleted.',
  'webhook.updated': 'A Webhook (state, failures); `{..., deleted: true}` when it was deleted.',
  'environments.updated': 'The Environments (values masked) after a change.',
};

const stream: Spec = {
  method: 'get',
  path: '/api/v1/stream',
  operationId: 'stream',
  summary: 'Live stream of changes (Server-Sent Events)',
  description:
    'Each message has an `event:` name and a JSON `data:` line. Events: ' +
    Object.entries(STREAM_EVENTS)
      .map(([name, what]) => `\`${name}\`: ${what}`)
      .join(' ') +
    ' A comment line every 15 s keeps the connection open; `retry: 2000` asks clients to reconnect after 2 s. A client more than 1 MiB behind, or whose socket has not drained for 30 s, is dropped: reconnect and reload.',
  tag: 'stream',
  auth: 'management',
  ok: { status: 200, description: 'The stream (never ends by itself).', answer: { contentType: 'text/event-stream', schema: { type: 'string' } } },
  errors: [],
};

const openapi: Spec = {
  method: 'get',
  path: '/api/v1/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This document: the OpenAPI 3.1 description of the Hookdesk HTTP API',
  tag: 'meta',
  auth: 'management',
  ok: { status: 200, description: 'The document; `servers` names this engine.', answer: { contentType: 'application/json', schema: { type: 'object' } } },
  errors: [],
};

export const managementRoutes: readonly Spec[] = [...connectors, ...events, ...webhooks, ...environments, ...workspace, stream, openapi];
