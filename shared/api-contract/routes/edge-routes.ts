import type { AnswerComponent, RequestComponent } from '../components';
import { CAPTURE_METHODS, type RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** Routes outside the management API: the push API, capture URLs (raw handlers), `/healthz` and sign-in. */

const push: Spec = {
  method: 'post',
  path: '/api/1.0/webhook/push',
  operationId: 'pushEvents',
  summary: 'Push one event or a batch of up to 50',
  description:
    'The body is one JSON object (one event) or an array of 1..50 objects; it may be sent gzip, deflate or br ' +
    'encoded. The answer comes only after every event is stored durably. A rejected request stores nothing. ' +
    'Errors: 400 `empty_body`, `invalid_json`, `invalid_events`, `invalid_encoding`; 404 `unknown_api_key`; ' +
    '405 `method_not_allowed` (POST only); 413 `batch_too_large` (more than 50) or `payload_too_large` (over the ' +
    'body limit, 1 MiB by default); 415 `unsupported_media_type` (a content type that is not JSON). ' +
    'With `serve --ingest-port` it answers only on the ingest listener.',
  tag: 'push',
  auth: 'pushKey',
  body: {
    schema: { contentType: 'application/json', schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' }, minItems: 1, maxItems: 50 }] } },
    required: true,
    example: [{ type: 'order.created', id: 1001, total: '19.90' }],
  },
  ok: { status: 200, description: 'Stored: how many events and their ids.', answer: { component: 'PushAccepted' } },
  errors: [400, 404, 405, 413, 415],
};

const capture: Spec[] = CAPTURE_METHODS.map((method) => ({
  method,
  path: '/hooks/:captureToken',
  operationId: `capture${method[0]?.toUpperCase() ?? ''}${method.slice(1)}`,
  summary: `Capture a ${method.toUpperCase()} request`,
  description:
    'Any method and any content type; any sub-path and query may follow the token (`/hooks/<token>/any/sub/path?x=1`), ' +
    'and are stored with the event (`path`, `query`). The exact body bytes are kept (`bodyBase64`) so signatures can be ' +
    "verified later. The answer is the connector's configured `response` (default `200 {\"ok\": true}`), sent once the " +
    'event is durable, after its `delayMs`; it always carries `Content-Security-Policy: sandbox` and `nosniff`. ' +
    'Errors: 404 `unknown_capture`, 413 `payload_too_large`.',
  tag: 'capture',
  auth: 'captureToken',
  params: { captureToken: "The token of the connector's capture URL (`captureUrl`)." },
  ...(method === 'get' || method === 'delete'
    ? {}
    : {
        body: {
          schema: { contentType: '*/*', schema: {}, description: 'Any body; stored byte for byte.' },
          required: false,
          example: { action: 'opened', number: 7 },
        },
      }),
  ok: {
    status: 200,
    description: "The connector's configured response (status, headers and body are the connector's `response`).",
    answer: { contentType: '*/*', schema: {} },
  },
  errors: [404, 413],
}));

const health: Spec = {
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  summary: 'Is the engine up',
  tag: 'health',
  auth: 'none',
  ok: { status: 200, description: 'Version and uptime.', answer: { component: 'Health' } },
  errors: [403],
};

const session: Spec[] = [
  {
    method: 'post',
    path: '/api/v1/session',
    operationId: 'signIn',
    summary: 'Sign in: trade the token for a session cookie',
    description:
      'Sets `hookdesk_session` (HttpOnly, SameSite=Strict, 12 h sliding). Each sign-in starts a new session. ' +
      'Scripts do not need this: they send `Authorization: Bearer <token>`. Body limit 8 KB.',
    tag: 'session',
    auth: 'none',
    body: { schema: { component: 'SessionRequest' }, required: true, example: { token: '<the management token>' } },
    ok: { status: 200, description: 'Signed in; the cookie is set.', answer: { component: 'Session' } },
    errors: [400, 401, 403, 413, 415],
  },
  {
    method: 'get',
    path: '/api/v1/session',
    operationId: 'getSession',
    summary: 'Whether this browser (or bearer token) is signed in',
    tag: 'session',
    auth: 'management',
    ok: { status: 200, description: 'Signed in (the cookie is renewed at most hourly).', answer: { component: 'Session' } },
    errors: [],
  },
  {
    method: 'delete',
    path: '/api/v1/session',
    operationId: 'signOut',
    summary: 'Sign out: end this session',
    tag: 'session',
    auth: 'none',
    ok: { status: 204, description: 'The session ended and its cookie is cleared (also when there was none).' },
    errors: [403],
  },
];

export const edgeRoutes: readonly Spec[] = [push, ...capture, health, ...session];
