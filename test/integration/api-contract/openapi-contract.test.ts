import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManagementApp } from '../../../electron/engine/server/management-app';
import { openApiPath } from '../../../shared/api-contract/route-spec';
import { API_ROUTES, answerSchemaOf, type ApiRoute } from '../../../shared/api-contract/route-table';
import { EXAMPLE_TARGET } from '../../../shared/api-contract/routes/management-routes';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { registeredRoutes } from './registered-routes';

/** The engine's answer to a route it does not have (server/error-handler.ts `apiNotFound`). */
const NO_SUCH_ROUTE = /^There is no route /;

interface Answer {
  status: number;
  contentType: string;
  json: unknown;
}

const key = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;
const documented = new Set(API_ROUTES.map((r) => key(r.method, r.path)));

describe('the OpenAPI document and the running engine', () => {
  let t: TestEngine;
  let receiver: Receiver;
  let fixture: { connectorId: string; apiKey: string; captureToken: string; webhookId: string; eventId: string; deliveryId: string };

  beforeAll(async () => {
    receiver = await Receiver.start();
    t = await startTestEngine();
    const connector = await t.client.createConnector({ name: 'Contract fixture' });
    const webhook = await t.client.createWebhook({ name: 'Contract fixture', url: `${receiver.url}/fixture` });
    const event = await t.client.publishEvent({ type: 'order.created', entity: { id: 1 } });
    const deliveries = await t.client.listDeliveries(webhook.id);
    fixture = {
      connectorId: connector.id,
      apiKey: connector.apiKey,
      captureToken: connector.captureUrl.split('/hooks/')[1] ?? '',
      webhookId: webhook.id,
      eventId: event.id,
      deliveryId: deliveries.items[0]?.id ?? 'missing',
    };
  });
  afterAll(async () => {
    await t.dispose();
    await receiver.close();
  });

  /** The id a route's `:id` names: a fixture, or a fresh throwaway for a DELETE (so the fixtures stay). */
  async function idFor(route: ApiRoute): Promise<string> {
    const resource = route.path.split('/')[3];
    const throwaway = route.method === 'delete';
    switch (resource) {
      case 'connectors':
        return throwaway ? (await t.client.createConnector({ name: `Throwaway ${Math.random().toString(36).slice(2, 8)}` })).id : fixture.connectorId;
      case 'webhooks':
        return throwaway ? (await t.client.createWebhook({ name: `Throwaway ${Math.random().toString(36).slice(2, 8)}`, url: `${receiver.url}/throwaway`, enabled: false })).id : fixture.webhookId;
      case 'events':
        return throwaway ? (await t.client.publishEvent({ type: 'throwaway' })).id : fixture.eventId;
      case 'deliveries':
        return fixture.deliveryId;
      case 'receiver-checks':
        return (await t.client.startReceiverCheck({ url: `${receiver.url}/check`, profile: 'github', secret: 'contract', cases: ['valid-delivery'] })).id;
      default:
        throw new Error(`No fixture for ${route.path}`);
    }
  }

  /** Query values for the parameters a route needs. */
  async function queryFor(route: ApiRoute, makeThrowaways: boolean): Promise<string> {
    const params = new URLSearchParams();
    const names = new Set((route.query ?? []).flatMap((q) => Object.keys(q.shape)));
    if (route.method === 'delete' && names.has('connectorId')) {
      params.set('connectorId', makeThrowaways ? (await t.client.createConnector({ name: `Throwaway ${Math.random().toString(36).slice(2, 8)}` })).id : 'con_nope');
    } else if (route.path.endsWith('/events/export')) {
      params.set('connectorId', fixture.connectorId);
    }
    if (names.has('type') && route.path.endsWith('/sample')) params.set('type', 'order.created');
    const text = params.toString();
    return text === '' ? '' : `?${text}`;
  }

  /** A route's example body, its example URLs pointed at this test's receiver (no request leaves 127.0.0.1). */
  function bodyFor(route: ApiRoute): string | undefined {
    if (route.body?.example === undefined) return undefined;
    if (route.path === '/api/v1/session') return JSON.stringify({ token: t.token });
    return JSON.stringify(route.body.example).replaceAll(EXAMPLE_TARGET, `${receiver.url}/webhooks`).replaceAll('http://127.0.0.1:3000', receiver.url).replaceAll('https://staging.example.com', receiver.url);
  }

  async function call(route: ApiRoute, options: { token?: boolean; id?: string } = {}): Promise<Answer> {
    let path = route.path;
    if (path.includes(':captureToken')) path = path.replace(':captureToken', fixture.captureToken);
    if (path.includes(':id')) path = path.replace(':id', options.id ?? (await idFor(route)));
    const headers: Record<string, string> = {};
    if (route.auth === 'management' && options.token !== false) headers.authorization = `Bearer ${t.token}`;
    if (route.auth === 'pushKey') headers.api_key = fixture.apiKey;
    const body = bodyFor(route);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const res = await fetch(`${t.url}${path}${await queryFor(route, options.id === undefined)}`, { method: route.method.toUpperCase(), headers, body, signal: controller.signal });
    const contentType = res.headers.get('content-type') ?? '';
    if (contentType.startsWith('text/event-stream')) {
      controller.abort();
      return { status: res.status, contentType, json: null };
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, contentType, json };
  }

  const messageOf = (json: unknown): string => (json as { error?: { message?: string } } | null)?.error?.message ?? '';

  it('documents every route the management app registers (walking its Express router stack)', () => {
    const app = createManagementApp(t.engine.context, t.engine.modules.flatMap((m) => m.routes ?? []), Date.now());
    const routes = registeredRoutes(app);
    const undocumented = routes.filter((r) => !r.regexp && !documented.has(key(r.method, r.path))).map((r) => key(r.method, r.path));
    expect(undocumented).toEqual([]);
    // The only RegExp routes are the UI's catch-all (`/` and everything under it that is not the API).
    expect(routes.filter((r) => r.regexp).map((r) => r.method)).toEqual(expect.arrayContaining(['get']));
    // And the other way round: each documented route of the management app is registered there.
    const registered = new Set(routes.map((r) => key(r.method, r.path)));
    const missing = API_ROUTES.filter((r) => r.auth !== 'pushKey' && r.auth !== 'captureToken' && !registered.has(key(r.method, r.path))).map((r) => key(r.method, r.path));
    expect(missing).toEqual([]);
  });

  it('serves the document at GET /api/v1/openapi.json (behind the token), valid, naming this engine as its server', async () => {
    expect((await fetch(`${t.url}/api/v1/openapi.json`)).status).toBe(401);
    const res = await fetch(`${t.url}/api/v1/openapi.json`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as { servers: { url: string }[]; info: { version: string }; paths: Record<string, unknown> };
    expect(doc.servers[0]?.url).toBe(t.url);
    expect(doc.info.version).toBe('test');
    for (const route of API_ROUTES) expect(doc.paths[openApiPath(route.path)], route.path).toBeDefined();
    await SwaggerParser.validate(doc as never);
  });

  it('every documented route answers its documented success, with a body its answer schema accepts', async () => {
    const problems: string[] = [];
    for (const route of API_ROUTES) {
      const answer = await call(route);
      const where = key(route.method, route.path);
      if (NO_SUCH_ROUTE.test(messageOf(answer.json))) {
        problems.push(`${where}: the engine has no such route`);
        continue;
      }
      if (answer.status !== route.ok.status) {
        problems.push(`${where}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`);
        continue;
      }
      const schema = answerSchemaOf(route);
      if (schema && answer.contentType.startsWith('application/json')) {
        const parsed = schema.safeParse(answer.json);
        if (!parsed.success) problems.push(`${where}: the answer does not fit its schema: ${JSON.stringify(parsed.error.issues).slice(0, 500)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every management route answers 401 unauthorized without the token, as documented', async () => {
    const problems: string[] = [];
    for (const route of API_ROUTES.filter((r) => r.auth === 'management')) {
      const answer = await call(route, { token: false, id: 'con_nope' });
      const code = (answer.json as { error?: { code?: string } } | null)?.error?.code;
      if (answer.status !== 401 || code !== 'unauthorized') problems.push(`${key(route.method, route.path)}: ${answer.status} ${code ?? ''}`);
    }
    expect(problems).toEqual([]);
  });

  it('every route with an :id answers 404 not_found for an id nothing has, as documented', async () => {
    const problems: string[] = [];
    for (const route of API_ROUTES.filter((r) => r.path.includes(':id'))) {
      const answer = await call(route, { id: 'nope_0000' });
      const error = (answer.json as { error?: { code?: string; message?: string } } | null)?.error;
      if (answer.status !== 404 || error?.code !== 'not_found' || NO_SUCH_ROUTE.test(error.message ?? '')) {
        problems.push(`${key(route.method, route.path)}: ${answer.status} ${JSON.stringify(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
