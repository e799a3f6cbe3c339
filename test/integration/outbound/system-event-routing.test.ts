import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push } from '../inbound/inbound-helpers';
import { deliveriesSettle, settled } from './outbound-helpers';

const ONE_SHOT = { maxAttempts: 1, backoff: 'fixed', initialDelaySeconds: 0, maxDelaySeconds: 0, jitter: 0 } as const;
const typeOf = (text: string): string => (JSON.parse(text) as { eventType: string }).eventType;

describe("Hookdesk's own events reach only webhooks that name them", () => {
  let t: TestEngine;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestEngine();
    receiver = await Receiver.start((request) => (request.url === '/down' ? { status: 500, body: 'down' } : { body: { ok: true } }));
  });
  afterAll(async () => {
    await receiver.close();
    await t.dispose();
  });

  it('an "All events" order webhook gets the orders, not webhook.failed or connector.status_changed; a watcher that names them does', async () => {
    const orders = await t.client.createWebhook({ name: 'All orders', url: `${receiver.url}/all`, bodyTemplate: '{"order": {{json data}}}' });
    const catchAll = await t.client.createWebhook({ name: 'Catch all', url: `${receiver.url}/star`, events: [{ type: '*' }] });
    await t.client.createWebhook({ name: 'Watcher', url: `${receiver.url}/watch`, events: [{ type: 'webhook.failed' }, { type: 'connector.*' }] });
    const down = await t.client.createWebhook({ name: 'Down', url: `${receiver.url}/down`, events: [{ type: 'order.*' }], retry: ONE_SHOT });

    // Five failures in a row turn "Down" FAILED, which raises webhook.failed.
    for (let i = 0; i < 5; i += 1) await t.client.publishEvent({ type: 'order.created', entity: { n: i } });
    await deliveriesSettle(t, down.id, settled(5));
    // The connector's first event moves it from OFFLINE to ACTIVE: connector.status_changed.
    const connector = await createConnector(t.client, { name: 'Shop' });
    await push(connector.pushUrl, connector.apiKey, { event_type: 'order.paid', id: 9 });
    // 5 orders to each of three webhooks, order.paid to two ("Down" is FAILED: held), and the watcher's two.
    await receiver.waitFor(5 * 3 + 2 + 2);

    expect(receiver.to('/watch').map((r) => typeOf(r.text)).sort()).toEqual(['connector.status_changed', 'webhook.failed']);
    await deliveriesSettle(t, orders.id, settled(6));
    await deliveriesSettle(t, catchAll.id, settled(6));
    for (const webhook of [orders, catchAll]) {
      const types = (await t.client.listDeliveries(webhook.id)).items.map((d) => d.eventType);
      expect(types.sort()).toEqual([...Array(5).fill('order.created'), 'order.paid']);
    }
    expect(receiver.to('/all').every((r) => 'order' in (JSON.parse(r.text) as object))).toBe(true);
  });
});
