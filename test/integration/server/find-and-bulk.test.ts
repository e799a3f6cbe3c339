import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../shared/schemas/event';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, openStream, push, rawRequest, type OpenStream } from '../inbound/inbound-helpers';
import { deliveriesSettle } from '../outbound/outbound-helpers';
import { closedPort, forwardFinished } from '../relay/relay-helpers';

const ONE_SHOT = { maxAttempts: 1, backoff: 'fixed', initialDelaySeconds: 0, maxDelaySeconds: 0, jitter: 0 } as const;
const GITHUB_SECRET = 'find-and-bulk-secret';

/** Ids of the events a filter finds, newest first. */
async function idsFor(t: TestEngine, query: Parameters<TestEngine['client']['listEvents']>[0]): Promise<string[]> {
  return (await t.client.listEvents({ pageSize: 500, ...query })).items.map((e) => e.id);
}

describe('finding events: type glob and prefix, id, header, body, any text, relay status (GET /events)', () => {
  let t: TestEngine;
  let stream: OpenStream;
  const byName: Record<string, HookEvent> = {};
  let connectorId = '';
  let githubId = '';

  beforeAll(async () => {
    t = await startTestEngine();
    stream = await openStream(t.client);
    const shop = await createConnector(t.client, { name: 'Shop' });
    connectorId = shop.id;
    const pushOne = async (name: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<void> => {
      const answer = await push(shop.pushUrl, shop.apiKey, body, headers);
      const id = (answer.json as { ids: string[] }).ids[0] as string;
      byName[name] = await t.client.getEvent(id);
    };
    await pushOne('paid', { type: 'invoice.paid', amount: 10, note: 'first light' }, { 'x-tenant': 'acme' });
    await pushOne('invFailed', { type: 'invoice.failed', amount: 11 }, { 'x-tenant': 'globex' });
    await pushOne('created', { type: 'order.created', total: 5, items: [] });
    await pushOne('drifted', { type: 'order.created', total: '5.00', coupon: 'X' });
    await pushOne('shipped', { type: 'order.shipped', carrier: 'Needle Express' });

    // A GitHub connector that verifies: one request signed right, one signed wrong.
    const github = await createConnector(t.client, { name: 'GitHub' });
    githubId = github.id;
    await t.client.updateConnector(github.id, { verification: { scheme: 'github', secret: GITHUB_SECRET } });
    const body = Buffer.from(JSON.stringify({ action: 'opened', number: 7 }));
    const signed = (secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    for (const [name, secret] of [['verified', GITHUB_SECRET], ['forged', 'wrong-secret']] as const) {
      const answer = await rawRequest(github.captureUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-GitHub-Event': 'pull_request', 'X-Hub-Signature-256': signed(secret) },
        body,
      });
      expect(answer.status).toBe(200);
      byName[name] = (await t.client.listEvents({ connectorId: github.id, pageSize: 1 })).items[0] as HookEvent;
    }

    // A connector that forwards to a port where nothing listens: its forward fails.
    const relay = await createConnector(t.client, { name: 'Relay' });
    await t.client.updateConnector(relay.id, { forwardTo: { url: `http://127.0.0.1:${await closedPort()}/in` } });
    const answer = await rawRequest(relay.captureUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"ping"}' });
    expect(answer.status).toBe(200);
    const id = (await t.client.listEvents({ connectorId: relay.id, pageSize: 1 })).items[0]?.id as string;
    byName.unforwarded = await forwardFinished(stream, id);
  });
  afterAll(async () => {
    stream.close();
    await t.dispose();
  });

  it('finds types by prefix ("invoice" finds invoice.paid) and by glob ("order.*", "*.failed"), ignoring case', async () => {
    expect(await idsFor(t, { type: 'invoice' })).toEqual([byName.invFailed?.id, byName.paid?.id]);
    expect(await idsFor(t, { type: 'INVOICE.P' })).toEqual([byName.paid?.id]);
    expect(await idsFor(t, { type: 'order.*' })).toEqual([byName.shipped?.id, byName.drifted?.id, byName.created?.id]);
    expect(await idsFor(t, { type: '*.failed' })).toEqual([byName.invFailed?.id]);
    expect(await idsFor(t, { type: 'order.?reated', connectorId })).toEqual([byName.drifted?.id, byName.created?.id]);
    expect(await idsFor(t, { type: 'refund' })).toEqual([]);
  });

  it('finds an event by the start of its id, by a header name, value or "name: value" line, and by body text', async () => {
    const paid = byName.paid as HookEvent;
    expect(await idsFor(t, { id: paid.id })).toEqual([paid.id]);
    expect(await idsFor(t, { id: paid.id.slice(0, -3), connectorId })).toContain(paid.id);
    expect(await idsFor(t, { header: 'X-Tenant' })).toEqual([byName.invFailed?.id, paid.id]);
    expect(await idsFor(t, { header: 'globex' })).toEqual([byName.invFailed?.id]);
    expect(await idsFor(t, { header: 'x-tenant: acme' })).toEqual([paid.id]);
    expect(await idsFor(t, { header: 'x-github-event: pull_request' })).toEqual([byName.forged?.id, byName.verified?.id]);
    expect(await idsFor(t, { q: 'needle express' })).toEqual([byName.shipped?.id]);
  });

  it('"text" finds the same words in an id, a type, a header or a body', async () => {
    expect(await idsFor(t, { text: 'first light' })).toEqual([byName.paid?.id]);
    expect(await idsFor(t, { text: 'acme' })).toEqual([byName.paid?.id]);
    expect(await idsFor(t, { text: 'shipped' })).toEqual([byName.shipped?.id]);
    expect(await idsFor(t, { text: (byName.created as HookEvent).id })).toEqual([byName.created?.id]);
  });

  it('filters by relay status: verified, signature failed, forward failed, shape changed', async () => {
    expect(await idsFor(t, { status: 'verified' })).toEqual([byName.verified?.id]);
    expect(await idsFor(t, { status: 'signature-failed' })).toEqual([byName.forged?.id]);
    expect(await idsFor(t, { status: 'forward-failed' })).toEqual([byName.unforwarded?.id]);
    expect(await idsFor(t, { status: 'shape-changed' })).toEqual([byName.drifted?.id]);
    expect(await idsFor(t, { status: 'signature-failed', connectorId: githubId, type: 'pull' })).toEqual([byName.forged?.id]);
  });

  it('refuses an unknown status and an over-long pattern with 400 naming the field', async () => {
    await expect(t.client.listEvents({ status: 'lost' as never })).rejects.toMatchObject({ status: 400, code: 'validation_failed', fields: { status: expect.stringContaining('verified') } });
    await expect(t.client.listEvents({ type: `${'*a'.repeat(150)}` })).rejects.toMatchObject({ status: 400, fields: { type: 'must be at most 200 characters' } });
  });

  it('matches a 200-character glob against a 200-character type at once (no backtracking blow-up)', async () => {
    const shop = await createConnector(t.client, { name: 'Dots' });
    await push(shop.pushUrl, shop.apiKey, { type: `${'a.'.repeat(99)}b` });
    const started = performance.now();
    expect(await idsFor(t, { type: `${'*a.'.repeat(66)}z`, connectorId: shop.id })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('deleting events: one, or many at once (DELETE /events/:id, POST /events/bulk-delete)', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('deletes the named events durably, says which ids were not there, keeps the counts, and tells open pages', async () => {
    const shop = await createConnector(t.client, { name: 'Bulk' });
    const answer = await push(shop.pushUrl, shop.apiKey, Array.from({ length: 6 }, (_, i) => ({ type: `bulk.${i}` })));
    const ids = (answer.json as { ids: string[] }).ids;
    const stream = await openStream(t.client);
    const result = await t.client.deleteEvents([ids[0] as string, ids[2] as string, ids[2] as string, 'evt_gone']);
    expect(result).toEqual({ deleted: [ids[0], ids[2]], notFound: ['evt_gone'] });
    const message = await stream.next((m) => m.name === 'events.deleted');
    stream.close();
    expect(message.data).toEqual({ ids: [ids[0], ids[2]] });
    const left = [ids[5], ids[4], ids[3], ids[1]];
    expect(await idsFor(t, { connectorId: shop.id })).toEqual(left);
    expect((await t.client.getConnector(shop.id)).eventCount).toBe(6);

    t = await t.restart();
    expect(await idsFor(t, { connectorId: shop.id })).toEqual(left);
    await expect(t.client.getEvent(ids[0] as string)).rejects.toMatchObject({ status: 404 });
  });

  it('deletes one event (204), then answers 404 for it', async () => {
    const event = await t.client.publishEvent({ type: 'one.to.delete' });
    await t.client.deleteEvent(event.id);
    await expect(t.client.deleteEvent(event.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await idsFor(t, { type: 'one.to.delete' })).toEqual([]);
  });

  it('refuses an empty or oversized id list with 400', async () => {
    await expect(t.client.deleteEvents([])).rejects.toMatchObject({ status: 400, fields: { ids: 'must name at least one event' } });
    const tooMany = Array.from({ length: 10_001 }, (_, i) => `evt_${i}`);
    await expect(t.client.deleteEvents(tooMany)).rejects.toMatchObject({ status: 400, fields: { ids: 'must name at most 10000 events' } });
  });
});

describe('deliveries: paged and filtered by status, code and event type (GET /webhooks/:id/deliveries)', () => {
  let t: TestEngine;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestEngine();
    // Orders are accepted, invoices refused with 404: every other request fails, so the webhook never reaches FAILED.
    receiver = await Receiver.start((request) => ({ status: request.text.includes('"invoice.') ? 404 : 200, body: {} }));
  });
  afterAll(async () => {
    await receiver.close();
    await t.dispose();
  });

  it('answers "100 of 130" pages and filters that combine', async () => {
    const webhook = await t.client.createWebhook({ name: 'Paged', url: `${receiver.url}/in`, retry: ONE_SHOT });
    for (let i = 0; i < 65; i += 1) {
      await t.client.publishEvent({ type: 'order.created', entity: { i } });
      await t.client.publishEvent({ type: 'invoice.paid', entity: { i } });
    }
    await deliveriesSettle(t, webhook.id, (list) => list.length === 130 && list.every((d) => d.status !== 'pending'));

    const first = await t.client.listDeliveries(webhook.id, { pageSize: 100 });
    expect(first).toMatchObject({ page: 1, pageAmount: 2, total: 130 });
    expect(first.items).toHaveLength(100);
    const second = await t.client.listDeliveries(webhook.id, { pageSize: 100, page: 2 });
    expect(second.items).toHaveLength(30);
    expect(new Set([...first.items, ...second.items].map((d) => d.id)).size).toBe(130);

    const failed = await t.client.listDeliveries(webhook.id, { status: 'failed', pageSize: 500 });
    expect(failed.total).toBe(65);
    expect(failed.items.every((d) => d.eventType === 'invoice.paid' && d.responseStatus === 404)).toBe(true);
    expect((await t.client.listDeliveries(webhook.id, { code: '4xx' })).total).toBe(65);
    expect((await t.client.listDeliveries(webhook.id, { code: '200' })).total).toBe(65);
    expect((await t.client.listDeliveries(webhook.id, { code: 'none' })).total).toBe(0);
    expect((await t.client.listDeliveries(webhook.id, { eventType: 'order' })).total).toBe(65);
    expect((await t.client.listDeliveries(webhook.id, { eventType: '*.paid', status: 'succeeded' })).total).toBe(0);
    await expect(t.client.listDeliveries(webhook.id, { code: '42' })).rejects.toMatchObject({ status: 400, fields: { code: 'must be a status code (404), a class (5xx) or none' } });
  });
});
