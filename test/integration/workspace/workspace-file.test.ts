import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { HookdeskClient } from '../../../shared/api/client';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';

const engines: TestEngine[] = [];
async function engine(): Promise<TestEngine> {
  const started = await startTestEngine();
  engines.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
});

/** A workspace a user could have built by hand: relay settings, verification, auth, a secret, a template, a filter by connector. */
async function buildWorkspace(client: HookdeskClient): Promise<void> {
  const github = await client.createConnector({ name: 'GitHub hooks', dataSource: 'GitHub', typePath: '$.action' });
  await client.updateConnector(github.id, {
    forwardTo: { url: 'http://127.0.0.1:3000/github' },
    verification: { scheme: 'github', secret: 'gh-verify-secret' },
    response: { status: 202, headers: { 'content-type': 'text/plain' }, body: 'queued', delayMs: 0 },
  });
  await client.createConnector({ name: 'billing', retention: 500 });
  await client.createWebhook({
    name: 'orders',
    url: 'https://example.com/orders',
    secret: 'orders-signing-secret',
    auth: { type: 'bearer', token: 'orders-bearer-token' },
    headers: { 'X-Team': 'payments', 'X-Api-Key': 'header-key-123' },
    bodyTemplate: '{"id": {{json event.id}}}',
    filters: { connectorIds: [github.id] },
  });
  await client.createWebhook({ name: 'Audit log', url: 'https://audit.example.com/in', auth: { type: 'basic', username: 'auditor', password: 'pw-audit' } });
}

async function exported(client: HookdeskClient, secrets: 'env' | 'include' = 'env'): Promise<Record<string, unknown>> {
  return (await client.exportWorkspace(secrets)) as unknown as Record<string, unknown>;
}

describe('workspace file: export, plan, apply', () => {
  it('round trip: export, apply into a fresh data dir, export again gives the same file', async () => {
    const desk = await engine();
    await buildWorkspace(desk.client);
    const file = await exported(desk.client);
    const text = JSON.stringify(file);
    for (const secret of ['gh-verify-secret', 'orders-signing-secret', 'orders-bearer-token', 'header-key-123', 'pw-audit']) expect(text).not.toContain(secret);
    expect(file.variables).toEqual([
      'HOOKDESK_CONNECTOR_BILLING_API_KEY',
      'HOOKDESK_CONNECTOR_GITHUB_HOOKS_API_KEY',
      'HOOKDESK_CONNECTOR_GITHUB_HOOKS_VERIFICATION_SECRET',
      'HOOKDESK_WEBHOOK_AUDIT_LOG_AUTH_PASSWORD',
      'HOOKDESK_WEBHOOK_ORDERS_AUTH_TOKEN',
      'HOOKDESK_WEBHOOK_ORDERS_HEADER_X_API_KEY',
      'HOOKDESK_WEBHOOK_ORDERS_SECRET',
    ]);
    const webhooks = file.webhooks as Array<Record<string, unknown>>;
    expect(webhooks.map((w) => w.name)).toEqual(['Audit log', 'orders']);
    expect(webhooks[1]).toMatchObject({ secret: '${HOOKDESK_WEBHOOK_ORDERS_SECRET}', filters: { connectors: ['GitHub hooks'] } });

    const server = await engine();
    const plan = await server.client.planWorkspace(file);
    expect(plan.changes.map((c) => `${c.kind}:${c.name}:${c.action}`)).toEqual(['connector:billing:create', 'connector:GitHub hooks:create', 'webhook:Audit log:create', 'webhook:orders:create']);
    expect(plan.missingVariables).toEqual(file.variables);
    const applied = await server.client.applyWorkspace(file);
    expect(applied.changes.every((c) => c.action === 'create')).toBe(true);
    // The keys could not be known (only hashes are kept): new connectors got keys, shown once, here.
    expect(applied.generatedKeys?.map((k) => k.variable)).toEqual(['HOOKDESK_CONNECTOR_BILLING_API_KEY', 'HOOKDESK_CONNECTOR_GITHUB_HOOKS_API_KEY']);

    const again = await exported(server.client);
    expect(JSON.stringify(again, null, 2)).toBe(JSON.stringify(file, null, 2));
    const second = await server.client.applyWorkspace(file);
    expect(second.changes.every((c) => c.action === 'unchanged')).toBe(true);
    expect(second.generatedKeys).toBeUndefined();
  });

  it('secrets=include writes secrets in clear; connector keys stay references because only their hashes exist', async () => {
    const desk = await engine();
    await buildWorkspace(desk.client);
    const file = await exported(desk.client, 'include');
    const text = JSON.stringify(file);
    for (const secret of ['gh-verify-secret', 'orders-signing-secret', 'orders-bearer-token', 'header-key-123', 'pw-audit']) expect(text).toContain(secret);
    expect(file.variables).toEqual(['HOOKDESK_CONNECTOR_BILLING_API_KEY', 'HOOKDESK_CONNECTOR_GITHUB_HOOKS_API_KEY']);
  });

  it('plan names the changed fields; an API key variable that is set becomes the connector key', async () => {
    const desk = await engine();
    await buildWorkspace(desk.client);
    const file = (await exported(desk.client, 'include')) as { connectors: Array<Record<string, unknown>>; webhooks: Array<Record<string, unknown>> };
    const orders = file.webhooks.find((w) => w.name === 'orders') as Record<string, unknown>;
    orders.url = 'https://example.com/orders/v2';
    orders.auth = { type: 'bearer', token: 'rotated' };
    const billing = file.connectors.find((c) => c.name === 'billing') as Record<string, unknown>;
    billing.forwardTo = { url: 'http://127.0.0.1:4000/' };
    process.env.HOOKDESK_CONNECTOR_BILLING_API_KEY = 'billing-key-from-env-0123456789';
    try {
      const plan = await desk.client.planWorkspace(file);
      expect(plan.changes).toEqual([
        { kind: 'connector', name: 'billing', action: 'update', fields: ['apiKey', 'forwardTo'] },
        { kind: 'connector', name: 'GitHub hooks', action: 'unchanged' },
        { kind: 'webhook', name: 'Audit log', action: 'unchanged' },
        { kind: 'webhook', name: 'orders', action: 'update', fields: ['auth.token', 'url'] },
      ]);
      expect(plan.missingVariables).toEqual(['HOOKDESK_CONNECTOR_GITHUB_HOOKS_API_KEY']);
      await desk.client.applyWorkspace(file);
      const push = await fetch(`${desk.url}/api/1.0/webhook/push`, {
        method: 'POST',
        headers: { API_KEY: 'billing-key-from-env-0123456789', 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'invoice.paid' }),
      });
      expect(push.status).toBe(200);
      expect((await desk.client.planWorkspace(file)).changes.every((c) => c.action === 'unchanged')).toBe(true);
    } finally {
      delete process.env.HOOKDESK_CONNECTOR_BILLING_API_KEY;
    }
  });

  it('prune deletes what the file does not name; without prune nothing is deleted', async () => {
    const desk = await engine();
    await buildWorkspace(desk.client);
    const file = (await exported(desk.client)) as { connectors: Array<{ name: string }>; webhooks: Array<{ name: string }> };
    const trimmed = { ...file, connectors: file.connectors.filter((c) => c.name !== 'billing'), webhooks: file.webhooks.filter((w) => w.name !== 'Audit log') };
    const plain = await desk.client.planWorkspace(trimmed);
    expect(plain.changes.some((c) => c.action === 'delete')).toBe(false);
    const pruned = await desk.client.applyWorkspace(trimmed, { prune: true });
    expect(pruned.changes.filter((c) => c.action === 'delete')).toEqual([
      { kind: 'connector', name: 'billing', action: 'delete' },
      { kind: 'webhook', name: 'Audit log', action: 'delete' },
    ]);
    expect((await desk.client.listConnectors()).items.map((c) => c.name)).toEqual(['GitHub hooks']);
    expect((await desk.client.listWebhooks()).items.map((w) => w.name)).toEqual(['orders']);
  });

  it('an invalid file is a 400 naming each bad field, and nothing is written', async () => {
    const desk = await engine();
    const file = {
      kind: 'hookdesk.workspace',
      version: 1,
      connectors: [{ name: 'fine' }],
      webhooks: [{ name: 'ok', url: 'https://example.com/ok' }, { name: 'bad', url: 'ftp://example.com', timeoutSeconds: 999 }],
    };
    const error = await desk.client.applyWorkspace(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe('validation_failed');
    expect(Object.keys((error as ApiError).fields ?? {})).toEqual(expect.arrayContaining(['webhooks.1.url', 'webhooks.1.timeoutSeconds']));
    const duplicate = await desk.client.applyWorkspace({ ...file, webhooks: [file.webhooks[0], { name: 'OK', url: 'https://example.com/x' }] }).catch((e: unknown) => e);
    expect((duplicate as ApiError).fields).toEqual({ 'webhooks.1.name': expect.stringContaining('same name') });
    expect((await desk.client.listConnectors()).items).toEqual([]);
    expect((await desk.client.listWebhooks()).items).toEqual([]);
  });
});
