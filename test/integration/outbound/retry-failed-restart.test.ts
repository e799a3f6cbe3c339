import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import type { HookEvent } from '../../../shared/schemas/event';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { deliveriesSettle, settled } from './outbound-helpers';

const ONE_SHOT = { maxAttempts: 1, backoff: 'fixed', initialDelaySeconds: 0, maxDelaySeconds: 0, jitter: 0 } as const;
const eventIdOf = (r: { headers: Record<string, unknown> }): string => String(r.headers['x-hookdesk-event-id']);

describe('retries, FAILED, held deliveries and restart', () => {
  let t: TestEngine;
  let receiver: Receiver;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2026, 5, 1, 10, 0, 0));
    t = await startTestEngine({}, { clock });
    receiver = await Receiver.start();
  });
  afterEach(async () => {
    await receiver.close();
    await t.dispose();
  });

  it('retries on the schedule with backoff until the receiver answers 2xx, with one webhook-id for every attempt', async () => {
    let calls = 0;
    receiver.handler = () => ((calls += 1) <= 2 ? { status: 503, body: 'busy' } : { body: { ok: true } });
    const webhook = await t.client.createWebhook({
      name: 'Retrying',
      url: `${receiver.url}/r`,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      signature: 'standard-webhooks',
      retry: { maxAttempts: 5, backoff: 'exponential', initialDelaySeconds: 10, maxDelaySeconds: 60, jitter: 0 },
    });
    await t.client.publishEvent({ type: 'order.created' });
    let [delivery] = await deliveriesSettle(t, webhook.id, (l) => l[0]?.attempts.length === 1 && l[0].nextAttemptTime !== null);
    expect(delivery?.status).toBe('pending');
    expect(Date.parse(delivery?.nextAttemptTime ?? '') - clock.now()).toBe(10_000);
    clock.advance(9_999);
    expect(receiver.requests).toHaveLength(1);
    clock.advance(1);
    [delivery] = await deliveriesSettle(t, webhook.id, (l) => l[0]?.attempts.length === 2 && l[0].nextAttemptTime !== null);
    expect(Date.parse(delivery?.nextAttemptTime ?? '') - clock.now()).toBe(20_000);
    clock.advance(20_000);
    [delivery] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(delivery?.status).toBe('succeeded');
    expect(delivery?.attempts.map((a) => [a.attempt, a.response?.status, a.ok])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const view = await t.client.getWebhook(webhook.id);
    expect(view).toMatchObject({ state: 'ACTIVE', consecutiveFailures: 0, lastSuccessfulMessageDelivery: new Date(clock.now()).toISOString() });
    const stats = await t.client.webhookStats(webhook.id, '24h');
    expect(stats.buckets).toHaveLength(24);
    expect(stats.buckets.at(-1)).toMatchObject({ succeeded: 1, failed: 2 });
  });

  it('goes FAILED after 5 consecutive failures, holds what arrives in order, and restart sends each held event exactly once', async () => {
    receiver.handler = () => ({ status: 500, body: { error: 'down' } });
    const webhook = await t.client.createWebhook({ name: 'Fragile', url: `${receiver.url}/f`, retry: ONE_SHOT, events: [{ type: 'order.*' }] });
    await t.client.createWebhook({ name: 'Watcher', url: `${receiver.url}/watch`, events: [{ type: 'webhook.*' }] });
    const events: HookEvent[] = [];
    for (let i = 1; i <= 5; i += 1) {
      events.push(await t.client.publishEvent({ type: 'order.created', entity: { n: i } }));
      await deliveriesSettle(t, webhook.id, settled(i));
    }
    const failed = await t.client.getWebhook(webhook.id);
    expect(failed).toMatchObject({ state: 'FAILED', consecutiveFailures: 5 });
    for (let i = 6; i <= 8; i += 1) events.push(await t.client.publishEvent({ type: 'order.created', entity: { n: i } }));
    let list = await deliveriesSettle(t, webhook.id, settled(8));
    expect(receiver.to('/f')).toHaveLength(5);
    // Oldest first: four failed (no retries left), the fifth held by the FAILED state, three held on arrival.
    expect(list.reverse().map((d) => d.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'held', 'held', 'held', 'held']);
    await receiver.waitFor(6);
    expect(receiver.to('/watch').map((r) => JSON.parse(r.text).eventType)).toEqual(['webhook.failed']);

    // The FAILED state and the held deliveries survive an engine restart.
    t = await t.restart();
    expect(await t.client.getWebhook(webhook.id)).toMatchObject({ state: 'FAILED', consecutiveFailures: 5 });
    expect((await t.client.listDeliveries(webhook.id)).items.filter((d) => d.status === 'held')).toHaveLength(4);
    expect(receiver.to('/f')).toHaveLength(5);

    receiver.handler = () => ({ body: { ok: true } });
    const restarted = await t.client.restartWebhook(webhook.id);
    expect(restarted).toMatchObject({ state: 'ACTIVE', consecutiveFailures: 0 });
    list = await deliveriesSettle(t, webhook.id, (l) => l.length === 8 && l.every((d) => d.status === 'succeeded' || d.status === 'failed'));
    const sent = receiver.to('/f').slice(5).map(eventIdOf);
    expect(sent).toEqual(events.slice(4).map((e) => e.id));
    expect(list.filter((d) => d.status === 'succeeded')).toHaveLength(4);
    await receiver.waitFor(11);
    expect(receiver.to('/watch').map((r) => JSON.parse(r.text).eventType)).toEqual(['webhook.failed', 'webhook.restarted']);
  });

  it('a test does not move the failure state, whatever the target answers', async () => {
    receiver.handler = () => ({ status: 500, body: { error: 'down' } });
    const webhook = await t.client.createWebhook({ name: 'Tested', url: `${receiver.url}/t`, retry: ONE_SHOT });
    for (let i = 0; i < 6; i += 1) {
      const invocation = await t.client.testWebhook(webhook.id);
      expect(invocation).toMatchObject({ ok: false, response: { status: 500 } });
    }
    expect(await t.client.getWebhook(webhook.id)).toMatchObject({ state: 'ACTIVE', consecutiveFailures: 0 });
    expect((await t.client.listDeliveries(webhook.id)).items).toEqual([]);
  });

  it('records what a disabled webhook skipped, and redelivers a failed delivery as a new one', async () => {
    receiver.handler = () => ({ status: 500, body: 'no' });
    const webhook = await t.client.createWebhook({ name: 'Toggle', url: `${receiver.url}/d`, retry: ONE_SHOT });
    await t.client.publishEvent({ type: 'a' });
    const [first] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(first?.status).toBe('failed');
    await t.client.updateWebhook(webhook.id, { enabled: false });
    await t.client.publishEvent({ type: 'b' });
    const [skipped] = await deliveriesSettle(t, webhook.id, settled(2));
    expect(skipped).toMatchObject({ status: 'skipped', eventType: 'b', attempts: [] });
    expect(receiver.requests).toHaveLength(1);
    await t.client.updateWebhook(webhook.id, { enabled: true });
    receiver.handler = () => ({ body: { ok: true } });
    const again = await t.client.redeliver(first?.id ?? '');
    expect(again).toMatchObject({ trigger: 'manual', redeliveryOf: first?.id, eventId: first?.eventId });
    const [done] = await deliveriesSettle(t, webhook.id, settled(3));
    expect(done).toMatchObject({ id: again.id, status: 'succeeded' });
    expect(receiver.requests).toHaveLength(2);
  });

  it('keeps pending and held deliveries across an engine restart, and sends them afterwards', async () => {
    receiver.handler = () => ({ status: 503, body: 'later' });
    const webhook = await t.client.createWebhook({
      name: 'Durable',
      url: `${receiver.url}/p`,
      retry: { maxAttempts: 3, backoff: 'fixed', initialDelaySeconds: 30, maxDelaySeconds: 30, jitter: 0 },
    });
    const event = await t.client.publishEvent({ type: 'order.created' });
    await deliveriesSettle(t, webhook.id, (l) => l[0]?.attempts.length === 1);
    receiver.handler = () => ({ body: { ok: true } });
    t = await t.restart();
    const [pending] = await deliveriesSettle(t, webhook.id, (l) => l.length === 1);
    expect(pending).toMatchObject({ status: 'pending', attempts: [{ attempt: 1, ok: false }] });
    clock.advance(30_000);
    const [done] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(done?.status).toBe('succeeded');
    expect(receiver.requests.map(eventIdOf)).toEqual([event.id, event.id]);
  });
});
