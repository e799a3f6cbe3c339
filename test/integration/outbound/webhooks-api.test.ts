import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { Webhook } from '../../../shared/schemas/webhook';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('webhooks API (API.md section 3, "Webhooks (outbound)")', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('creates a webhook with every default filled in and the runtime fields', async () => {
    const created = await t.client.createWebhook({ name: 'Orders to ERP', url: 'http://127.0.0.1:9/hooks' });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^whk_/),
      name: 'Orders to ERP',
      method: 'POST',
      contentType: 'application/json',
      enabled: true,
      includeEntity: true,
      bodyTemplate: null,
      jsonPayloadEnabled: false,
      events: 'all',
      filters: {},
      auth: { type: 'none' },
      headers: {},
      secret: null,
      signature: 'hmac-sha1',
      timeoutSeconds: 10,
      validators: [],
      state: 'ACTIVE',
      consecutiveFailures: 0,
      lastSuccessfulMessageDelivery: null,
      warnings: [],
    });
    expect(Date.parse(created.createdTime)).not.toBeNaN();
    expect((await t.client.getWebhook(created.id)).name).toBe('Orders to ERP');
  });

  it('never reads back a secret or credential unmasked, and keeps them when a form sends the masks back', async () => {
    const created = await t.client.createWebhook({
      name: 'Masked',
      url: 'https://127.0.0.1:9/x',
      secret: 'a-very-long-shared-secret-1234',
      auth: { type: 'basic', username: 'svc', password: 'p4ssw0rd-long-enough-1' },
      headers: { 'X-Api-Token': 'header-secret-value-999', 'X-Team': 'ops' },
    });
    const text = JSON.stringify(created);
    for (const secret of ['a-very-long-shared-secret-1234', 'p4ssw0rd-long-enough-1', 'header-secret-value-999']) expect(text).not.toContain(secret);
    expect(created.secret).toBe('••••1234');
    expect(created.headers['X-Team']).toBe('ops');
    const renamed = await t.client.updateWebhook(created.id, { ...pick(created), name: 'Masked 2' });
    expect(renamed.name).toBe('Masked 2');
    const file = await readFile(join(t.dataDir, 'workspace.json'), 'utf8');
    expect(file).toContain('a-very-long-shared-secret-1234');
    expect(file).toContain('p4ssw0rd-long-enough-1');
    expect(file).toContain('header-secret-value-999');
  });

  it('answers bad input with 400 validation_failed naming each field, and stores nothing', async () => {
    const before = (await t.client.listWebhooks()).total;
    const error = await failure(
      t.client.createWebhook({
        name: '',
        url: 'ftp://example.com',
        timeoutSeconds: 500,
        auth: { type: 'bearer', token: 'tökén' },
      } as never),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(['name', 'url', 'timeoutSeconds', 'auth.token']));
    const tooLong = await failure(t.client.createWebhook({ name: 'Long', url: 'http://127.0.0.1:1/', auth: { type: 'bearer', token: 'x'.repeat(256) } }));
    expect(tooLong.fields?.['auth.token']).toMatch(/255/);
    const badSecret = await failure(t.client.createWebhook({ name: 'Std', url: 'http://127.0.0.1:1/', signature: 'standard-webhooks', secret: 'not base64!' }));
    expect(badSecret.fields?.secret).toMatch(/whsec_/);
    expect((await t.client.listWebhooks()).total).toBe(before);
  });

  it('refuses a duplicate name (ignoring case) with 409 conflict', async () => {
    await t.client.createWebhook({ name: 'Unique One', url: 'http://127.0.0.1:1/' });
    const error = await failure(t.client.createWebhook({ name: 'unique one', url: 'http://127.0.0.1:1/' }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('conflict');
  });

  it('warns when a target off this machine is reached over plain http', async () => {
    const created = await t.client.createWebhook({ name: 'Remote http', url: 'http://erp.example.com/hooks' });
    expect(created.warnings[0]).toMatch(/plain http/);
    const secure = await t.client.updateWebhook(created.id, { url: 'https://erp.example.com/hooks' });
    expect(secure.warnings).toEqual([]);
  });

  it('edits partially: a patch that breaks a rule across fields is refused whole', async () => {
    const created = await t.client.createWebhook({ name: 'Partial', url: 'http://127.0.0.1:1/', secret: 'plain secret!' });
    const error = await failure(t.client.updateWebhook(created.id, { signature: 'standard-webhooks', timeoutSeconds: 30 }));
    expect(error.fields?.secret).toBeDefined();
    const unchanged = await t.client.getWebhook(created.id);
    expect(unchanged.signature).toBe('hmac-sha1');
    expect(unchanged.timeoutSeconds).toBe(10);
    const disabled = await t.client.updateWebhook(created.id, { enabled: false, events: [{ type: 'Flow.*' }] });
    expect(disabled).toMatchObject({ enabled: false, state: 'DISABLED', events: [{ type: 'Flow.*' }], secret: '••••' });
  });

  it('lists paged, and deletes with 204 then 404', async () => {
    const page = await t.client.listWebhooks({ page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.pageAmount).toBe(Math.ceil(page.total / 2));
    const doomed = await t.client.createWebhook({ name: 'Doomed', url: 'http://127.0.0.1:1/' });
    await t.client.deleteWebhook(doomed.id);
    expect((await failure(t.client.getWebhook(doomed.id))).status).toBe(404);
    expect((await failure(t.client.deleteWebhook(doomed.id))).code).toBe('not_found');
  });

  it('keeps webhooks across an engine restart', async () => {
    const created = await t.client.createWebhook({ name: 'Survivor', url: 'http://127.0.0.1:1/', events: [{ type: 'order.*', severity: 'high' }] });
    t = await t.restart();
    expect((await t.client.getWebhook(created.id)).events).toEqual([{ type: 'order.*', severity: 'high' }]);
  });
});

/** What an edit form sends back: every field as read, masks included. */
function pick(w: Webhook): Record<string, unknown> {
  const { id: _id, state: _s, consecutiveFailures: _c, lastSuccessfulMessageDelivery: _l, createdTime: _ct, updatedTime: _ut, warnings: _w, ...rest } = w;
  // Read-only: whether a config file manages it (see "Take it to production").
  const { managed: _m, managedReason: _mr, ...editable } = rest as Record<string, unknown>;
  return editable;
}
