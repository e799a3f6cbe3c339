import { createHmac } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPostmanCollection, type PostmanWebhook } from '../../../../shared/interop/postman-collection';
import type { ResponseValidator } from '../../../../shared/schemas/webhook';
import { runValidators } from '../../../../shared/validators/run-validators';
import { Receiver, type ReceivedRequest } from '../../../helpers/receiver';
import { ORDER, webhook } from './postman-fixtures';
import { loadCollection, runPreRequest, runTests, type SentRequest } from './postman-sandbox';

const STANDARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const HMAC_SECRET = 'plain-text-secret-ünïcode';

/** The resolved request sent for real, and the bytes the receiver got. */
async function send(receiver: Receiver, request: SentRequest): Promise<{ received: ReceivedRequest; status: number; text: string }> {
  const before = receiver.requests.length;
  const res = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.method === 'GET' ? {} : { body: request.body }) });
  const text = await res.text();
  await receiver.waitFor(before + 1);
  return { received: receiver.requests[before]!, status: res.status, text };
}

function collectionFor(receiver: Receiver, webhooks: Partial<PostmanWebhook>[]) {
  const { collection } = buildPostmanCollection({
    webhooks: webhooks.map((w, i) => ({ webhook: webhook({ name: `w${i}`, url: `${receiver.url}/hooks/${i}`, ...w }), sample: ORDER })),
    apiBaseUrl: 'http://127.0.0.1:8787',
  });
  return loadCollection(JSON.parse(JSON.stringify(collection)) as unknown);
}

describe('the Postman pre-request script (run in node:vm with the SDK request and a CryptoJS shim)', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await Receiver.start();
  });
  afterAll(() => receiver.close());

  it('signs Standard Webhooks over the exact bytes sent, verified by the official standardwebhooks library', async () => {
    const template = '{"email": "{{data.customer.email}}", "note": "{{data.customer.note}}", "region": "${REGION}", "id": "{{eventId}}"}';
    const { collection, item } = collectionFor(receiver, [{ signature: 'standard-webhooks', secret: '${SW_SECRET}', bodyTemplate: template }]);
    const { request } = runPreRequest(collection, item('w0'), { SW_SECRET: STANDARD_SECRET, REGION: 'eu-west-1' });
    const { received } = await send(receiver, request);

    const headers = Object.fromEntries(Object.entries(received.headers).map(([k, v]) => [k, String(v)]));
    const verified = new StandardWebhook(STANDARD_SECRET).verify(received.body.toString('utf8'), headers) as { email: string; id: string; region: string };
    expect(verified.region).toBe('eu-west-1');
    expect(verified.email).toBe('zoë@example.com');
    // One fresh id for the body, X-Hookdesk-Event-Id and webhook-id alike.
    expect(verified.id).toMatch(/^evt_test_[0-9a-z]{21}$/);
    expect(headers['webhook-id']).toBe(verified.id);
    expect(headers['x-hookdesk-event-id']).toBe(verified.id);
    expect(headers['x-hookdesk-entity-url']).toBe(`http://127.0.0.1:8787/api/v1/events/${verified.id}`);
    // A wrong secret does not verify (the check is real).
    expect(() => new StandardWebhook('whsec_' + Buffer.from('another key entirely').toString('base64')).verify(received.body.toString('utf8'), headers)).toThrow();
  });

  it('signs hmac-sha1 over the UTF-8 body bytes received, and gives every send its own id', async () => {
    const { collection, item } = collectionFor(receiver, [{ signature: 'hmac-sha1', secret: 'typed-in-clear' }]);
    const first = await send(receiver, runPreRequest(collection, item('w0'), { webhook_w0_secret: HMAC_SECRET }).request);
    const second = await send(receiver, runPreRequest(collection, item('w0'), { webhook_w0_secret: HMAC_SECRET }).request);
    for (const { received } of [first, second]) {
      const expected = createHmac('sha1', Buffer.from(HMAC_SECRET, 'utf8')).update(received.body).digest('hex');
      expect(received.headers['x-hookdesk-signature']).toBe(expected);
      expect(received.text).toContain('🚀');
    }
    expect(first.received.headers['x-hookdesk-event-id']).not.toBe(second.received.headers['x-hookdesk-event-id']);
  });

  it('signs a GET over the empty body, and refuses to send unsigned when the secret variable is not set', async () => {
    const { collection, item } = collectionFor(receiver, [{ method: 'GET', signature: 'hmac-sha1', secret: 'x' }]);
    const { received } = await send(receiver, runPreRequest(collection, item('w0'), { webhook_w0_secret: HMAC_SECRET }).request);
    expect(received.body.length).toBe(0);
    expect(received.headers['x-hookdesk-signature']).toBe(createHmac('sha1', HMAC_SECRET).update('').digest('hex'));
    expect(() => runPreRequest(collection, item('w0'))).toThrow(/Set the variable webhook_w0_secret/);
  });
});

describe('the Postman test script', () => {
  const validators: ResponseValidator[] = [
    { path: '$.status', expected: ['accepted'] },
    { path: '$.count', expected: ['5'] },
    { path: "$.items[*]['id']", expected: [2] },
    { path: '$.items[0].ok', expected: [] },
    { path: '$.missing', expected: [] },
    { path: '$.status', expected: ['rejected', null] },
    { path: '$..id', expected: [1] },
  ];
  const { item } = loadCollection(JSON.parse(JSON.stringify(buildPostmanCollection({ webhooks: [{ webhook: webhook({ name: 'v', validators }), sample: ORDER }], apiBaseUrl: '' }).collection)) as unknown);

  it('checks the 2xx status and each validator as Hookdesk does; a path Postman cannot walk is skipped, not failed', () => {
    const body = JSON.stringify({ status: 'accepted', count: 5, items: [{ id: 1, ok: false }, { id: 2 }] });
    const results = runTests(item('v'), { code: 200, text: body });
    expect(results.map((r) => [r.passed, r.skipped])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
      [true, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
    expect(results[7]!.name).toContain('Validator $..id is 1 (checked by Hookdesk only: recursive descent');
    expect(results[5]!.error).toContain('nothing at $.missing');
    // The same answers as the engine's own validators, for every path Postman walks.
    const engine = runValidators(validators, body);
    expect(results.slice(1, 7).map((r) => r.passed)).toEqual(engine.slice(0, 6).map((r) => r.ok));
  });

  it('fails the status test on a non-2xx answer, and every validator on a body that is not JSON', () => {
    const results = runTests(item('v'), { code: 500, text: '<html>oops</html>' });
    expect(results[0]).toMatchObject({ passed: false });
    expect(results[0]!.error).toContain('HTTP status');
    expect(results.slice(1, 7).every((r) => !r.passed && r.error?.includes('not JSON'))).toBe(true);
  });
});
