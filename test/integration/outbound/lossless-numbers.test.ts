import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../shared/schemas/event';
import type { Webhook } from '../../../shared/schemas/webhook';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest } from '../inbound/inbound-helpers';
import { deliveriesSettle, settled } from './outbound-helpers';

/**
 * Issue 12, "Numbers lose digits on the webhook path": a payment-style id past double precision,
 * 2^53 + 1 and a price with its trailing zero must reach receivers exactly as the sender wrote them,
 * by delivery, Send test and replay, also after the engine restarts. Compared as raw text.
 */
const SENT = '{"id":12345678901234567890123,"repository":{"id":9007199254740993},"price":1.10}';
const EDITED = '{"id":12345678901234567890124,"price":2.50}';

describe('numbers as the sender wrote them, on the webhook path', () => {
  let t: TestEngine;
  let receiver: Receiver;
  let connector: Awaited<ReturnType<typeof createConnector>>;
  let envelope: Webhook;
  let templated: Webhook;

  /** The one request that arrived at `path` after `before` requests there. */
  async function nextAt(path: string, before: number): Promise<string> {
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (receiver.to(path).length > before) resolve();
        else void receiver.waitFor(receiver.requests.length + 1).then(check);
      };
      check();
    });
    return receiver.to(path)[before]!.text;
  }

  /** The entity slice of a default envelope, as raw text. */
  const entityText = (body: string): string => body.slice(body.indexOf('"entity":') + '"entity":'.length, body.indexOf(',"entityUrl"'));

  async function latestEvent(): Promise<HookEvent> {
    const [event] = (await t.client.listEvents({ connectorId: connector.id, pageSize: 1 })).items;
    return event!;
  }

  beforeAll(async () => {
    t = await startTestEngine();
    receiver = await Receiver.start();
    connector = await createConnector(t.client);
    envelope = await t.client.createWebhook({ name: 'Envelope', url: `${receiver.url}/envelope`, events: [{ type: 'generic' }] });
    templated = await t.client.createWebhook({ name: 'Json data', url: `${receiver.url}/json`, events: [{ type: 'generic' }], bodyTemplate: '{"data": {{json data}}, "id": "{{data.id}}"}' });
  });
  afterAll(async () => {
    await receiver.close();
    await t.dispose();
  });

  it('delivers a pushed body digit for digit through the default envelope and {{json data}}', async () => {
    const answer = await push(connector.pushUrl, connector.apiKey, SENT);
    expect(answer.status).toBe(200);
    const [viaEnvelope, viaTemplate] = await Promise.all([nextAt('/envelope', 0), nextAt('/json', 0)]);
    expect(entityText(viaEnvelope)).toBe(SENT);
    expect(viaEnvelope).toContain('"entityId":"12345678901234567890123"');
    expect(viaTemplate).toBe(`{"data": ${SENT}, "id": "12345678901234567890123"}`);
  });

  it('keeps the digits of each event of a batch', async () => {
    const second = '{"id":9007199254740993,"price":0.10}';
    await push(connector.pushUrl, connector.apiKey, `[${SENT}, ${second}]`);
    const texts = await Promise.all([nextAt('/json', 1), nextAt('/json', 2)]);
    expect(texts.sort()).toEqual([`{"data": ${SENT}, "id": "12345678901234567890123"}`, `{"data": ${second}, "id": "9007199254740993"}`].sort());
  });

  it('delivers a captured body digit for digit', async () => {
    const before = receiver.to('/json').length;
    const answer = await rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: SENT });
    expect(answer.status).toBe(200);
    expect(await nextAt('/json', before)).toBe(`{"data": ${SENT}, "id": "12345678901234567890123"}`);
    await deliveriesSettle(t, templated.id, settled(4));
  });

  it('Send test with the stored event sends its digits, whether the editor sends the body back or not', async () => {
    const latest = await latestEvent();
    for (const input of [{}, { event: { type: 'generic' } }, { event: { type: 'generic', entity: latest.body } }]) {
      const before = receiver.to('/envelope').length;
      const invocation = await t.client.testWebhook(envelope.id, input);
      expect(invocation.ok).toBe(true);
      expect(entityText(await nextAt('/envelope', before))).toBe(SENT);
    }
  });

  it('replays to a webhook and to a URL with the digits; an edited body goes out as typed', async () => {
    await push(connector.pushUrl, connector.apiKey, SENT);
    await deliveriesSettle(t, templated.id, settled(5));
    const event = await latestEvent();
    expect(event.bodyJson).toBe(SENT);

    let before = receiver.to('/json').length;
    await t.client.replayEvent(event.id, { target: 'webhook', webhookId: templated.id });
    expect(await nextAt('/json', before)).toBe(`{"data": ${SENT}, "id": "12345678901234567890123"}`);

    before = receiver.to('/json').length;
    await t.client.replayEvent(event.id, { target: 'webhook', webhookId: templated.id, body: EDITED });
    expect(await nextAt('/json', before)).toBe(`{"data": ${EDITED}, "id": "12345678901234567890124"}`);

    before = receiver.to('/url').length;
    await t.client.replayEvent(event.id, { target: 'url', url: `${receiver.url}/url` });
    expect(await nextAt('/url', before)).toBe(SENT);
  });

  it('still sends the digits after a restart: redelivery, Send test and replay', async () => {
    const pushed = await latestEvent();
    const [delivery] = (await t.client.listDeliveries(templated.id, { pageSize: 1 })).items;
    t = await t.restart();
    connector = { ...connector, pushUrl: (await t.client.getConnector(connector.id)).pushUrl };

    const reloaded = await t.client.getEvent(pushed.id);
    expect(reloaded.bodyJson).toBe(SENT);

    let before = receiver.to('/json').length;
    await t.client.redeliver(delivery!.id);
    expect(await nextAt('/json', before)).toBe(`{"data": ${SENT}, "id": "12345678901234567890123"}`);

    before = receiver.to('/envelope').length;
    await t.client.testWebhook(envelope.id, {});
    expect(entityText(await nextAt('/envelope', before))).toBe(SENT);

    before = receiver.to('/envelope').length;
    await t.client.replayEvent(pushed.id, { target: 'webhook', webhookId: envelope.id });
    expect(entityText(await nextAt('/envelope', before))).toBe(SENT);
  });

  it('keeps no second copy of a body whose numbers read back as written', async () => {
    await push(connector.pushUrl, connector.apiKey, '{"id":42,"price":1.5,"note":"1.10 in a string"}');
    await deliveriesSettle(t, templated.id, settled(7));
    const event = await latestEvent();
    expect(event.body).toEqual({ id: 42, price: 1.5, note: '1.10 in a string' });
    expect(event).not.toHaveProperty('bodyJson');
  });
});
