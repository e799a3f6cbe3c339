import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { newId } from '../../../shared/ids';
import type { HookEvent } from '../../../shared/schemas/event';
import type { Invoker } from '../../../electron/engine/dispatch/invoker';
import { outboundBench } from '../../helpers/outbound-bench';
import type { Receiver } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import { deliveriesSettle, settled } from './outbound-helpers';

/** A body 10,000 levels deep: JSON.stringify throws a RangeError on it. */
function deepBody(depth = 10_000): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return { id: 'deep-1', ...value };
}

/**
 * The store refuses and prunes bodies past the depth bound, so a deep event no longer reaches the
 * dispatcher through it; the dispatcher guards anyway (memory, a future path). This puts one there:
 * events of `type` are read back with a deep body.
 */
function readDeep(t: TestEngine, type: string): void {
  const events = t.engine.store.events;
  const get = events.get.bind(events);
  events.get = (id: string) => {
    const event = get(id);
    return event?.type === type ? { ...event, body: deepBody() } : event;
  };
}

/** Stores an event as old data or another path would, past ingest's own checks; deliveries are planned in the same write. */
async function storeEvent(t: TestEngine, type: string, body: unknown): Promise<string> {
  const nowMs = Date.now();
  const event: HookEvent = {
    id: newId('evt', nowMs),
    connectorId: null,
    source: 'api',
    dataSource: 'generic',
    type,
    receivedTime: new Date(nowMs).toISOString(),
    headers: {},
    body,
    size: 0,
    remoteAddress: null,
  };
  await t.engine.store.events.append([event]);
  return event.id;
}

const healthy = async (t: TestEngine): Promise<number> => (await fetch(`${t.url}/healthz`)).status;

describe('a delivery that cannot be built fails once; others go on', () => {
  let t: TestEngine;
  let receiver: Receiver;
  outboundBench((bench) => ({ t, receiver } = bench), { clean: 'receiver-and-webhooks' });

  it('a deep event with a matching webhook: failed after one attempt with the reason, other deliveries sent, and not retried after a restart', async () => {
    const envelope = await t.client.createWebhook({ name: 'Envelope', url: `${receiver.url}/envelope`, events: [{ type: 'deep.*' }] });
    const picker = await t.client.createWebhook({ name: 'Picker', url: `${receiver.url}/picker`, events: [{ type: 'deep.*' }], bodyTemplate: '{"id": {{data.id}}}' });

    readDeep(t, 'deep.event');
    const deepId = await storeEvent(t, 'deep.event', { id: 'deep-1' });
    const [poisoned] = await deliveriesSettle(t, envelope.id, settled(1));
    expect(poisoned).toMatchObject({ eventId: deepId, status: 'failed' });
    expect(poisoned?.attempts).toHaveLength(1);
    expect(poisoned?.attempts[0]?.error).toMatch(/nested deeper than 256 levels.*Include the entity/);
    expect(poisoned?.note).toMatch(/not retried/);
    expect(receiver.to('/envelope')).toHaveLength(0);

    // The same event through a template that picks a field, and the next event to the same webhook, are sent.
    await deliveriesSettle(t, picker.id, settled(1));
    expect(JSON.parse(receiver.to('/picker')[0]?.text ?? '')).toEqual({ id: 'deep-1' });
    const nextId = await storeEvent(t, 'deep.fine', { id: 2 });
    const after = await deliveriesSettle(t, envelope.id, settled(2));
    expect(after.find((d) => d.eventId === nextId)?.status).toBe('succeeded');
    expect(await healthy(t)).toBe(200);

    t = await t.restart();
    expect(await healthy(t)).toBe(200);
    const again = t.engine.store.deliveries.get(poisoned?.id ?? '');
    expect(again).toMatchObject({ status: 'failed' });
    expect(again?.attempts).toHaveLength(1);
    expect(receiver.to('/envelope')).toHaveLength(1);
  });

  it('a 5,000-section template is refused on save with line and column; a template that explodes over the data stops with the reason', async () => {
    const deep = `{"x": ${'{{#a}}'.repeat(5000)}1${'{{/a}}'.repeat(5000)}}`;
    const refused = await t.client.createWebhook({ name: 'Nested', url: `${receiver.url}/nested`, bodyTemplate: deep }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 400, fields: { bodyTemplate: 'line 1, column 199: sections nest more than 32 deep here, the most a template may nest' } });

    const explosive = '{{#data.a}}{{#data.a}}{{#data.a}}{{#data.a}}{{#data.a}}{{.}}{{/data.a}}{{/data.a}}{{/data.a}}{{/data.a}}{{/data.a}}';
    const webhook = await t.client.createWebhook({
      name: 'Explosive',
      url: `${receiver.url}/explosive`,
      contentType: 'application/x-www-form-urlencoded',
      events: [{ type: 'boom' }],
      bodyTemplate: explosive,
    });
    const entity = { a: Array.from({ length: 20 }, (_, i) => i) };
    const test = await t.client.testWebhook(webhook.id, { event: { type: 'boom', entity } });
    expect(test).toMatchObject({ ok: false, response: null, bodyError: { source: 'template', line: 1 } });
    expect(test.error).toMatch(/more than 200,000 steps/);

    await storeEvent(t, 'boom', entity);
    const [delivery] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(delivery).toMatchObject({ status: 'failed' });
    expect(delivery?.attempts).toHaveLength(1);
    expect(receiver.to('/explosive')).toHaveLength(0);
    expect(await healthy(t)).toBe(200);
  });

  it('an attempt that throws (it should not) is recorded failed once, and the dispatcher goes on', async () => {
    const webhook = await t.client.createWebhook({ name: 'Throws', url: `${receiver.url}/throws`, events: [{ type: 'throw.*' }] });
    const dispatch = t.engine.modules.find((m) => m.name === 'dispatch') as unknown as { dispatcher: { deps: { invoker: Invoker } } };
    const invoker = dispatch.dispatcher.deps.invoker;
    const attempt = invoker.attempt.bind(invoker);
    invoker.attempt = (hook, event) => (event.type === 'throw.now' ? Promise.reject(new RangeError('Maximum call stack size exceeded')) : attempt(hook, event));

    const thrownId = await storeEvent(t, 'throw.now', {});
    const [failed] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(failed).toMatchObject({ eventId: thrownId, status: 'failed', attempts: [] });
    expect(failed?.note).toMatch(/unexpected error sending this delivery \(Maximum call stack size exceeded\), so it is not retried/);
    expect(await healthy(t)).toBe(200);
    await storeEvent(t, 'throw.later', {});
    const list = await deliveriesSettle(t, webhook.id, settled(2));
    expect(list.map((d) => d.status).sort()).toEqual(['failed', 'succeeded']);
    expect(t.logs.some((line) => line.includes('failed unexpectedly'))).toBe(true);
  });

  it('a 200-dot event type against a *.*.*.*.*.failed filter is matched at once and delivered to nobody', async () => {
    const webhook = await t.client.createWebhook({ name: 'Globs', url: `${receiver.url}/globs`, enabled: false, events: [{ type: '*.*.*.*.*.failed' }] });
    const published = await t.client.publishEvent({ type: '.'.repeat(200), entity: {} });
    expect(published.type).toHaveLength(200);
    expect(t.engine.store.deliveries.ofWebhook(webhook.id)).toHaveLength(0);
  });
});
