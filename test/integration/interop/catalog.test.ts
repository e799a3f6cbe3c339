import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogText } from '../../../shared/interop/catalog-keys';
import { Receiver, type ReceivedRequest } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest } from '../inbound/inbound-helpers';
import { expectValidAsyncApi, expectValidOpenApi } from '../../unit/shared/interop/catalog-fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a generated document

const SECRETS = {
  standard: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtMTIzNDU2Nzg=',
  hmac: 'hmac-secret-that-stays-in-hookdesk',
  bearer: 'bearer-token-that-stays-in-hookdesk',
  header: 'header-credential-that-stays-in-hookdesk',
};
/** Headers the HTTP transport adds: not part of what a webhook documents. */
const TRANSPORT = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'accept', 'accept-encoding', 'accept-language', 'sec-fetch-mode']);

describe('event catalogs over HTTP (API.md section 6: GET /catalog/openapi, GET /catalog/asyncapi)', () => {
  let t: TestEngine;
  let receiver: Receiver;
  const delivered = new Map<string, ReceivedRequest>();

  beforeAll(async () => {
    t = await startTestEngine();
    receiver = await Receiver.start((request) => (request.url === '/templated' ? { body: { status: 'accepted' } } : { body: { ok: true } }));
    await t.client.createWebhook({
      name: 'Orders standard',
      url: `${receiver.url}/standard`,
      events: [{ type: 'order.*' }],
      secret: SECRETS.standard,
      signature: 'standard-webhooks',
      headers: { 'X-Team': 'billing', 'X-Api-Token': SECRETS.header },
    });
    await t.client.createWebhook({
      name: 'Orders templated',
      url: `${receiver.url}/templated`,
      events: [{ type: 'order.created' }],
      secret: SECRETS.hmac,
      auth: { type: 'bearer', token: SECRETS.bearer },
      bodyTemplate: '{"order": "{{data.id}}", "total": {{json data.amount}}, "lines": {{json data.items}}}',
      validators: [{ path: '$.status', expected: ['accepted'] }],
    });
    const shop = await createConnector(t.client, { name: 'Shop' });
    expect((await push(`${t.url}/api/1.0/webhook/push`, shop.apiKey, { type: 'order.created', id: 'o_1', amount: 10, items: [{ sku: 'A' }] })).status).toBe(200);
    await receiver.waitFor(2);
    expect((await push(`${t.url}/api/1.0/webhook/push`, shop.apiKey, { type: 'order.created', id: 'o_2', amount: 12, items: [], note: 'gift' })).status).toBe(200);
    await receiver.waitFor(4);
    // The last request each webhook sent: of the latest order.created, which is the catalog's sample.
    for (const request of receiver.requests) delivered.set(request.url, request);
    await t.client.publishEvent({ type: 'invoice.paid', entity: { invoice: 'in_1', total: 3.5 } });
  });
  afterAll(async () => {
    await receiver.close();
    await t.dispose();
  });

  async function fetchCatalog(format: 'openapi' | 'asyncapi'): Promise<{ text: string; doc: Json }> {
    const answer = await rawRequest(`${t.url}/api/v1/catalog/${format}`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const text = answer.body.toString('utf8');
    return { text, doc: JSON.parse(text) as Json };
  }

  it('answers 401 without the token', async () => {
    for (const format of ['openapi', 'asyncapi']) {
      const answer = await rawRequest(`${t.url}/api/v1/catalog/${format}`);
      expect(answer.status).toBe(401);
      expect((answer.json as Json).error.code).toBe('unauthorized');
    }
  });

  it('OpenAPI: valid for swagger-parser, one entry per known type, and it documents exactly what the receiver got', async () => {
    const { text, doc } = await fetchCatalog('openapi');
    await expectValidOpenApi(doc);
    expect(Object.keys(doc.webhooks as Json)).toEqual(['connector.status_changed', 'invoice.paid', 'order.created', 'webhook.failed', 'webhook.restarted']);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toContain(receiver.url);

    const post = doc.webhooks['order.created'].post as Json;
    const media = post.requestBody.content['application/json'] as Json;
    // The examples are the bodies the receiver got for the latest event, byte for byte as JSON.
    expect(media.examples.Orders_standard.value).toEqual(JSON.parse(delivered.get('/standard')!.text));
    expect(media.examples.Orders_templated.value).toEqual(JSON.parse(delivered.get('/templated')!.text));
    // The envelope's entity has the schema inferred from both bodies: note only in the second.
    const envelope = (media.schema.anyOf as Json[]).find((s) => s.properties?.entity) as Json;
    expect(envelope.properties.entity.required).toEqual(['amount', 'id', 'items', 'type']);
    expect(envelope.properties.entity.properties.note).toEqual({ type: 'string' });

    // Every header either webhook sent is documented (Authorization as a security scheme), with examples that match.
    const documented = new Map((post.parameters as Json[]).map((p) => [String(p.name).toLowerCase(), p]));
    for (const [path, request] of delivered) {
      for (const [name, value] of Object.entries(request.headers)) {
        if (TRANSPORT.has(name) || name === 'content-type') continue;
        if (name === 'authorization') {
          expect(post.security, path).toContainEqual({ bearerAuth: [] });
          continue;
        }
        const parameter = documented.get(name);
        expect(parameter, `${path}: ${name}`).toBeDefined();
        if (parameter?.example !== undefined && name !== 'x-hookdesk-webhook-id') expect(value, `${path}: ${name}`).toBe(parameter.example);
      }
    }
    expect(documented.get('x-team')?.example).toBe('billing');
    expect(documented.get('x-api-token')?.example).toBeUndefined();
    expect(post.responses['2XX'].description).toContain('$.status is one of ["accepted"]');
  });

  it('AsyncAPI: no error diagnostics from @asyncapi/parser; each message carries the headers the receiver got', async () => {
    const { text, doc } = await fetchCatalog('asyncapi');
    await expectValidAsyncApi(doc);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const message = doc.components.messages['order.created.Orders_standard'] as Json;
    const received = delivered.get('/standard')!;
    const names = Object.keys(message.headers.properties as Json).map((n) => n.toLowerCase());
    for (const name of Object.keys(received.headers)) if (!TRANSPORT.has(name)) expect(names, name).toContain(name);
    expect(message.examples[0].payload).toEqual(JSON.parse(received.text));
  });

  it('is the same file when asked twice (it diffs well)', async () => {
    const first = await fetchCatalog('openapi');
    const second = await fetchCatalog('openapi');
    expect(second.text).toBe(first.text);
    expect(first.text).toBe(catalogText(first.doc));
  });
});
