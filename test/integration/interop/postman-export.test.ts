import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { loadCollection, runPreRequest, runTests } from '../../unit/shared/interop/postman-sandbox';

const STANDARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BEARER = 'bearer-credential-0123456789';

describe('GET /api/v1/webhooks/export/postman', () => {
  let t: TestEngine;
  let receiver: Receiver;
  let ordersId: string;
  beforeAll(async () => {
    t = await startTestEngine();
    receiver = await Receiver.start(() => ({ status: 200, body: { status: 'accepted' } }));
    const orders = await t.client.createWebhook({
      name: 'orders',
      url: `${receiver.url}/orders`,
      events: [{ type: 'order.*' }, { type: 'order.created' }],
      secret: STANDARD_SECRET,
      signature: 'standard-webhooks',
      auth: { type: 'bearer', token: BEARER },
      bodyTemplate: '{"order": {{json data}}, "type": "{{eventType}}", "id": "{{eventId}}"}',
      validators: [{ path: '$.status', expected: ['accepted'] }],
    });
    ordersId = orders.id;
    await t.client.createWebhook({ name: 'audit log', url: 'https://audit.example.com/in', method: 'GET' });
    // The sample of order.created is the latest stored event of that type, pushed with a number written as 1.10.
    const shop = await t.client.createConnector({ name: 'shop' });
    const pushed = await fetch(`${t.url}/api/1.0/webhook/push`, {
      method: 'POST',
      headers: { API_KEY: shop.apiKey, 'content-type': 'application/json' },
      body: '{"event_type": "order.created", "id": 7, "sku": "sample-sku-from-a-stored-event", "price": 1.10}',
    });
    expect(pushed.status).toBe(200);
  });
  afterAll(async () => {
    await receiver.close();
    await t.dispose();
  });

  const get = (headers: Record<string, string> = { authorization: `Bearer ${t.token}` }) => fetch(`${t.url}/api/v1/webhooks/export/postman`, { headers });

  it('answers the collection as a download (not shadowed by /webhooks/:id routes), and only with the token', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="hookdesk-webhooks.postman_collection.json"');
    const text = await res.text();
    expect(text).not.toContain(STANDARD_SECRET);
    expect(text).not.toContain(BEARER);
    const { collection } = loadCollection(JSON.parse(text) as unknown);
    expect((collection.items.all() as { name: string }[]).map((i) => i.name)).toEqual(['orders', 'audit log']);

    expect((await get({})).status).toBe(401);
  });

  it('renders the stored sample, and sends what the engine sends: signed so that standardwebhooks verifies it', async () => {
    const { collection, item } = loadCollection((await (await get()).json()) as unknown);
    const { request } = runPreRequest(collection, item('orders'), { webhook_orders_secret: STANDARD_SECRET });
    const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    const answer = await res.text();
    await receiver.waitFor(1);
    const fromPostman = receiver.requests[0]!;
    const headers = Object.fromEntries(Object.entries(fromPostman.headers).map(([k, v]) => [k, String(v)]));
    const payload = new StandardWebhook(STANDARD_SECRET).verify(fromPostman.text, headers) as { order: { sku: string }; id: string };
    expect(payload.order.sku).toBe('sample-sku-from-a-stored-event');
    expect(fromPostman.text).toContain('1.10'); // the number as the sender wrote it

    // Hookdesk's own Send test of the same webhook sends the same body, but for its own fresh id.
    const invocation = await t.client.testWebhook(ordersId, { event: { type: 'order.created' } });
    const engineBody = invocation.request.body!;
    const engineId = invocation.request.headers['X-Hookdesk-Event-Id']!;
    expect(fromPostman.text.replaceAll(payload.id, engineId)).toBe(engineBody);

    expect(runTests(item('orders'), { code: res.status, text: answer }).every((r) => r.passed)).toBe(true);
  });
});
