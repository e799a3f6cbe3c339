import { eventExportQuerySchema, NDJSON_MEDIA_TYPES } from '../../interop/event-archive';
import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** The interop formats (API.md section 6): events out and in, event catalogs, the Postman collection. */

const exampleHar = {
  log: {
    version: '1.2',
    creator: { name: 'Hookdesk', version: '0.1.0' },
    entries: [
      {
        startedDateTime: '2026-01-01T00:00:00.000Z',
        time: 0,
        request: {
          method: 'POST',
          url: 'http://127.0.0.1:8787/hooks/example',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [{ name: 'content-type', value: 'application/json' }],
          queryString: [],
          postData: { mimeType: 'application/json', text: '{"action":"opened"}' },
          headersSize: -1,
          bodySize: 19,
        },
        response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: { size: 0, mimeType: 'application/json' }, redirectURL: '', headersSize: -1, bodySize: -1 },
        cache: {},
        timings: { send: 0, wait: 0, receive: 0 },
      },
    ],
  },
};

const ndjsonAnswer = { contentType: 'application/x-ndjson', schema: { type: 'string' }, description: 'With `format=ndjson`: one event per line.' };

export const interopRoutes: readonly Spec[] = [
  {
    method: 'get',
    path: '/api/v1/events/export',
    operationId: 'exportEvents',
    summary: 'Events as HAR 1.2 or NDJSON (a download)',
    description:
      'The filters of `GET /api/v1/events` apply (`connectorId`, `type`, `q`, ...); `ids` (comma-separated, at most 500) picks events. ' +
      'HAR: one entry per request, body bytes exact (binary as base64), Hookdesk data in `_hookdesk` fields. NDJSON: one event per line. ' +
      'The answer names the file (`Content-Disposition`) and the count (`X-Hookdesk-Event-Count`).',
    tag: 'events',
    auth: 'management',
    query: [eventExportQuerySchema],
    ok: { status: 200, description: 'The archive.', answer: { component: 'HarLog' }, alsoAnswers: [ndjsonAnswer] },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/v1/events/export',
    operationId: 'exportSelectedEvents',
    summary: 'Selected events as HAR 1.2 or NDJSON (up to 10,000 ids)',
    tag: 'events',
    auth: 'management',
    body: { schema: { component: 'EventExport' }, required: true, example: { format: 'ndjson', ids: ['evt_0000000000000000'] } },
    ok: { status: 200, description: 'The archive.', answer: { component: 'HarLog' }, alsoAnswers: [ndjsonAnswer] },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/connectors/:id/import',
    operationId: 'importEvents',
    summary: 'Add the events of a HAR or NDJSON file to a connector',
    description:
      'The body is a HAR file (`application/json`) or NDJSON (`application/x-ndjson`, one event per line, as exported). The events are marked `imported` ' +
      'and are not forwarded or delivered to webhooks. One bad entry is skipped alone, with its reason; a file that cannot be read adds nothing.',
    tag: 'connectors',
    auth: 'management',
    params: { id: 'The connector id (`con_...`).' },
    body: {
      schema: { contentType: 'application/json', schema: { type: 'object', description: 'A HAR 1.2 file.' } },
      alsoAccepts: NDJSON_MEDIA_TYPES,
      required: true,
      example: exampleHar,
    },
    ok: { status: 200, description: 'How many were added, and each entry left out with why.', answer: { component: 'EventImportResult' } },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/v1/catalog/openapi',
    operationId: 'getOpenApiCatalog',
    summary: 'The event catalog as OpenAPI 3.1 (`webhooks`, one per event type)',
    description: 'Svix and Convoy can import its `webhooks` section as event types.',
    tag: 'catalog',
    auth: 'management',
    ok: { status: 200, description: 'The catalog.', answer: { component: 'OpenApiDocument' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/catalog/asyncapi',
    operationId: 'getAsyncApiCatalog',
    summary: 'The event catalog as AsyncAPI 3',
    tag: 'catalog',
    auth: 'management',
    ok: { status: 200, description: 'The catalog.', answer: { component: 'AsyncApiDocument' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/export/postman',
    operationId: 'exportPostman',
    summary: 'The webhooks as a Postman collection v2.1, one request per webhook',
    tag: 'catalog',
    auth: 'management',
    ok: { status: 200, description: 'The collection.', answer: { component: 'PostmanCollection' } },
    errors: [],
  },
];
