import { randomBytes } from 'node:crypto';
import { Webhook } from 'svix';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployCommand } from '../../../electron/cli/commands/deploy-command';
import { describeFailure } from '../../../electron/cli/workspace-target';
import { signStandardWebhook } from '../../../shared/signing/standard-webhooks';
import { utf8 } from '../../../shared/signing/bytes';
import { FakeSvix, type SvixCall } from '../../helpers/fake-svix';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { tempDir } from '../../helpers/temp-dir';

const ORDERS_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const BEARER = 'bearer-token-never-printed-0123';

interface Run {
  code: number;
  out: string;
}

/** `hookdesk deploy ...` in this process, as hookdesk.ts runs it: the exit code and what it printed. */
async function deploy(args: string[]): Promise<Run> {
  let out = '';
  try {
    const code = await deployCommand(args, (text) => (out += text));
    return { code, out };
  } catch (error) {
    return { code: 1, out: `${out}${describeFailure(error)}\n` };
  }
}

async function push(t: TestEngine, apiKey: string, body: unknown): Promise<void> {
  const res = await fetch(`${t.url}/api/1.0/webhook/push`, { method: 'POST', headers: { 'content-type': 'application/json', API_KEY: apiKey }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

const bodyOf = (call: SvixCall | undefined) => call?.body as Record<string, unknown>;

describe('deploy svix (the svix SDK against a Svix server on 127.0.0.1)', { timeout: 60_000 }, () => {
  let svix: FakeSvix;
  let dir: { path: string; remove: () => Promise<void> };
  let args: string[];

  /** The workspace, built through the engine's API, then the engine stopped so deploy can open the data dir. */
  async function withEngine(work: (t: TestEngine) => Promise<void>): Promise<void> {
    const t = await startTestEngine({}, { dataDir: dir.path });
    try {
      await work(t);
    } finally {
      await t.stop();
    }
  }

  beforeEach(async () => {
    svix = await FakeSvix.start();
    dir = await tempDir();
    args = ['svix', '--server-url', svix.url, '--token', svix.token, '--data-dir', dir.path];
    await withEngine(async (t) => {
      const shop = await t.client.createConnector({ name: 'Shop' });
      const billing = await t.client.createConnector({ name: 'Billing' });
      await push(t, shop.apiKey, { type: 'order.paid', id: 'o1', amount: 12, paidAt: '2026-01-02T03:04:05Z' });
      await push(t, shop.apiKey, { type: 'order.created', id: 'o2', items: [{ sku: 'a' }] });
      await push(t, billing.apiKey, { type: 'invoice.paid', id: 'i1', total: 3.5 });
      await t.client.createWebhook({
        name: 'orders',
        url: 'http://127.0.0.1:9/orders',
        events: [{ type: 'ORDER.*' }],
        filters: { connectorIds: [shop.id] },
        signature: 'standard-webhooks',
        secret: ORDERS_SECRET,
        auth: { type: 'bearer', token: BEARER },
        headers: { 'X-Team': 'erp' },
      });
      await t.client.createWebhook({
        name: 'Legacy ERP',
        url: 'http://127.0.0.1:9/legacy',
        method: 'GET',
        contentType: 'application/x-www-form-urlencoded',
        signature: 'hmac-sha1',
        secret: 'legacy-sha1-secret-never-printed',
        validators: [{ path: '$.ok', expected: [true] }],
        retry: { maxAttempts: 3, backoff: 'fixed', initialDelaySeconds: 10, maxDelaySeconds: 10, jitter: 0 },
        bodyTemplate: 'id={{event.id}}',
      });
      await t.client.createWebhook({ name: 'From env', url: '${DEPLOY_TEST_UNSET_URL}/hook' });
    });
  });

  afterEach(async () => {
    await svix.close();
    await dir.remove();
  });

  it('--dry-run prints the plan, sends no write, and exits 2; deploy writes it; a second run changes nothing', async () => {
    const dry = await deploy([...args, '--dry-run']);
    expect(dry.code, dry.out).toBe(2);
    expect(svix.writes()).toEqual([]);
    expect(dry.out).toContain('dry run: nothing is changed');
    expect(dry.out).toMatch(/\+ application "Hookdesk" +create/);
    expect(dry.out).toMatch(/\+ endpoint "orders" +create \(uid orders\)/);

    const first = await deploy(args);
    expect(first.code, first.out).toBe(0);
    // Every call went to --server-url, authenticated with the token.
    expect(svix.calls.every((c) => c.authorization === `Bearer ${svix.token}`)).toBe(true);

    // The application: get-or-create by uid.
    const appCall = svix.writes().find((c) => c.path === '/api/v1/app');
    expect(appCall?.method).toBe('POST');
    expect(appCall?.query.get_if_exists).toBe('true');
    expect(bodyOf(appCall)).toMatchObject({ name: 'Hookdesk', uid: 'hookdesk' });

    // Event types, each with its inferred schema as version "1", before any endpoint names them.
    const typeCalls = svix.writes().filter((c) => c.path === '/api/v1/event-type');
    expect(typeCalls.map((c) => bodyOf(c).name).sort()).toEqual(['invoice.paid', 'order.created', 'order.paid']);
    const paid = bodyOf(typeCalls.find((c) => bodyOf(c).name === 'order.paid'));
    expect(paid.description).toBe('Inferred by Hookdesk from events received on Shop.');
    expect(paid.schemas).toEqual({
      '1': {
        type: 'object',
        properties: { type: { type: 'string' }, id: { type: 'string' }, amount: { type: 'integer' }, paidAt: { type: 'string', format: 'date-time' } },
        required: ['type', 'id', 'amount', 'paidAt'],
      },
    });
    const firstEndpointCall = svix.writes().findIndex((c) => c.path.endsWith('/endpoint'));
    expect(svix.writes().findLastIndex((c) => c.path === '/api/v1/event-type')).toBeLessThan(firstEndpointCall);

    // One endpoint per deployable webhook, with everything in the create call.
    const app = svix.apps[0]!;
    const endpointCalls = svix.writes().filter((c) => c.path === `/api/v1/app/${app.id}/endpoint`);
    expect(endpointCalls).toHaveLength(2);
    const orders = bodyOf(endpointCalls.find((c) => bodyOf(c).uid === 'orders'));
    expect(orders).toEqual({
      uid: 'orders',
      url: 'http://127.0.0.1:9/orders',
      description: 'orders',
      disabled: false,
      filterTypes: ['order.created', 'order.paid'],
      channels: ['connector.shop'],
      secret: ORDERS_SECRET,
      headers: { 'X-Team': 'erp', Authorization: `Bearer ${BEARER}` },
      metadata: { managedBy: 'hookdesk', hookdeskWebhook: 'orders', hookdeskHeaders: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown },
    });
    const legacy = bodyOf(endpointCalls.find((c) => bodyOf(c).uid !== 'orders'));
    expect(legacy.uid).toMatch(/^legacy-erp-[0-9a-f]{8}$/);
    expect(legacy.filterTypes).toBeNull(); // "all"
    expect(legacy).not.toHaveProperty('secret'); // an HMAC-SHA1 secret does not carry over: Svix generates one

    // The Standard Webhooks secret carried over: what Hookdesk signs, the svix library verifies with the endpoint's secret.
    const endpointSecret = svix.endpointByUid('orders')!.secret;
    const payload = '{"type":"order.paid","id":"o1"}';
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signStandardWebhook({ secret: ORDERS_SECRET, id: 'msg_1', timestampSeconds: timestamp, body: utf8(payload) });
    expect(new Webhook(endpointSecret).verify(payload, { 'svix-id': 'msg_1', 'svix-timestamp': String(timestamp), 'svix-signature': signature })).toEqual(JSON.parse(payload));

    // What Svix cannot express, per webhook, with workarounds; the skipped webhook says why.
    expect(first.out).toMatch(/! endpoint "From env" +not deployed: \$\{DEPLOY_TEST_UNSET_URL\} is not set/);
    const legacyNotes = first.out.slice(first.out.indexOf('Webhook "Legacy ERP":'));
    for (const what of ['Signs with HMAC-SHA1', 'Sends form bodies', 'Sends GET requests', 'JSONPath validator', 'Has its own retry policy', 'Renders its body from a template']) {
      expect(legacyNotes, what).toContain(what);
    }
    expect(first.out).toMatch(/Webhook "orders":\n(.*\n)*? +- Takes only events from some connectors/);
    expect(first.out).toContain('Workaround: ');
    // Never a secret or a credential.
    for (const secret of [ORDERS_SECRET, BEARER, 'legacy-sha1-secret-never-printed', svix.token]) expect(first.out).not.toContain(secret);

    // Idempotent: reads only, and everything unchanged.
    const writes = svix.writes().length;
    const second = await deploy(args);
    expect(second.code, second.out).toBe(0);
    expect(svix.writes()).toHaveLength(writes);
    expect(second.out).toMatch(/= endpoint "orders" +unchanged/);
    expect(second.out).toContain('= 3 event type(s) unchanged');
    expect((await deploy([...args, '--dry-run'])).code).toBe(0);
  });

  it('applies only what changed: PUT of the endpoint, its headers, a secret rotation, new schemas; an endpoint whose webhook is gone is left and named', async () => {
    expect((await deploy(args)).code).toBe(0);
    const newSecret = `whsec_${randomBytes(32).toString('base64')}`;
    await withEngine(async (t) => {
      const [orders] = (await t.client.listWebhooks()).items.filter((w) => w.name === 'orders');
      await t.client.updateWebhook(orders!.id, { url: 'http://127.0.0.1:9/orders-v2', auth: { type: 'bearer', token: 'a-new-bearer-token' }, secret: newSecret });
      const legacy = (await t.client.listWebhooks()).items.find((w) => w.name === 'Legacy ERP');
      await t.client.deleteWebhook(legacy!.id);
      const shop = (await t.client.listConnectors()).items.find((c) => c.name === 'Shop');
      const key = await t.client.resetConnectorKey(shop!.id);
      await push(t, key.apiKey, { type: 'order.paid', id: 'o3', amount: 1, coupon: 'X' });
    });

    const dry = await deploy([...args, '--dry-run']);
    expect(dry.code, dry.out).toBe(2);
    expect(dry.out).toMatch(/~ endpoint "orders" +update: url, metadata, headers, secret/);
    expect(dry.out).toMatch(/~ event type "order.paid" +update: schemas/);
    expect(dry.out).toMatch(/\? endpoint "Legacy ERP" +left in Svix: No webhook "Legacy ERP" in the workspace any more/);

    const before = svix.writes().length;
    const run = await deploy(args);
    expect(run.code, run.out).toBe(0);
    const made = svix.writes().slice(before).map((c) => `${c.method} ${c.path.replace(/app_[0-9a-f]+/, 'APP')}`);
    expect(made).toEqual([
      'PUT /api/v1/event-type/order.paid',
      'PUT /api/v1/app/APP/endpoint/orders',
      'PUT /api/v1/app/APP/endpoint/orders/headers',
      'POST /api/v1/app/APP/endpoint/orders/secret/rotate',
    ]);
    const endpoint = svix.endpointByUid('orders')!;
    expect(endpoint.url).toBe('http://127.0.0.1:9/orders-v2');
    expect(endpoint.headers.Authorization).toBe('Bearer a-new-bearer-token');
    expect(endpoint.secret).toBe(newSecret);
    expect(endpoint.oldSecrets).toEqual([ORDERS_SECRET]);
    expect(svix.eventTypes.get('order.paid')?.schemas).toMatchObject({ '1': { properties: { coupon: { type: 'string' } } } });
    expect(svix.endpoints).toHaveLength(2); // never deleted
    expect(run.out).not.toContain('a-new-bearer-token');
    expect(run.out).not.toContain(newSecret);

    const again = await deploy([...args, '--dry-run']);
    expect(again.code, again.out).toBe(0);
  });

  it('a change the server refuses fails alone with its reason (exit 1); the others are made', async () => {
    svix.httpsOnly = true; // the server's endpoint_https_only: every webhook here targets http://127.0.0.1
    await withEngine(async (t) => {
      await t.client.createWebhook({ name: 'secure', url: 'https://receiver.example/in' });
    });
    const run = await deploy(args);
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(/\+ endpoint "orders" +create FAILED \(uid orders\): Svix answered 422: body.url: Endpoint URL schemes must be https/);
    expect(run.out).toMatch(/\+ endpoint "secure" +created \(uid secure\)\n/);
    expect(run.out).toContain('; 2 failed.');
    expect(svix.endpoints.map((e) => e.uid)).toEqual(['secure']);
  });

  it('leaves an endpoint it did not make alone, and exits 1 when Svix refuses the token', async () => {
    // Someone made an endpoint with the uid "orders" by hand.
    await deploy([...args, '--dry-run']);
    const before = svix.writes().length;
    expect(before).toBe(0);
    const app = await fetch(`${svix.url}/api/v1/app`, { method: 'POST', headers: { authorization: `Bearer ${svix.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Hookdesk', uid: 'hookdesk' }) });
    const { id } = (await app.json()) as { id: string };
    await fetch(`${svix.url}/api/v1/app/${id}/endpoint`, { method: 'POST', headers: { authorization: `Bearer ${svix.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ uid: 'orders', url: 'https://hand.example/x' }) });

    const run = await deploy(args);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/! endpoint "orders" +not deployed: Svix already has an endpoint with the uid "orders" that Hookdesk did not make/);
    expect(svix.endpointByUid('orders')?.url).toBe('https://hand.example/x');

    const refused = await deploy(['svix', '--server-url', svix.url, '--token', 'wrong-token', '--data-dir', dir.path]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Svix answered 401: Incorrect authentication credentials.');
    expect(refused.out).not.toContain('wrong-token');
  });

  it('refuses bad arguments with the usage, and a data dir without a workspace', async () => {
    expect((await deploy(['--help'])).out).toMatch(/^Usage: npm run hookdesk -- deploy svix --server-url URL --token T/);
    expect((await deploy(['heroku', '--server-url', svix.url, '--token', 't'])).out).toContain('deploy takes the target name: svix ("heroku" is not one)');
    expect((await deploy(['svix', '--token', 't', '--data-dir', dir.path])).out).toContain('deploy svix needs --server-url');
    const empty = await tempDir();
    try {
      const none = await deploy(['svix', '--server-url', svix.url, '--token', 't', '--data-dir', empty.path]);
      expect(none.code).toBe(1);
      expect(none.out).toContain('No Hookdesk workspace in');
    } finally {
      await empty.remove();
    }
    expect(svix.calls).toEqual([]);
  });
});
