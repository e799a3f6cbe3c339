import { answerComponents, requestComponents } from './components';
import { COMPONENT_SCHEMA_PREFIX, componentsFromZod, queryParameters, type JsonSchema } from './json-schema';
import { API_ROUTES, type ApiRoute } from './route-table';
import { openApiPath, pathParams, TAGS, type BodyRef, type ErrorStatus } from './route-spec';

/**
 * The OpenAPI 3.1 document of Hookdesk's HTTP API (the push API, capture URLs and the management
 * API), built from the route table and the zod schemas the routes validate with. Pure and
 * deterministic: the same version and server give the same document, key for key.
 */

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export interface OpenApiOptions {
  /** `info.version`: the app's version. */
  version: string;
  /** The engine's base URL (default: the default port on loopback). */
  serverUrl?: string;
}

export type OpenApiDocument = Record<string, unknown> & { openapi: string; paths: Record<string, Record<string, Operation>> };

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

/** Each error answer, described once: the codes it carries, as the engine sends them. */
const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string; example: { code: string; message: string; fields?: Record<string, string> } }> = {
  400: {
    name: 'BadRequest',
    description: '`validation_failed` (with `fields`: each field and what is wrong), `invalid_json`, `invalid_encoding` (the body is not the Content-Encoding it claims) or `bad_request`.',
    example: { code: 'validation_failed', message: 'The connector is invalid: name: must not be empty. Fix the listed fields and send it again.', fields: { name: 'must not be empty' } },
  },
  401: {
    name: 'Unauthorized',
    description: '`unauthorized`: no token, a wrong one, or an ended session.',
    example: {
      code: 'unauthorized',
      message: 'Send the management token as "Authorization: Bearer <token>". It is printed by "npm run serve" and kept in the data folder\'s "token" file.',
    },
  },
  403: {
    name: 'Forbidden',
    description: '`forbidden_host`: the Host header is not a loopback name (127.0.0.1, localhost, [::1]); `forbidden_origin`: a request from another origin, or a cookie write without a same-origin `Origin`.',
    example: { code: 'forbidden_host', message: 'This Hookdesk answers only at 127.0.0.1 or localhost, not at "example.com". Open it through http://127.0.0.1 or http://localhost.' },
  },
  404: {
    name: 'NotFound',
    description: '`not_found`: no resource has that id (also a route that does not exist); on ingest, `unknown_api_key` or `unknown_capture`.',
    example: { code: 'not_found', message: 'No connector has the id "con_0000". It may have been deleted; list connectors to see the current ones.' },
  },
  405: {
    name: 'MethodNotAllowed',
    description: '`method_not_allowed`: the push API takes POST only.',
    example: { code: 'method_not_allowed', message: 'The push API takes POST requests only; this was GET. Send the events with POST.' },
  },
  409: {
    name: 'Conflict',
    description: '`conflict` (a name that is taken, an event no longer stored) or `managed_by_config` (a resource applied from `serve --config`).',
    example: { code: 'conflict', message: 'A webhook named "Orders" already exists (names are compared ignoring case). Choose another name.' },
  },
  413: {
    name: 'PayloadTooLarge',
    description: '`payload_too_large`: the body is over the limit (16 MB for the management API, 1 MiB by default for push and capture); `batch_too_large`: more than 50 pushed events.',
    example: { code: 'payload_too_large', message: 'The request body is larger than the 16777216 bytes the management API accepts. Send less at once.' },
  },
  415: {
    name: 'UnsupportedMediaType',
    description: '`unsupported_media_type`: a body that is not JSON (send `Content-Type: application/json`; event imports also take NDJSON), or an unknown Content-Encoding.',
    example: {
      code: 'unsupported_media_type',
      message: 'The management API takes JSON bodies; this one was sent as "text/plain". Send "Content-Type: application/json".',
    },
  },
};

const SECURITY_SCHEMES = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description: 'The management token: `HOOKDESK_TOKEN`, or the `token` file in the data dir (printed by `npm run serve`).',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'hookdesk_session',
    description: 'The browser session from `POST /api/v1/session`. Writes (POST, PUT, PATCH, DELETE) with the cookie also need a same-origin `Origin` or `Sec-Fetch-Site: same-origin`.',
  },
  pushKey: {
    type: 'apiKey',
    in: 'header',
    name: 'API_KEY',
    description: "The connector's push key (`api-key` is taken too). Shown once: at create and at a key reset.",
  },
} as const;

function securityOf(route: ApiRoute): Record<string, string[]>[] {
  switch (route.auth) {
    case 'management':
      return [{ bearerAuth: [] }, { sessionCookie: [] }];
    case 'pushKey':
      return [{ pushKey: [] }];
    default:
      return [];
  }
}

/** The error statuses a route answers: its own, plus those its auth, the edge guards and a body imply. */
function errorStatusesOf(route: ApiRoute): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>(route.errors);
  const raw = route.auth === 'pushKey' || route.auth === 'captureToken';
  if (!raw) statuses.add(403);
  if (route.auth === 'management') statuses.add(401);
  if (route.body && !raw) for (const status of [400, 413, 415] as const) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

const ref = (name: string): JsonSchema => ({ $ref: `${COMPONENT_SCHEMA_PREFIX}${name}` });

function schemaOf(body: BodyRef<string>): { contentType: string; schema: JsonSchema; description?: string } {
  if ('component' in body) return { contentType: 'application/json', schema: ref(body.component) };
  if ('page' in body) {
    return {
      contentType: 'application/json',
      schema: {
        type: 'object',
        description: 'One page: `?page=1&pageSize=50` (at most 500).',
        properties: {
          page: { type: 'integer', minimum: 1 },
          pageAmount: { type: 'integer', minimum: 1 },
          total: { type: 'integer', minimum: 0, description: 'Items across all pages.' },
          items: { type: 'array', items: ref(body.page) },
        },
        required: ['page', 'pageAmount', 'total', 'items'],
      },
    };
  }
  return { contentType: body.contentType, schema: body.schema, ...(body.description === undefined ? {} : { description: body.description }) };
}

function parametersOf(route: ApiRoute): unknown[] {
  const path = pathParams(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    description: route.params?.[name] ?? 'The id.',
    schema: { type: 'string' },
  }));
  return [...path, ...queryParameters(route.query ?? [])];
}

function requestBodyOf(route: ApiRoute): unknown {
  const body = route.body;
  if (!body) return undefined;
  const main = schemaOf(body.schema);
  const content: Record<string, unknown> = {
    [main.contentType]: { schema: main.schema, ...(body.example === undefined ? {} : { example: body.example }) },
  };
  for (const contentType of body.alsoAccepts ?? []) content[contentType] = { schema: { type: 'string' } };
  return { required: body.required, ...(main.description === undefined ? {} : { description: main.description }), content };
}

function successOf(route: ApiRoute): unknown {
  const { ok } = route;
  if (!ok.answer) return { description: ok.description };
  const main = schemaOf(ok.answer);
  const content: Record<string, unknown> = { [main.contentType]: { schema: main.schema } };
  for (const other of ok.alsoAnswers ?? []) content[other.contentType] = { schema: other.schema };
  return { description: ok.description, content };
}

function operationOf(route: ApiRoute): Operation {
  const parameters = parametersOf(route);
  const requestBody = requestBodyOf(route);
  const responses: Record<string, unknown> = { [String(route.ok.status)]: successOf(route) };
  for (const status of errorStatusesOf(route)) responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    tags: [route.tag],
    security: securityOf(route),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses,
  };
}

function errorResponses(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, description, example } of Object.values(ERROR_RESPONSES)) {
    out[name] = { description, content: { 'application/json': { schema: ref('Error'), example: { error: example } } } };
  }
  return out;
}

function componentSchemas(): Record<string, JsonSchema> {
  const requests = componentsFromZod(requestComponents, 'input');
  const answers = componentsFromZod(answerComponents, 'output');
  const clash = Object.keys(requests).find((name) => name in answers);
  if (clash !== undefined) throw new Error(`The component name ${clash} is used for a request and an answer schema.`);
  return { ...answers, ...requests };
}

const DESCRIPTION = [
  "Hookdesk's HTTP API: the push API (senders post JSON events with a connector key), capture URLs (any sender,",
  'the token in the path), and the management API under `/api/v1` that the workspace UI and scripts use.',
  '',
  'All JSON. Every error is `{"error": {"code", "message", "fields"?}}`. Times are ISO-8601 UTC strings; ids are',
  'opaque strings. Lists are paged: `?page=1&pageSize=50` answers `{page, pageAmount, total, items}`.',
  '',
  'The management API answers only to loopback Host names and needs `Authorization: Bearer <token>` (or the',
  'browser session cookie). Reference for people: docs/API.md.',
].join('\n');

export function openApiDocument(options: OpenApiOptions): OpenApiDocument {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of API_ROUTES) {
    const path = openApiPath(route.path);
    const operations = (paths[path] ??= {});
    if (operations[route.method]) throw new Error(`The route table lists ${route.method.toUpperCase()} ${route.path} twice.`);
    operations[route.method] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hookdesk HTTP API',
      version: options.version,
      description: DESCRIPTION,
    },
    servers: [{ url: options.serverUrl ?? DEFAULT_SERVER_URL, description: 'The engine (the push API and capture URLs answer on the ingest listener when `--ingest-port` is set).' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: componentSchemas(),
      responses: errorResponses(),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

/** The document's text as committed in docs/openapi.json: 2-space JSON and a trailing newline. */
export function openApiDocumentText(options: OpenApiOptions): string {
  return `${JSON.stringify(openApiDocument(options), null, 2)}\n`;
}
