import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the SDK sent, as received. */
export interface SvixCall {
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: unknown;
}

interface App {
  id: string;
  uid: string | null;
  name: string;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}
interface EventType {
  name: string;
  description: string;
  archived: boolean;
  deprecated: boolean;
  schemas: unknown;
  groupName: string | null;
  featureFlag: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface FakeEndpoint {
  id: string;
  appId: string;
  uid: string | null;
  url: string;
  description: string;
  disabled: boolean;
  eventTypes: string[] | null;
  channels: string[] | null;
  metadata: Record<string, string>;
  rateLimit: number | null;
  headers: Record<string, string>;
  secret: string;
  /** Secrets rotated away (kept for the grace period on a real server). */
  oldSecrets: string[];
  createdAt: string;
  updatedAt: string;
}

const NAME = /^[a-zA-Z0-9\-_.]+$/;
const SECRET = /^(whsec_)?[a-zA-Z0-9+/=]{32,100}$/;
const SENSITIVE = ['x-auth-token', 'x-api-key', 'www-authenticate', 'authorization', 'proxy-authenticate', 'proxy-authorization'];
const FORBIDDEN = ['user-agent', 'content-type', 'content-length', 'transfer-encoding', 'proxy-authorization', 'keep-alive'];
const FORBIDDEN_PREFIXES = ['x-svix-', 'svix-', 'x-amz-'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}
const notFound = () => new HttpError(404, { code: 'not_found', detail: 'Entity not found' });
const conflict = (code: string, detail: string) => new HttpError(409, { code, detail });
const invalid = (loc: string[], msg: string) => new HttpError(422, { detail: [{ loc, msg, type: 'value_error' }] });

/** serde_json without preserve_order keeps objects in sorted maps: the server answers JSON with its keys sorted. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}

/**
 * A Svix server on 127.0.0.1:0 for the SDK to talk to: the routes `deploy svix` uses, answering as
 * svix-webhooks' server does (`server/openapi.json` and `server/svix-server/src/v1/endpoints/`):
 * bearer token checked (401), applications get-or-create by uid (`get_if_exists`), event types
 * org-wide with `schemas` (POST 409 `event_type_exists`, PUT upserts, lists paged by iterator with
 * `with_content`), endpoints by id or uid (filterTypes must name existing event types, else 422;
 * uid/secret/channel patterns; PUT replaces the whole endpoint, upserting), headers answered with
 * sensitive ones by name only, secrets read and rotated. Every call is recorded in `calls`.
 */
export class FakeSvix {
  readonly calls: SvixCall[] = [];
  readonly apps: App[] = [];
  readonly eventTypes = new Map<string, EventType>();
  readonly endpoints: FakeEndpoint[] = [];
  /** The server's `endpoint_https_only`: http endpoint URLs are refused (422). */
  httpsOnly = false;
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = 'testsk_fake_svix_token'): Promise<FakeSvix> {
    let fake: FakeSvix | null = null;
    const server = createServer((req, res) => void fake?.handle(req, res));
    fake = new FakeSvix(server, token);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Calls that change something (everything but GET). */
  writes(): SvixCall[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }

  endpointByUid(uid: string): FakeEndpoint | undefined {
    return this.endpoints.find((e) => e.uid === uid);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${String(this.counter).padStart(6, '0')}${randomBytes(4).toString('hex')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const call: SvixCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      body: text === '' ? undefined : JSON.parse(text),
    };
    this.calls.push(call);
    try {
      if (call.authorization !== `Bearer ${this.token}`) throw new HttpError(401, { code: 'authentication_failed', detail: 'Incorrect authentication credentials.' });
      const [status, body] = this.route(call);
      if (status === 204) {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } catch (error) {
      const e = error instanceof HttpError ? error : new HttpError(500, { code: 'server_error', detail: String(error) });
      res.writeHead(e.status, { 'content-type': 'application/json' }).end(JSON.stringify(e.body));
    }
  }

  private route(call: SvixCall): [number, unknown] {
    const parts = call.path.split('/').filter(Boolean).map(decodeURIComponent); // api, v1, ...
    if (parts[0] !== 'api' || parts[1] !== 'v1') throw notFound();
    const [, , resource, id, sub, subId, subSub, action] = parts;
    const m = call.method;
    const body = (call.body ?? {}) as Record<string, unknown>;
    if (resource === 'app' && id === undefined && m === 'POST') return this.createApp(body, call.query.get_if_exists === 'true');
    if (resource === 'app' && id !== undefined && sub === undefined) {
      const app = this.app(id);
      if (m === 'GET') return [200, appOut(app)];
      if (m === 'PATCH') {
        if (typeof body.name === 'string') app.name = body.name;
        app.updatedAt = new Date().toISOString();
        return [200, appOut(app)];
      }
    }
    if (resource === 'event-type' && id === undefined && m === 'GET') return this.listEventTypes(call.query);
    if (resource === 'event-type' && id === undefined && m === 'POST') return this.createEventType(body);
    if (resource === 'event-type' && id !== undefined && m === 'GET') {
      const found = this.eventTypes.get(id);
      if (!found) throw notFound();
      return [200, eventTypeOut(found, true)];
    }
    if (resource === 'event-type' && id !== undefined && m === 'PUT') return this.putEventType(id, body);
    if (resource === 'app' && id !== undefined && sub === 'endpoint') {
      const app = this.app(id);
      if (subId === undefined && m === 'GET') return this.listEndpoints(app, call.query);
      if (subId === undefined && m === 'POST') return [201, endpointOut(this.createEndpoint(app, body))];
      if (subId !== undefined && subSub === undefined && m === 'PUT') return this.putEndpoint(app, subId, body);
      const endpoint = this.endpoints.find((e) => e.appId === app.id && (e.id === subId || e.uid === subId));
      if (!endpoint) throw notFound();
      if (subSub === undefined && m === 'GET') return [200, endpointOut(endpoint)];
      if (subSub === undefined && m === 'DELETE') {
        this.endpoints.splice(this.endpoints.indexOf(endpoint), 1);
        return [204, null];
      }
      if (subSub === 'headers' && m === 'GET') {
        const headers: Record<string, string> = {};
        const sensitive: string[] = [];
        for (const [k, v] of Object.entries(endpoint.headers)) {
          if (SENSITIVE.includes(k.toLowerCase())) sensitive.push(k);
          else headers[k] = v;
        }
        return [200, { headers, sensitive }];
      }
      if (subSub === 'headers' && m === 'PUT') {
        endpoint.headers = checkHeaders(body.headers);
        return [204, null];
      }
      if (subSub === 'secret' && action === undefined && m === 'GET') return [200, { key: endpoint.secret }];
      if (subSub === 'secret' && action === 'rotate' && m === 'POST') {
        endpoint.oldSecrets.push(endpoint.secret);
        endpoint.secret = checkSecret(body.key) ?? newSecret();
        return [204, null];
      }
    }
    throw notFound();
  }

  private app(idOrUid: string): App {
    const app = this.apps.find((a) => a.id === idOrUid || a.uid === idOrUid);
    if (!app) throw notFound();
    return app;
  }

  private createApp(body: Record<string, unknown>, getIfExists: boolean): [number, unknown] {
    if (typeof body.name !== 'string' || body.name.length < 1) throw invalid(['body', 'name'], 'field required');
    const uid = typeof body.uid === 'string' ? body.uid : null;
    if (uid !== null && !NAME.test(uid)) throw invalid(['body', 'uid'], 'String must match pattern');
    const existing = uid === null ? undefined : this.apps.find((a) => a.uid === uid);
    if (existing) {
      if (getIfExists) return [200, appOut(existing)];
      throw conflict('conflict', 'An application with that id or uid already exists');
    }
    const now = new Date().toISOString();
    const app: App = { id: this.nextId('app'), uid, name: body.name, metadata: (body.metadata as Record<string, string>) ?? {}, createdAt: now, updatedAt: now };
    this.apps.push(app);
    return [201, appOut(app)];
  }

  private listEventTypes(query: Record<string, string>): [number, unknown] {
    const limit = Math.min(Number(query.limit ?? 50), 250);
    const all = [...this.eventTypes.values()].filter((t) => query.include_archived === 'true' || !t.archived).sort((a, b) => (a.name < b.name ? -1 : 1));
    const start = query.iterator ? all.findIndex((t) => t.name > (query.iterator as string)) : 0;
    const page = start === -1 ? [] : all.slice(start, start + limit);
    const done = start === -1 || start + limit >= all.length;
    return [200, { data: page.map((t) => eventTypeOut(t, query.with_content === 'true')), done, iterator: page.at(-1)?.name ?? null, prevIterator: null }];
  }

  private createEventType(body: Record<string, unknown>): [number, unknown] {
    const name = checkEventTypeName(body.name);
    const existing = this.eventTypes.get(name);
    if (existing && !existing.archived) throw conflict('event_type_exists', 'An event_type with this name already exists');
    const now = new Date().toISOString();
    const type: EventType = { ...eventTypeFields(body), name, archived: body.archived === true, createdAt: existing?.createdAt ?? now, updatedAt: now };
    this.eventTypes.set(name, type);
    return [201, eventTypeOut(type, true)];
  }

  private putEventType(name: string, body: Record<string, unknown>): [number, unknown] {
    checkEventTypeName(name);
    const existing = this.eventTypes.get(name);
    const now = new Date().toISOString();
    const type: EventType = { ...eventTypeFields(body), name, archived: body.archived === true, createdAt: existing?.createdAt ?? now, updatedAt: now };
    this.eventTypes.set(name, type);
    return [existing ? 200 : 201, eventTypeOut(type, true)];
  }

  private listEndpoints(app: App, query: Record<string, string>): [number, unknown] {
    const limit = Math.min(Number(query.limit ?? 50), 250);
    const all = this.endpoints.filter((e) => e.appId === app.id).sort((a, b) => (a.id < b.id ? -1 : 1));
    const start = query.iterator ? all.findIndex((e) => e.id > (query.iterator as string)) : 0;
    const page = start === -1 ? [] : all.slice(start, start + limit);
    const done = start === -1 || start + limit >= all.length;
    return [200, { data: page.map(endpointOut), done, iterator: page.at(-1)?.id ?? null, prevIterator: null }];
  }

  private endpointFields(body: Record<string, unknown>) {
    if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) throw invalid(['body', 'url'], 'Endpoint URL schemes must be http or https');
    if (this.httpsOnly && !body.url.startsWith('https://')) throw invalid(['body', 'url'], 'Endpoint URL schemes must be https');
    const uid = body.uid === undefined || body.uid === null ? null : String(body.uid);
    if (uid !== null && (!NAME.test(uid) || uid.length > 256)) throw invalid(['body', 'uid'], 'String must match pattern');
    const eventTypes = (body.eventTypes ?? body.filterTypes ?? null) as string[] | null;
    if (eventTypes !== null) {
      const missing = eventTypes.filter((t) => !this.eventTypes.has(t) || this.eventTypes.get(t)?.archived);
      if (missing.length > 0) throw invalid(['body', 'eventTypes'], `The following event types don't exist: ${missing.join(', ')}`);
    }
    const channels = (body.channels ?? null) as string[] | null;
    if (channels !== null && (channels.length < 1 || channels.length > 10 || channels.some((c) => !NAME.test(c) || c.length > 128))) throw invalid(['body', 'channels'], 'invalid channels');
    return {
      uid,
      url: body.url,
      description: typeof body.description === 'string' ? body.description : '',
      disabled: body.disabled === true,
      eventTypes,
      channels,
      metadata: (sortedKeys(body.metadata ?? {}) as Record<string, string>),
      rateLimit: (body.throttleRate ?? body.rateLimit ?? null) as number | null,
    };
  }

  private createEndpoint(app: App, body: Record<string, unknown>): FakeEndpoint {
    const fields = this.endpointFields(body);
    if (fields.uid !== null && this.endpoints.some((e) => e.appId === app.id && e.uid === fields.uid)) throw conflict('conflict', 'A conflict has occurred');
    const now = new Date().toISOString();
    const endpoint: FakeEndpoint = {
      ...fields,
      id: this.nextId('ep'),
      appId: app.id,
      headers: body.headers ? checkHeaders(body.headers) : {},
      secret: checkSecret(body.secret) ?? newSecret(),
      oldSecrets: [],
      createdAt: now,
      updatedAt: now,
    };
    this.endpoints.push(endpoint);
    return endpoint;
  }

  /** PUT replaces every field of EndpointUpdate (absent ones take their defaults), or creates the endpoint. */
  private putEndpoint(app: App, idOrUid: string, body: Record<string, unknown>): [number, unknown] {
    const endpoint = this.endpoints.find((e) => e.appId === app.id && (e.id === idOrUid || e.uid === idOrUid));
    if (!endpoint) return [201, endpointOut(this.createEndpoint(app, { uid: idOrUid, ...body }))];
    Object.assign(endpoint, this.endpointFields(body), { updatedAt: new Date().toISOString() });
    return [200, endpointOut(endpoint)];
  }
}

function checkEventTypeName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 256) throw invalid(['body', 'name'], 'String must match pattern');
  return name;
}

function eventTypeFields(body: Record<string, unknown>) {
  if (typeof body.description !== 'string') throw invalid(['body', 'description'], 'field required');
  return {
    description: body.description,
    deprecated: body.deprecated === true,
    schemas: body.schemas === undefined || body.schemas === null ? null : sortedKeys(body.schemas),
    groupName: (body.groupName as string | null | undefined) ?? null,
    featureFlag: (body.featureFlag as string | null | undefined) ?? null,
  };
}

function checkSecret(secret: unknown): string | null {
  if (secret === undefined || secret === null) return null;
  if (typeof secret !== 'string' || !SECRET.test(secret)) throw invalid(['body', 'secret'], 'String must match pattern');
  return secret.startsWith('whsec_') ? secret : `whsec_${secret}`;
}

function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

function checkHeaders(headers: unknown): Record<string, string> {
  if (typeof headers !== 'object' || headers === null) throw invalid(['body', 'headers'], 'field required');
  for (const [k, v] of Object.entries(headers)) {
    const lower = k.toLowerCase();
    if (FORBIDDEN.includes(lower) || FORBIDDEN_PREFIXES.some((p) => lower.startsWith(p))) throw invalid(['body', 'headers'], 'Header uses a forbidden key.');
    if (typeof v !== 'string' || v.length > 4096) throw invalid(['body', 'headers'], 'Maximum header length is 4096 bytes');
  }
  return { ...(headers as Record<string, string>) };
}

function appOut(app: App) {
  return { id: app.id, uid: app.uid, name: app.name, metadata: app.metadata, rateLimit: null, throttleRate: null, createdAt: app.createdAt, updatedAt: app.updatedAt };
}

function eventTypeOut(type: EventType, withContent: boolean) {
  return {
    name: type.name,
    description: type.description,
    archived: type.archived,
    deprecated: type.deprecated,
    schemas: withContent ? type.schemas : null,
    featureFlag: type.featureFlag,
    groupName: type.groupName,
    createdAt: type.createdAt,
    updatedAt: type.updatedAt,
  };
}

/** The real server answers both names of the filter (`eventTypes`, and `filterTypes` which the v1 SDK reads) and of the rate. */
function endpointOut(e: FakeEndpoint) {
  return {
    id: e.id,
    uid: e.uid,
    url: e.url,
    description: e.description,
    disabled: e.disabled,
    eventTypes: e.eventTypes,
    filterTypes: e.eventTypes,
    channels: e.channels,
    metadata: e.metadata,
    rateLimit: e.rateLimit,
    throttleRate: e.rateLimit,
    version: 1,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
