import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_EVENT_ID } from '../../../shared/mock-event';
import { generateWebhookSecret } from '../../../shared/signing/secret';
import { Receiver, type ReceivedRequest } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { deliveriesSettle, settled } from './outbound-helpers';

/**
 * Send test: a receiver that deduplicates by message id (as the README tells it to) must see every
 * test as a new message. Each test goes out under its own id; the stored event it borrowed a body
 * from is named in the answer, never sent as the id.
 */
describe('Send test: every test is a new message', () => {
  let t: TestEngine;
  let receiver: Receiver;
  /** What a deduplicating receiver keeps: the first request of each `webhook-id`. */
  const seen = new Set<string>();
  let accepted = 0;

  beforeAll(async () => {
    t = await startTestEngine();
    receiver = await Receiver.start((request) => {
      const id = String(request.headers['webhook-id'] ?? request.headers['x-hookdesk-event-id']);
      if (seen.has(id)) return { status: 200, body: { duplicate: true } };
      seen.add(id);
      accepted += 1;
      return { status: 200, body: { ok: true } };
    });
  });
  afterAll(async () => {
    await receiver.close();
    await t.dispose();
  });
  afterEach(async () => {
    for (const w of (await t.client.listWebhooks({ pageSize: 500 })).items) await t.client.deleteWebhook(w.id);
  });

  const ids = (request: ReceivedRequest | undefined) => {
    const body = JSON.parse(request?.text ?? '{}') as { eventId?: string };
    return { header: request?.headers['x-hookdesk-event-id'], webhookId: request?.headers['webhook-id'], envelope: body.eventId };
  };

  it('two tests after a real delivery carry two fresh ids (header, webhook-id, envelope), none the real event\'s, and both signatures verify', async () => {
    const secret = generateWebhookSecret();
    const webhook = await t.client.createWebhook({
      name: 'Dedup',
      url: `${receiver.url}/dedup`,
      events: [{ type: 'order.paid' }],
      secret,
      signature: 'standard-webhooks',
    });
    const published = await t.client.publishEvent({ type: 'order.paid', entity: { id: 'ord_1', total: 5 } });
    await deliveriesSettle(t, webhook.id, settled(1));
    const realId = receiver.to('/dedup')[0]?.headers['webhook-id'];
    expect(typeof realId).toBe('string');
    const acceptedBefore = accepted;

    const first = await t.client.testWebhook(webhook.id);
    const second = await t.client.testWebhook(webhook.id);

    const [, a, b] = receiver.to('/dedup');
    const idsA = ids(a);
    const idsB = ids(b);
    for (const got of [idsA, idsB]) {
      expect(got.header).toMatch(/^evt_test_[0-9a-z]{21}$/);
      expect(got.webhookId).toBe(got.header);
      expect(got.envelope).toBe(got.header);
      expect(got.header).not.toBe(realId);
    }
    expect(idsA.header).not.toBe(idsB.header);
    // The deduplicating receiver took both tests as new messages.
    expect(accepted - acceptedBefore).toBe(2);
    // The body is still the real event's, and the answer names where it came from.
    expect(JSON.parse(a?.text ?? '{}')).toMatchObject({ eventType: 'order.paid', entityId: 'ord_1', entity: { id: 'ord_1', total: 5 } });
    expect(first.sampleEventId).toBe(realId);
    expect(second.sampleEventId).toBe(realId);
    expect(JSON.stringify(published)).toContain(String(realId));
    // What the receiver's own library says of the requests as they arrived.
    for (const request of [a, b]) {
      const headers = Object.fromEntries(Object.entries(request?.headers ?? {}).map(([k, v]) => [k, String(v)]));
      expect(() => new StandardWebhook(secret).verify(request?.text ?? '', headers)).not.toThrow();
    }
  });

  it('two tests with a given entity carry two fresh ids, never the built-in mock id, and say the sample was built in', async () => {
    const webhook = await t.client.createWebhook({ name: 'Given', url: `${receiver.url}/given` });
    const first = await t.client.testWebhook(webhook.id, { event: { type: 'order.created', entity: { id: 'o-7' } } });
    const second = await t.client.testWebhook(webhook.id, { event: { type: 'order.created', entity: { id: 'o-7' } } });
    const [a, b] = receiver.to('/given');
    expect(ids(a).header).not.toBe(PREVIEW_EVENT_ID);
    expect(ids(b).header).not.toBe(PREVIEW_EVENT_ID);
    expect(ids(a).header).not.toBe(ids(b).header);
    expect(ids(a).envelope).toBe(ids(a).header);
    expect(first.request.headers['X-Hookdesk-Event-Id']).toBe(ids(a).header);
    expect(first.sampleEventId).toBeNull();
    expect(second.sampleEventId).toBeNull();
    expect(JSON.parse(a?.text ?? '{}')).toMatchObject({ entityId: 'o-7', entity: { id: 'o-7' } });
  });

  it("the editor's sample (entity plus the stored event it came from) is named back, never sent as the id", async () => {
    const webhook = await t.client.createWebhook({ name: 'Editor', url: `${receiver.url}/editor`, events: [{ type: 'invoice.sent' }] });
    const stored = await t.client.publishEvent({ type: 'invoice.sent', entity: { id: 'inv_9' } });
    const storedId = stored.id;
    const named = await t.client.testWebhook(webhook.id, { event: { type: 'invoice.sent', entity: { id: 'inv_9' }, sampleEventId: storedId } });
    expect(named.sampleEventId).toBe(storedId);
    expect(named.request.headers['X-Hookdesk-Event-Id']).toMatch(/^evt_test_/);
    const mock = await t.client.testWebhook(webhook.id, { event: { type: 'invoice.sent', entity: { id: 'inv_9' }, sampleEventId: PREVIEW_EVENT_ID } });
    expect(mock.sampleEventId).toBeNull();
  });

  it('a test with no stored event of its type uses the built-in sample under a fresh id', async () => {
    const webhook = await t.client.createWebhook({ name: 'Mock', url: `${receiver.url}/mock`, events: [{ type: 'never.seen' }] });
    const invocation = await t.client.testWebhook(webhook.id);
    expect(invocation.sampleEventId).toBeNull();
    expect(ids(receiver.to('/mock')[0]).header).toMatch(/^evt_test_/);
  });
});
