import { pageQuerySchema } from '../../paging';
import { statsRangeSchema } from '../../schemas/connector';
import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';
import { EXAMPLE_TARGET } from './route-examples';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** Connectors (API.md section 3): create, list, read, change, delete, reset the key, stats, inferred schemas. */

const connectorId = { id: 'The connector id (`con_...`).' };

export const connectorRoutes: readonly Spec[] = [
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
