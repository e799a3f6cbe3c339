import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { connectorUpdate, createConnector, errorCode, openStream, push, rawRequest } from './inbound-helpers';

describe('connectors API (API.md section 3)', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('creates a connector: 201 with the connector, apiKey, pushUrl and captureUrl', async () => {
    const res = await fetch(`${t.url}/api/v1/connectors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Orders_prod-1', dataSource: 'Stripe' }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, unknown>;
    expect(created).toMatchObject({
      id: expect.stringMatching(/^con_/),
      name: 'Orders_prod-1',
      dataSource: 'Stripe',
      status: 'OFFLINE',
      lastEventTime: null,
      eventCount: 0,
      forwardTo: null,
      response: { status: 200, body: '{"ok": true}', delayMs: 0 },
      pushUrl: `${t.url}/api/1.0/webhook/push`,
      captureUrl: expect.stringMatching(new RegExp(`^${t.url}/hooks/[A-Za-z0-9_-]{22,}$`)),
    });
    expect(created.createdTime).toBe(created.updatedTime);
    // At least 128 random bits: 24 bytes of base64url here.
    expect(Buffer.from(created.apiKey as string, 'base64url').length).toBeGreaterThanOrEqual(16);
    // The key is shown only now: never by get or list.
    const id = created.id as string;
    const again = await t.client.getConnector(id);
    expect(again).not.toHaveProperty('apiKey');
    // The push and capture URLs are always on the connector (the capture token is a URL credential, not the key).
    expect(again).toMatchObject({ pushUrl: created.pushUrl, captureUrl: created.captureUrl });
    const list = await t.client.listConnectors();
    expect(JSON.stringify(list)).not.toContain(created.apiKey as string);
  });

  it('answers 401 without the token', async () => {
    const res = await fetch(`${t.url}/api/v1/connectors`);
    expect(res.status).toBe(401);
  });

  it('pages the list: {page, pageAmount, items}', async () => {
    for (let i = 0; i < 3; i += 1) await createConnector(t.client, { name: `Paged ${i}` });
    const all = await t.client.listConnectors({ pageSize: 500 });
    const page = await t.client.listConnectors({ page: 2, pageSize: 2 });
    expect(page.page).toBe(2);
    expect(page.pageAmount).toBe(Math.ceil(all.items.length / 2));
    expect(page.items.map((c) => c.id)).toEqual(all.items.slice(2, 4).map((c) => c.id));
  });

  it('refuses a duplicate (name, dataSource) ignoring case with 409 conflict; null is its own data source', async () => {
    await t.client.createConnector({ name: 'Billing', dataSource: 'Stripe' });
    await expect(t.client.createConnector({ name: 'billing', dataSource: 'stripe' })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    await expect(t.client.createConnector({ name: 'BILLING', dataSource: 'STRIPE' })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    // Same name, another data source, or none: fine.
    await t.client.createConnector({ name: 'Billing', dataSource: 'Shopify' });
    const auto = await t.client.createConnector({ name: 'Billing' });
    expect(auto.dataSource).toBeNull();
    await expect(t.client.createConnector({ name: 'billing', dataSource: null })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    await t.client.createConnector({ name: 'Billing', dataSource: 'null' });
    // An edit cannot make a duplicate either.
    const other = await t.client.createConnector({ name: 'Billing 2', dataSource: 'Stripe' });
    await expect(t.client.updateConnector(other.id, { name: 'BiLLing' })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    // ...but may keep its own identity.
    expect((await t.client.updateConnector(other.id, { name: 'Billing 2', dataSource: 'stripe' })).dataSource).toBe('Stripe');
  });

  it('refuses bad names with 400 validation_failed and fields.name', async () => {
    for (const name of ['', ' leading', 'trailing ', 'semi;colon', 'a/b', 'x'.repeat(65), 'dot.name']) {
      const res = await rawRequest(`${t.url}/api/v1/connectors`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      expect(res.status, name).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
      expect((res.json as { error: { fields: Record<string, string> } }).error.fields.name).toEqual(expect.any(String));
    }
    await expect(t.client.createConnector({ name: 'x'.repeat(64) })).resolves.toMatchObject({ name: 'x'.repeat(64) });
    await expect(t.client.createConnector({ name: 'Ünïcode Näme 2' })).resolves.toMatchObject({ name: 'Ünïcode Näme 2' });
    const c = await createConnector(t.client);
    await expect(t.client.updateConnector(c.id, { name: ' x' })).rejects.toMatchObject({ status: 400, code: 'validation_failed', fields: { name: expect.any(String) } });
  });

  it('edits name, data source, forwarding and response; announces connector.updated', async () => {
    const c = await createConnector(t.client, { name: 'Editable' });
    const stream = await openStream(t.client);
    const updated = await t.client.updateConnector(c.id, {
      name: 'Edited',
      dataSource: 'github',
      forwardTo: { url: 'http://127.0.0.1:9/next' },
      response: { status: 201, headers: { 'x-a': 'b' }, body: 'created', delayMs: 10 },
    });
    expect(updated).toMatchObject({ name: 'Edited', dataSource: 'GitHub', forwardTo: { url: 'http://127.0.0.1:9/next' }, response: { status: 201, body: 'created' } });
    const message = await stream.next(connectorUpdate(c.id, (x) => x.name === 'Edited'));
    expect(message.data).not.toHaveProperty('apiKey');
    stream.close();
    expect(await t.client.getConnector(c.id)).toEqual(updated);
    await expect(t.client.updateConnector(c.id, { forwardTo: { url: 'ftp://nope' } })).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('answers 404 not_found for an unknown id on every route', async () => {
    await expect(t.client.getConnector('con_missing')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(t.client.updateConnector('con_missing', { name: 'x' })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(t.client.deleteConnector('con_missing')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(t.client.resetConnectorKey('con_missing')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(t.client.connectorStats('con_missing', '24h')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('reset-key: the old key and old capture URL answer 404 at once; the new ones work', async () => {
    const c = await createConnector(t.client, { name: 'Resettable' });
    expect((await push(c.pushUrl, c.apiKey, { n: 1 })).status).toBe(200);
    expect((await rawRequest(c.captureUrl, { method: 'POST', body: 'x' })).status).toBe(200);
    const stream = await openStream(t.client);
    const fresh = await t.client.resetConnectorKey(c.id);
    expect(Object.keys(fresh).sort()).toEqual(['apiKey', 'captureUrl', 'pushUrl']);
    expect(fresh.apiKey).not.toBe(c.apiKey);
    expect(fresh.captureUrl).not.toBe(c.captureUrl);
    await stream.next(connectorUpdate(c.id));
    stream.close();
    const oldPush = await push(c.pushUrl, c.apiKey, { n: 2 });
    expect(oldPush.status).toBe(404);
    expect(errorCode(oldPush)).toBe('unknown_api_key');
    const oldCapture = await rawRequest(c.captureUrl, { method: 'POST', body: 'x' });
    expect(oldCapture.status).toBe(404);
    expect(errorCode(oldCapture)).toBe('unknown_capture');
    expect((await push(fresh.pushUrl, fresh.apiKey, { n: 3 })).status).toBe(200);
    expect((await rawRequest(fresh.captureUrl, { method: 'POST', body: 'y' })).status).toBe(200);
    expect((await t.client.getConnector(c.id)).eventCount).toBe(4);
  });

  it('delete: 204, its events go with it, its key stops working, and the stream says so', async () => {
    const c = await createConnector(t.client, { name: 'Doomed' });
    const pushed = await push(c.pushUrl, c.apiKey, [{ a: 1 }, { a: 2 }]);
    const ids = (pushed.json as { ids: string[] }).ids;
    const stream = await openStream(t.client);
    const res = await fetch(`${t.url}/api/v1/connectors/${c.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${t.token}` } });
    expect(res.status).toBe(204);
    await stream.next(connectorUpdate(c.id, (x) => x.deleted === true));
    stream.close();
    await expect(t.client.getConnector(c.id)).rejects.toMatchObject({ status: 404 });
    await expect(t.client.getEvent(ids[0] as string)).rejects.toMatchObject({ status: 404 });
    expect((await t.client.listEvents({ connectorId: c.id })).items).toEqual([]);
    expect((await push(c.pushUrl, c.apiKey, { a: 3 })).status).toBe(404);
    expect((await rawRequest(c.captureUrl, { method: 'POST' })).status).toBe(404);
    // The name is free again.
    await t.client.createConnector({ name: 'Doomed' });
  });

  it('keeps no key in the data files, and the capture token only in the owner-only workspace.json', async () => {
    const c = await createConnector(t.client, { name: 'Secretive' });
    await push(c.pushUrl, c.apiKey, { hello: 'world' });
    await rawRequest(c.captureUrl, { method: 'POST', body: 'captured' });
    const token = c.captureUrl.split('/hooks/')[1] as string;
    const files = [join(t.dataDir, 'workspace.json'), ...(await readdir(join(t.dataDir, 'events'))).map((f) => join(t.dataDir, 'events', f))];
    let all = '';
    for (const file of files) all += await readFile(file, 'utf8');
    expect(all).toContain(c.id);
    // Only the key's hash is kept.
    expect(all).toContain(createHash('sha256').update(c.apiKey).digest('hex'));
    expect(all).not.toContain(c.apiKey);
    // The capture token is kept so the connector page can show the capture URL, but never in the event log.
    expect(await readFile(join(t.dataDir, 'workspace.json'), 'utf8')).toContain(token);
    expect(all.split(token)).toHaveLength(2);
  });
});
