import { describe, expect, it } from 'vitest';
import { Collection } from 'postman-collection';
import type { DispatchEvent } from '../../../../shared/events/dispatch-event';
import { buildPostmanCollection, POSTMAN_SCHEMA_URL, sampleEventType, type PostmanWebhook } from '../../../../shared/interop/postman-collection';
import { compileJsonPath } from '../../../../shared/interop/postman-jsonpath';
import { buildOutboundRequest } from '../../../../shared/outbound/build-request';
import { ORDER, webhook } from './postman-fixtures';
import { authOf, listenersOf, loadCollection } from './postman-sandbox';

const API = 'http://127.0.0.1:8787';
const STANDARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const CLEAR_SECRETS = [STANDARD_SECRET, 'hunter2-basic-password', 'bearer-token-0123456789', 'client-secret-0123456789', 'custom-header-key-0123', 'api-key-value-0123'];

function build(webhooks: PostmanWebhook[], sample: DispatchEvent = ORDER) {
  return buildPostmanCollection({ webhooks: webhooks.map((w) => ({ webhook: w, sample })), apiBaseUrl: API });
}

describe('buildPostmanCollection', () => {
  it('loads in the postman-collection SDK as a v2.1 collection: one request per webhook, flat, with auth, body and both scripts', () => {
    const { collection } = build([
      webhook({ name: 'orders', secret: STANDARD_SECRET, signature: 'standard-webhooks', auth: { type: 'bearer', token: 'bearer-token-0123456789' } }),
      webhook({ name: 'audit', method: 'GET', events: 'all' }),
    ]);
    expect(collection.info.schema).toBe(POSTMAN_SCHEMA_URL);
    const json = JSON.parse(JSON.stringify(collection)) as unknown;
    expect(Collection.isCollection(new Collection(json as Collection.definition))).toBe(true);
    const { collection: loaded, item } = loadCollection(json);
    expect((loaded.items.all() as { name: string }[]).map((i) => i.name)).toEqual(['orders', 'audit']);

    const orders = item('orders');
    expect(orders.request.method).toBe('POST');
    expect(orders.request.url.toString()).toBe('{{base_url}}/hooks');
    expect(orders.request.body?.mode).toBe('raw');
    expect(orders.request.headers.get('Content-Type')).toBe('application/json');
    expect(orders.request.headers.get('X-Hookdesk-Event-Id')).toBe('{{hookdesk_event_id}}');
    expect(orders.request.headers.get('X-Hookdesk-Webhook-Id')).toBe('whk_orders');
    expect(authOf(orders)).toEqual({ type: 'bearer', params: { token: '{{webhook_orders_token}}' } });
    expect(listenersOf(orders)).toEqual(['prerequest', 'test']);
    // A round trip through the SDK keeps what Postman reads.
    const again = loaded.toJSON() as { item: { request: { auth: { type: string } }; event: { script: { exec: string[] } }[] }[] };
    expect(again.item[0]!.request.auth.type).toBe('bearer');
    expect(again.item[0]!.event[0]!.script.exec.join('\n')).toContain('webhook-signature');

    const audit = item('audit');
    expect(audit.request.method).toBe('GET');
    expect(audit.request.body?.raw ?? '').toBe('');
    expect(authOf(audit).type).toBe('noauth');
    expect(loaded.variables.get('base_url')).toBe('http://127.0.0.1:3000');
  });

  it('renders the body as the engine sends it for the sample event: only the event id and Hookdesk URL become variables', () => {
    const withTemplate = webhook({ name: 'tpl', bodyTemplate: '{"email": "{{data.customer.email}}", "note": "{{data.customer.note}}", "id": "{{eventId}}"}' });
    const envelope = webhook({ name: 'env' });
    const form = webhook({ name: 'form', contentType: 'application/x-www-form-urlencoded' });
    const { collection } = build([withTemplate, envelope, form]);
    for (const [i, w] of [withTemplate, envelope, form].entries()) {
      const engine = buildOutboundRequest({ webhook: w, event: ORDER, apiBaseUrl: API, timestampSeconds: 0 });
      expect(engine.ok).toBe(true);
      const raw = collection.item[i]!.request.body!.raw;
      expect(raw.replaceAll('{{hookdesk_event_id}}', ORDER.id).replaceAll('{{hookdesk_url}}', API), w.name).toBe(engine.request.body);
    }
    expect(collection.item[0]!.request.body!.options.raw.language).toBe('json');
    expect(collection.item[2]!.request.body!.options.raw.language).toBe('text');
    expect(collection.item[2]!.request.header.find((h) => h.key === 'Content-Type')?.value).toBe('application/x-www-form-urlencoded');
  });

  it('never writes a secret or credential: each is an empty variable, or the {{VAR}} its ${VAR} named', () => {
    const { collection } = build([
      webhook({
        name: 'Orders to ERP',
        secret: STANDARD_SECRET,
        signature: 'standard-webhooks',
        auth: { type: 'basic', username: 'erp-user', password: 'hunter2-basic-password' },
        headers: { 'X-Auth-Token': 'custom-header-key-0123', 'X-Tenant': 'acme' },
      }),
      webhook({ name: 'oauth', auth: { type: 'oauth2', tokenUrl: 'https://auth.example.com/token', clientId: 'cid', clientSecret: 'client-secret-0123456789', scopes: ['a', 'b'] } }),
      webhook({ name: 'keyed', auth: { type: 'apiKey', header: 'X-Api-Key', value: 'api-key-value-0123' }, secret: '${ERP_SECRET}' }),
    ]);
    const text = JSON.stringify(collection);
    for (const secret of CLEAR_SECRETS) expect(text).not.toContain(secret);

    const vars = Object.fromEntries(collection.variable.map((v) => [v.key, v.value]));
    expect(vars).toMatchObject({
      webhook_orders_to_erp_secret: '',
      webhook_orders_to_erp_password: '',
      webhook_orders_to_erp_header_x_auth_token: '',
      webhook_oauth_client_secret: '',
      webhook_keyed_api_key: '',
      ERP_SECRET: '',
    });
    expect(vars).not.toHaveProperty('webhook_keyed_secret');
    const [erp, oauth, keyed] = collection.item;
    expect(erp!.request.header).toContainEqual({ key: 'X-Auth-Token', value: '{{webhook_orders_to_erp_header_x_auth_token}}', type: 'text' });
    expect(erp!.request.header).toContainEqual({ key: 'X-Tenant', value: 'acme', type: 'text' });
    expect(erp!.request.auth).toEqual({
      type: 'basic',
      basic: [
        { key: 'username', value: 'erp-user', type: 'string' },
        { key: 'password', value: '{{webhook_orders_to_erp_password}}', type: 'string' },
      ],
    });
    expect(oauth!.request.auth).toMatchObject({ type: 'oauth2' });
    const oauthParams = Object.fromEntries((oauth!.request.auth as { oauth2: { key: string; value: string }[] }).oauth2.map((p) => [p.key, p.value]));
    expect(oauthParams).toEqual({
      grant_type: 'client_credentials',
      accessTokenUrl: 'https://auth.example.com/token',
      clientId: 'cid',
      clientSecret: '{{webhook_oauth_client_secret}}',
      scope: 'a b',
      client_authentication: 'header',
      addTokenTo: 'header',
    });
    expect(keyed!.request.auth).toEqual({
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'X-Api-Key', type: 'string' },
        { key: 'value', value: '{{webhook_keyed_api_key}}', type: 'string' },
        { key: 'in', value: 'header', type: 'string' },
      ],
    });
    // The signing script reads the variable the ${VAR} named.
    expect(keyed!.event[0]!.script.exec.join('\n')).toContain('pm.variables.get("ERP_SECRET")');
  });

  it('turns ${VAR} into {{VAR}} in the URL, headers and template (and $${ into a literal ${), declaring each variable empty', () => {
    const { collection } = build([
      webhook({
        name: 'env',
        url: '${TARGET}/hooks?x=1',
        headers: { 'X-Region': '${REGION}', 'X-Literal': 'cost $${A}' },
        bodyTemplate: '{"region": "${REGION}", "email": "{{data.customer.email}}", "literal": "$${B}"}',
      }),
    ]);
    const item = collection.item[0]!;
    expect(item.request.url).toBe('{{TARGET}}/hooks?x=1');
    expect(item.request.header).toContainEqual({ key: 'X-Region', value: '{{REGION}}', type: 'text' });
    expect(item.request.header).toContainEqual({ key: 'X-Literal', value: 'cost ${A}', type: 'text' });
    expect(JSON.parse(item.request.body!.raw)).toEqual({ region: '{{REGION}}', email: 'zoë@example.com', literal: '${B}' });
    const declared = collection.variable.filter((v) => v.value === '').map((v) => v.key);
    expect(declared).toEqual(['REGION', 'TARGET']);
    expect(collection.variable.map((v) => v.key)).not.toContain('base_url');
  });

  it('names one base URL variable per target origin, and keeps generated names clear of the environment\'s', () => {
    const { collection } = build([
      webhook({ name: 'a', url: 'https://api.example.com/a' }),
      webhook({ name: 'b', url: 'https://api.example.com/b?q=1' }),
      webhook({ name: 'c', url: 'http://127.0.0.1:3000/c', headers: { 'X-Env': '${hookdesk_event_id}' } }),
    ]);
    expect(collection.item.map((i) => i.request.url)).toEqual(['{{base_url_api_example_com}}/a', '{{base_url_api_example_com}}/b?q=1', '{{base_url_127_0_0_1_3000}}/c']);
    const keys = collection.variable.map((v) => v.key);
    expect(keys).toContain('hookdesk_event_id_2');
    expect(collection.item[0]!.request.header.find((h) => h.key === 'X-Hookdesk-Event-Id')?.value).toBe('{{hookdesk_event_id_2}}');
    expect(collection.item[2]!.request.header.find((h) => h.key === 'X-Env')?.value).toBe('{{hookdesk_event_id}}');
  });

  it('keeps a webhook whose body cannot be rendered, with the reason in a note and its description', () => {
    const broken = webhook({ name: 'broken', bodyTemplate: '{"a": {{data.total}}' });
    const { collection, notes } = build([broken, webhook({ name: 'fine' })]);
    expect(collection.item.map((i) => i.name)).toEqual(['broken', 'fine']);
    expect(collection.item[0]!.request.body!.raw).toBe('');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.webhook).toBe('broken');
    expect(notes[0]!.message).toMatch(/could not be rendered.*line 1, column/i);
    expect(collection.item[0]!.description).toContain(notes[0]!.message);
  });

  it('keeps the other webhooks when one sample cannot be written at all (a cycle)', () => {
    const cyclic: Record<string, unknown> = { id: 1 };
    cyclic.self = cyclic;
    const { collection, notes } = buildPostmanCollection({
      webhooks: [
        { webhook: webhook({ name: 'cyclic' }), sample: { ...ORDER, body: cyclic } },
        { webhook: webhook({ name: 'fine' }), sample: ORDER },
      ],
      apiBaseUrl: API,
    });
    expect(collection.item.map((i) => [i.name, i.request.body?.raw === ''])).toEqual([['cyclic', true], ['fine', false]]);
    expect(notes.map((n) => n.webhook)).toEqual(['cyclic']);
  });

  it('takes the sample type from the first exact event type', () => {
    expect(sampleEventType('all')).toBe('hookdesk.test');
    expect(sampleEventType([{ type: 'order.*' }, { type: 'order.paid' }])).toBe('order.paid');
    expect(sampleEventType([{ type: 'order.*' }])).toBe('hookdesk.test');
  });
});

describe('compileJsonPath', () => {
  it('compiles the plain subset and refuses the rest with a reason', () => {
    expect(compileJsonPath('$.data.items[0].id')).toEqual({ ok: true, steps: [{ key: 'data' }, { key: 'items' }, { key: '0' }, { key: 'id' }] });
    expect(compileJsonPath("$['a b'][*].c.*")).toEqual({ ok: true, steps: [{ key: 'a b' }, { all: true }, { key: 'c' }, { all: true }] });
    expect(compileJsonPath('$')).toEqual({ ok: true, steps: [] });
    for (const path of ['$..id', '$.items[?(@.ok)]', '$.items[0:2]', '$.items[-1]', '$.a[0,1]', '$.a b']) expect(compileJsonPath(path).ok, path).toBe(false);
  });
});
