import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import { ApiError } from '../../../shared/api/api-error';
import type { Connector, ConnectorSecrets } from '../../../shared/schemas/connector';
import type { HookEvent } from '../../../shared/schemas/event';
import type { InferredSchema } from '../../../shared/schemas/replay';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest } from '../inbound/inbound-helpers';

/** Pushes one body (or a batch) to this engine (its port changes on restart) and answers the stored events, in order. */
async function pushed(t: TestEngine, con: ConnectorSecrets, body: unknown): Promise<HookEvent[]> {
  const answer = await push(`${t.url}/api/1.0/webhook/push`, con.apiKey, body);
  expect(answer.status).toBe(200);
  const { ids } = answer.json as { ids: string[] };
  return Promise.all(ids.map((id) => t.client.getEvent(id)));
}

async function schemaOf(t: TestEngine, connectorId: string, type: string): Promise<InferredSchema | undefined> {
  const page = await t.client.connectorSchemas(connectorId, { pageSize: 500 });
  return page.items.find((s) => s.type === type);
}

async function notFound(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(404);
  expect((error as ApiError).code).toBe('not_found');
}

describe('inferred schemas and shape drift (API.md, Relay: GET /connectors/:id/schemas)', () => {
  let t: TestEngine;
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 9, 0, 0));

  beforeAll(async () => {
    t = await startTestEngine({}, { clock });
  });
  afterAll(() => t.dispose());

  it('merges the shapes of one type into a JSON Schema, and marks the drifted events only', async () => {
    const con = await createConnector(t.client);
    const [first] = await pushed(t, con, { type: 'order.created', id: 'o1', amount: 10, createdAt: '2026-03-01T09:00:00Z', customer: { email: 'a@example.com', vip: false }, items: [{ sku: 'A', qty: 1 }] });
    clock.advance(60_000);
    const [conforming] = await pushed(t, con, { type: 'order.created', id: 'o2', amount: 12, createdAt: '2026-03-01T09:01:00Z', customer: { email: 'b@example.com', vip: true }, items: [] });
    clock.advance(60_000);
    const [drifted] = await pushed(t, con, { type: 'order.created', id: 'o3', amount: '13.50', createdAt: '2026-03-01T09:02:00Z', customer: { vip: true, phone: '+47 1' }, items: [{ sku: 'B', qty: 2, gift: true }], coupon: { code: 'X' } });

    expect(first?.drift ?? null).toBeNull();
    expect(conforming?.drift ?? null).toBeNull();
    expect(drifted?.drift).toEqual({
      added: ['$.customer.phone', '$.items[*].gift', '$.coupon'],
      missing: ['$.customer.email'],
      changed: [{ path: '$.amount', was: 'integer', now: 'string' }],
    });

    const inferred = await schemaOf(t, con.id, 'order.created');
    expect(inferred).toMatchObject({ type: 'order.created', eventCount: 3, firstSeenTime: '2026-03-01T09:00:00.000Z', lastSeenTime: '2026-03-01T09:02:00.000Z' });
    expect(inferred?.schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        type: { type: 'string' },
        id: { type: 'string' },
        amount: { type: ['integer', 'string'] },
        createdAt: { type: 'string', format: 'date-time' },
        customer: {
          type: 'object',
          properties: { email: { type: 'string' }, vip: { type: 'boolean' }, phone: { type: 'string' } },
          required: ['vip'],
        },
        items: {
          type: 'array',
          items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer' }, gift: { type: 'boolean' } }, required: ['sku', 'qty'] },
        },
        coupon: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
      },
      required: ['type', 'id', 'amount', 'createdAt', 'customer', 'items'],
    });
    // The list of events carries the mark too.
    const listed = await t.client.listEvents({ connectorId: con.id });
    expect(listed.items.find((e) => e.id === drifted?.id)?.drift?.missing).toEqual(['$.customer.email']);
  });

  it('keeps one schema per type, sorted by type and paged; a batch drifts within itself; capture bodies count too', async () => {
    const con = await createConnector(t.client);
    const events = await pushed(t, con, [
      { type: 'b.second', n: 1 },
      { type: 'a.first', x: 'x' },
      { type: 'b.second', n: 2, extra: true },
    ]);
    expect(events.map((e) => e.drift ?? null)).toEqual([null, null, { added: ['$.extra'], missing: [], changed: [] }]);
    const captured = await rawRequest(`${con.captureUrl}/hooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'a.first', x: 1 }) });
    expect(captured.status).toBe(200);
    const capturedEvent = (await t.client.listEvents({ connectorId: con.id, pageSize: 1 })).items[0];
    expect(capturedEvent?.drift).toEqual({ added: [], missing: [], changed: [{ path: '$.x', was: 'string', now: 'integer' }] });

    // A bodyless capture (a GET) has no shape: no schema for its type.
    expect((await rawRequest(`${con.captureUrl}/ping`)).status).toBe(200);
    expect((await t.client.listEvents({ connectorId: con.id, pageSize: 1 })).items[0]).toMatchObject({ method: 'GET', type: 'generic' });

    const page1 = await t.client.connectorSchemas(con.id, { pageSize: 1 });
    expect(page1).toMatchObject({ page: 1, pageAmount: 2, items: [{ type: 'a.first', eventCount: 2 }] });
    const page2 = await t.client.connectorSchemas(con.id, { page: 2, pageSize: 1 });
    expect(page2.items.map((s) => [s.type, s.eventCount])).toEqual([['b.second', 2]]);
    const bad = await rawRequest(`${t.url}/api/v1/connectors/${con.id}/schemas?pageSize=0`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({ code: 'validation_failed', fields: { pageSize: expect.any(String) } });
  });

  it('does not infer published or system events', async () => {
    await t.client.publishEvent({ type: 'order.created', entity: { only: 'published' } });
    const con = await createConnector(t.client);
    expect((await t.client.connectorSchemas(con.id)).items).toEqual([]);
  });

  it('keeps schemas when events are cleared, and drops them with the connector (then 404)', async () => {
    const con = await createConnector(t.client);
    await pushed(t, con, { type: 'user.created', id: 1 });
    await t.client.clearEvents(con.id);
    expect((await schemaOf(t, con.id, 'user.created'))?.eventCount).toBe(1);
    const [after] = await pushed(t, con, { type: 'user.created', id: 2, name: 'n' });
    expect(after?.drift?.added).toEqual(['$.name']);

    await t.client.deleteConnector(con.id);
    await notFound(t.client.connectorSchemas(con.id));
    await notFound(t.client.connectorSchemas('con_unknown'));
    expect(t.engine.store.schemas.ofConnector(con.id)).toEqual([]);
  });
});

describe('inferred schemas across a restart', () => {
  it('survive it with exact counts and keep marking drift against the shapes from before', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 2, 9, 0, 0));
    let t = await startTestEngine({}, { clock });
    try {
      const con: Connector & ConnectorSecrets = await createConnector(t.client);
      await pushed(t, con, { type: 'invoice.paid', id: 'i1', total: 5, lines: [{ sku: 'a' }] });
      // Conforming events after the last shape change: no schema record of their own, still counted after the restart.
      for (let i = 0; i < 3; i += 1) {
        clock.advance(1_000);
        await pushed(t, con, { type: 'invoice.paid', id: `i${i + 2}`, total: 6, lines: [] });
      }
      const before = await schemaOf(t, con.id, 'invoice.paid');
      expect(before).toMatchObject({ eventCount: 4, lastSeenTime: '2026-03-02T09:00:03.000Z' });

      t = await t.restart();
      const after = await schemaOf(t, con.id, 'invoice.paid');
      expect(after).toEqual(before);

      clock.advance(1_000);
      const [conforming] = await pushed(t, con, { type: 'invoice.paid', id: 'i9', total: 7, lines: [{ sku: 'b' }] });
      expect(conforming?.drift ?? null).toBeNull();
      const [drifted] = await pushed(t, con, { type: 'invoice.paid', id: 'i10', lines: [{ sku: 'c', tax: 1 }] });
      expect(drifted?.drift).toEqual({ added: ['$.lines[*].tax'], missing: ['$.total'], changed: [] });

      t = await t.restart();
      expect(await schemaOf(t, con.id, 'invoice.paid')).toMatchObject({ eventCount: 6, lastSeenTime: '2026-03-02T09:00:04.000Z' });
      expect((await t.client.getEvent(drifted?.id ?? '')).drift?.missing).toEqual(['$.total']);
    } finally {
      await t.dispose();
    }
  });
});

describe('template completion from inferred schemas (GET /event-types/sample)', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('answers the latest event as the sample and a completionBody with fields seen only in older events', async () => {
    const con = await createConnector(t.client);
    await pushed(t, con, { type: 'ticket.updated', id: 't1', assignee: { id: 7, name: 'Ann' }, tags: [{ label: 'x', color: 'red' }] });
    await pushed(t, con, { type: 'ticket.updated', id: 't2', status: 'open', tags: [] });

    const sample = await t.client.eventSample('ticket.updated');
    expect(sample.body).toEqual({ type: 'ticket.updated', id: 't2', status: 'open', tags: [] });
    expect(sample.completionBody).toEqual({
      type: 'ticket.updated',
      id: 't2',
      status: 'open',
      tags: [{ label: 'string', color: 'string' }],
      assignee: { id: 0, name: 'string' },
    });

    // No stored event of the type any more: the sample itself is shaped like the events received.
    await t.client.clearEvents(con.id);
    const fromSchema = await t.client.eventSample('ticket.updated');
    expect(fromSchema.body).toEqual(fromSchema.completionBody);
    expect(fromSchema.body).toMatchObject({ id: 'string', status: 'string', assignee: { id: 0, name: 'string' } });
  });

  it('leaves system types and unknown types as they were', async () => {
    const system = await t.client.eventSample('webhook.failed');
    expect(system.completionBody).toBeUndefined();
    expect(system.source).toBe('system');
    const unknown = await t.client.eventSample('never.seen');
    expect(unknown.completionBody).toBeUndefined();
    expect(unknown.body).toMatchObject({ type: 'never.seen' });
  });
});
