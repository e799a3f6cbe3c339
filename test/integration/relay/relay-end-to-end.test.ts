import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { deliveriesSettle, settled } from '../outbound/outbound-helpers';
import { createConnector, openStream, push, type OpenStream } from '../inbound/inbound-helpers';
import { forwardFinished } from './relay-helpers';

describe('relay end to end: push -> verified, forwarded, and routed to a webhook', () => {
  let t: TestEngine;
  let local: Receiver;
  let downstream: Receiver;
  let stream: OpenStream;
  beforeAll(async () => {
    t = await startTestEngine();
    local = await Receiver.start();
    downstream = await Receiver.start();
    stream = await openStream(t.client);
  });
  afterAll(async () => {
    stream.close();
    await Promise.all([local.close(), downstream.close()]);
    await t.dispose();
  });

  it('delivers the matching type to the webhook\'s receiver with a valid signature, and the rest only to the forward target', async () => {
    const connector = await createConnector(t.client, { typePath: '$.type' });
    const pushSecret = 'sender-signing-secret';
    await t.client.updateConnector(connector.id, { verification: { scheme: 'github', secret: pushSecret, verifyOn: 'push' }, forwardTo: { url: `${local.url}/dev` } });
    const key = randomBytes(24);
    const webhook = await t.client.createWebhook({
      name: 'Orders downstream',
      url: `${downstream.url}/orders`,
      events: [{ type: 'order.created' }],
      filters: { connectorIds: [connector.id] },
      includeEntity: true,
      signature: 'standard-webhooks',
      secret: `whsec_${key.toString('base64')}`,
    });

    const send = (text: string) => push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, text, { 'X-Hub-Signature-256': `sha256=${createHmac('sha256', pushSecret).update(text).digest('hex')}` });
    const order = '{"type": "order.created", "order": {"id": 7, "total": 12.5}}';
    const refund = '{"type": "refund.created", "refund": {"id": 3}}';
    const [orderId] = ((await send(order)).json as { ids: string[] }).ids;
    const [refundId] = ((await send(refund)).json as { ids: string[] }).ids;

    const [delivery] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(delivery).toMatchObject({ eventId: orderId, status: 'succeeded' });
    const got = downstream.to('/orders');
    expect(got).toHaveLength(1);
    const body = JSON.parse(got[0]!.text) as { eventId: string; eventType: string; entity: unknown };
    expect(body).toMatchObject({ eventId: orderId, eventType: 'order.created', entity: { type: 'order.created', order: { id: 7, total: 12.5 } } });
    const headers = got[0]!.headers as Record<string, string>;
    const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${got[0]!.text}`;
    expect(headers['webhook-signature']).toBe(`v1,${createHmac('sha256', key).update(signed).digest('base64')}`);

    await local.waitFor(2);
    expect(local.to('/dev').map((r) => r.text).sort()).toEqual([order, refund].sort());
    for (const id of [orderId!, refundId!]) {
      const event = await t.client.getEvent(id);
      const done = event.forward?.status === 'pending' ? await forwardFinished(stream, id) : event;
      expect(done.verification?.status).toBe('verified');
      expect(done.forward?.status).toBe('succeeded');
    }
  });
});
