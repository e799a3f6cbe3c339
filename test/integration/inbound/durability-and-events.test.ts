import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest } from './inbound-helpers';

describe('inbound durability and the events API over received events', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('keeps connectors, keys, events and counts across a restart', async () => {
    const c = await createConnector(t.client, { name: 'Durable', dataSource: 'GitHub' });
    const pushed = await push(c.pushUrl, c.apiKey, [{ action: 'opened' }, { action: 'closed' }], { 'x-github-event': 'issues' });
    expect(pushed.status).toBe(200);
    const capture = await rawRequest(`${c.captureUrl}/p?q=1`, { method: 'POST', body: Buffer.from([0, 1, 2, 255]) });
    expect(capture.status).toBe(200);
    const before = await t.client.listEvents({ connectorId: c.id });

    t = await t.restart();
    const connector = await t.client.getConnector(c.id);
    expect(connector).toMatchObject({ name: 'Durable', dataSource: 'GitHub', eventCount: 3, status: 'ACTIVE' });
    expect(await t.client.listEvents({ connectorId: c.id })).toEqual(before);
    // The same key and capture URL still work (only their hashes were stored).
    expect((await push(c.pushUrl.replace(/:\d+\//, `:${new URL(t.url).port}/`), c.apiKey, { action: 'reopened' }, { 'x-github-event': 'issues' })).status).toBe(200);
    const token = c.captureUrl.split('/hooks/')[1] as string;
    expect((await rawRequest(`${t.url}/hooks/${token}`, { method: 'POST' })).status).toBe(200);
    expect((await t.client.getConnector(c.id)).eventCount).toBe(5);
  });

  it('filters received events by connector, type and text, newest first, paged', async () => {
    const a = await createConnector(t.client, { name: 'Filter A' });
    const b = await createConnector(t.client, { name: 'Filter B' });
    await push(a.pushUrl, a.apiKey, [
      { type: 'order.created', note: 'Blue widget' },
      { type: 'order.paid', note: 'red gadget' },
      { type: 'order.created', note: 'green WIDGET' },
    ]);
    await push(b.pushUrl, b.apiKey, { type: 'order.created', note: 'widget from b' });

    const onlyA = await t.client.listEvents({ connectorId: a.id });
    expect(onlyA.items.map((e) => (e.body as { note: string }).note)).toEqual(['green WIDGET', 'red gadget', 'Blue widget']);
    const created = await t.client.listEvents({ connectorId: a.id, type: 'order.created' });
    expect(created.items).toHaveLength(2);
    const widgets = await t.client.listEvents({ q: 'widget' });
    expect(widgets.items.map((e) => (e.body as { note: string }).note)).toEqual(['widget from b', 'green WIDGET', 'Blue widget']);
    const page = await t.client.listEvents({ connectorId: a.id, page: 2, pageSize: 2 });
    expect(page).toMatchObject({ page: 2, pageAmount: 2 });
    expect(page.items.map((e) => (e.body as { note: string }).note)).toEqual(['Blue widget']);
  });

  it('searches captured text bodies too', async () => {
    const c = await createConnector(t.client, { name: 'Text search' });
    await rawRequest(c.captureUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'needle in a haystack' });
    const found = await t.client.listEvents({ connectorId: c.id, q: 'NEEDLE' });
    expect(found.items).toHaveLength(1);
  });
});
