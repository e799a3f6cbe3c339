import { describe, expect, it } from 'vitest';
import { outboundBench } from '../../helpers/outbound-bench';
import type { Receiver } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import type { Delivery } from '../../../shared/schemas/delivery';
import type { Webhook } from '../../../shared/schemas/webhook';
import { createConnector, openStream, push } from '../inbound/inbound-helpers';
import { deliveriesSettle, settled } from './outbound-helpers';

const HOSTILE = {
  name: 'Quote " backslash \\ newline \n tab \t </script> {{not.a.tag}}',
  emoji: 'naïve café 😀 \u2028 \u0000',
  list: [1, 'two', { three: [3] }, null],
};

describe('payload: templates, content types, filters; and the test button', () => {
  let t: TestEngine;
  let receiver: Receiver;
  outboundBench((bench) => ({ t, receiver } = bench), { clean: 'receiver-and-webhooks' });

  it('renders a template whose values are escaped where they land, so hostile data never breaks the JSON', async () => {
    const webhook = await t.client.createWebhook({
      name: 'Templated',
      url: `${receiver.url}/tpl`,
      bodyTemplate: '{\n  "text": "{{data.name}}",\n  "bare": {{data.emoji}},\n  "raw": {{json data.list}},\n  "items": [{{#data.list}}"{{.}}",{{/data.list}} "end"],\n  "type": "{{eventType}}"\n}',
    });
    await t.client.publishEvent({ type: 'user.created', entity: HOSTILE });
    await deliveriesSettle(t, webhook.id, settled(1));
    const [got] = receiver.to('/tpl');
    const body = JSON.parse(got?.text ?? '') as Record<string, unknown>;
    expect(body.text).toBe(HOSTILE.name);
    expect(body.bare).toBe(HOSTILE.emoji);
    expect(body.raw).toEqual(HOSTILE.list);
    expect(body.type).toBe('user.created');
    expect((body.items as unknown[]).at(-1)).toBe('end');
  });

  it('answers a test whose template renders broken JSON with the line and column, sending nothing', async () => {
    const webhook = await t.client.createWebhook({ name: 'Broken', url: `${receiver.url}/broken`, bodyTemplate: '{\n  "a": {{data.id}},\n  "b": oops\n}' });
    const invocation = await t.client.testWebhook(webhook.id, { event: { type: 'x', entity: { id: 7 } } });
    expect(invocation.ok).toBe(false);
    expect(invocation.response).toBeNull();
    expect(invocation.bodyError).toMatchObject({ source: 'body', line: 3 });
    expect(invocation.error).toMatch(/line 3, column \d+/);
    expect(receiver.to('/broken')).toHaveLength(0);
  });

  it('tests with a given event or a mock of the webhook\'s event type, and reports validators', async () => {
    receiver.handler = () => ({ status: 202, body: { status: 'queued', id: 'r-1' } });
    const webhook = await t.client.createWebhook({
      name: 'Validated',
      url: `${receiver.url}/v`,
      events: [{ type: 'webhook.failed' }],
      validators: [
        { path: '$.id', expected: [] },
        { path: '$.status', expected: ['accepted'] },
      ],
    });
    const invocation = await t.client.testWebhook(webhook.id);
    expect(invocation).toMatchObject({
      ok: false,
      response: { status: 202, body: '{"status":"queued","id":"r-1"}' },
      validators: [
        { path: '$.id', actual: 'r-1', ok: true },
        { path: '$.status', expected: ['accepted'], actual: 'queued', ok: false },
      ],
    });
    expect(invocation.error).toMatch(/validator/);
    const sent = JSON.parse(receiver.to('/v')[0]?.text ?? '') as { eventType: string; entity: { state: string } };
    expect(sent.eventType).toBe('webhook.failed');
    expect(sent.entity.state).toBe('FAILED');
    receiver.handler = () => ({ body: { status: 'accepted', id: 'r-2' } });
    const passing = await t.client.testWebhook(webhook.id, { event: { type: 'order.paid', entity: { id: 'o-1' } } });
    expect(passing.ok).toBe(true);
    expect(JSON.parse(passing.request.body ?? '')).toMatchObject({ eventType: 'order.paid', entityId: 'o-1' });
  });

  it('sends form-urlencoded bodies, GET without a body, and parses JSON held in a string with jsonPayloadEnabled', async () => {
    // Not "all": the connector's first event also raises connector.status_changed (OFFLINE -> ACTIVE).
    const events = [{ type: 'user.created' }, { type: 'embedded' }];
    const form = await t.client.createWebhook({ name: 'Form', url: `${receiver.url}/form`, events, contentType: 'application/x-www-form-urlencoded', includeEntity: false });
    const get = await t.client.createWebhook({ name: 'Get', url: `${receiver.url}/get?x=1`, events, method: 'GET' });
    const json = await t.client.createWebhook({ name: 'Json', url: `${receiver.url}/json`, events, jsonPayloadEnabled: true, bodyTemplate: '{"who": "{{data.user.name}}"}' });
    const connector = await createConnector(t.client);
    await push(connector.pushUrl, connector.apiKey, { event_type: 'user.created', user: 1 });
    await t.client.publishEvent({ type: 'embedded', entity: JSON.stringify({ user: { name: 'Ada' } }) });
    await Promise.all([form, get, json].map((w) => deliveriesSettle(t, w.id, settled(2))));
    const formBody = new URLSearchParams(receiver.to('/form')[0]?.text);
    expect(formBody.get('eventType')).toBe('user.created');
    expect(receiver.to('/form')[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(receiver.to('/get').map((r) => [r.method, r.url, r.body.length])).toEqual([
      ['GET', '/get?x=1', 0],
      ['GET', '/get?x=1', 0],
    ]);
    expect(JSON.parse(receiver.to('/json')[1]?.text ?? '')).toEqual({ who: 'Ada' });
  });

  it('routes connector events through events and filters (globs, connector, data source, severity)', async () => {
    const shop = await createConnector(t.client, { dataSource: 'Shopify' });
    const other = await createConnector(t.client, { dataSource: 'Stripe' });
    const byType = await t.client.createWebhook({ name: 'Orders only', url: `${receiver.url}/type`, events: [{ type: 'orders.*' }] });
    const byConnector = await t.client.createWebhook({ name: 'Shop only', url: `${receiver.url}/con`, filters: { connectorIds: [shop.id] } });
    const bySource = await t.client.createWebhook({ name: 'Stripe only', url: `${receiver.url}/src`, filters: { dataSources: ['stripe'] } });
    await push(shop.pushUrl, shop.apiKey, [{ event_type: 'orders.create' }, { event_type: 'products.update' }]);
    await push(other.pushUrl, other.apiKey, { type: 'orders.paid' });
    await deliveriesSettle(t, byType.id, settled(2));
    await deliveriesSettle(t, byConnector.id, settled(2));
    await deliveriesSettle(t, bySource.id, settled(1));
    const types = (path: string) => receiver.to(path).map((r) => r.headers['x-hookdesk-event']).sort();
    expect(types('/type')).toEqual(['orders.create', 'orders.paid']);
    expect(types('/con')).toEqual(['orders.create', 'products.update']);
    expect(types('/src')).toEqual(['orders.paid']);
  });

  it('raises connector.status_changed when a connector receives its first event', async () => {
    const watcher = await t.client.createWebhook({ name: 'Status', url: `${receiver.url}/status`, events: [{ type: 'connector.status_changed' }] });
    const connector = await createConnector(t.client, { name: 'Fresh one' });
    await push(connector.pushUrl, connector.apiKey, { event_type: 'ping' });
    await deliveriesSettle(t, watcher.id, settled(1));
    const body = JSON.parse(receiver.to('/status')[0]?.text ?? '') as { entity: Record<string, unknown>; entityUrl: string };
    expect(body.entity).toMatchObject({ id: connector.id, name: 'Fresh one', previousStatus: 'OFFLINE', status: 'ACTIVE' });
    expect(body.entityUrl).toBe(`${t.url}/api/v1/connectors/${connector.id}`);
  });

  it('gives up on a receiver that does not answer within the timeout, and says so', async () => {
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    receiver.handler = async () => {
      await answered;
      return { body: { late: true } };
    };
    const webhook = await t.client.createWebhook({ name: 'Slow', url: `${receiver.url}/slow`, timeoutSeconds: 1 });
    const invocation = await t.client.testWebhook(webhook.id);
    release();
    expect(invocation).toMatchObject({ ok: false, response: null });
    expect(invocation.error).toMatch(/within 1 s .*timeoutSeconds/);
  });

  it('streams webhook.updated and delivery.updated live, without secrets', async () => {
    const stream = await openStream(t.client);
    try {
      const webhook = await t.client.createWebhook({ name: 'Streamed', url: `${receiver.url}/live`, secret: 'stream-secret-value-0001' });
      const created = await stream.next((m) => m.name === 'webhook.updated' && (m.data as Webhook).id === webhook.id);
      expect(JSON.stringify(created.data)).not.toContain('stream-secret-value-0001');
      await t.client.publishEvent({ type: 'live.one' });
      const done = await stream.next((m) => m.name === 'delivery.updated' && (m.data as Delivery).webhookId === webhook.id && (m.data as Delivery).status === 'succeeded');
      expect(done.data).toMatchObject({ eventType: 'live.one', attempt: 1, responseStatus: 200 });
      await t.client.deleteWebhook(webhook.id);
      await stream.next((m) => m.name === 'webhook.updated' && (m.data as { id: string; deleted?: boolean }).deleted === true);
    } finally {
      stream.close();
    }
  });

  it('lists event types and gives a sample of each for completion', async () => {
    const { items } = await t.client.eventTypes();
    expect(items.map((i) => i.type)).toEqual(expect.arrayContaining(['orders.create', 'connector.status_changed', 'webhook.failed']));
    const sample = await t.client.eventSample('orders.create');
    expect(sample).toMatchObject({ type: 'orders.create', body: { event_type: 'orders.create' } });
    const system = await t.client.eventSample('webhook.restarted');
    expect(system.body).toMatchObject({ state: 'ACTIVE', previousState: 'FAILED' });
  });
});
