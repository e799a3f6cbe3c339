import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HookdeskClient } from '../../../shared/api/client';
import { generateWebhookSecret } from '../../../shared/signing/secret';
import type { WorkspaceChange } from '../../../shared/workspace/workspace-plan';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';

/**
 * Importing a file whose secrets are `${VAR}` references that are not set (the usual case: an
 * export with secrets as variables, imported where nobody set them) keeps every stored secret, says
 * so per field, and sends still work; a reference is written only when its variable is set, or when
 * nothing is stored (then the plan says what that means).
 */
const SIGNING_SECRET = generateWebhookSecret();

const engines: TestEngine[] = [];
async function engine(): Promise<TestEngine> {
  const started = await startTestEngine();
  engines.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
});

let receiver: Receiver;
beforeAll(async () => {
  receiver = await Receiver.start();
});
afterAll(() => receiver.close());

/** A webhook with every kind of secret, and a connector with a verification secret, all typed in clear. */
async function buildWorkspace(client: HookdeskClient): Promise<{ webhookId: string }> {
  const connector = await client.createConnector({ name: 'shop', dataSource: 'Shopify' });
  await client.updateConnector(connector.id, { verification: { scheme: 'shopify', secret: 'shopify-verify-secret' } });
  const webhook = await client.createWebhook({
    name: 'orders',
    url: `${receiver.url}/orders`,
    secret: SIGNING_SECRET,
    signature: 'standard-webhooks',
    auth: { type: 'bearer', token: 'orders-bearer-token' },
    headers: { 'X-Team': 'payments', 'X-Api-Key': 'header-key-123' },
  });
  return { webhookId: webhook.id };
}

async function putEnvironments(t: TestEngine, body: unknown): Promise<void> {
  const res = await fetch(`${t.url}/api/v1/environments`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

const byName = (changes: WorkspaceChange[], name: string): WorkspaceChange | undefined => changes.find((c) => c.name === name);

describe('workspace import: secrets whose ${VAR} is not set', () => {
  it('keeps every stored secret ("kept the stored secret: ${VAR} is not set"), changes nothing, and sends still sign and authenticate', async () => {
    const t = await engine();
    const { webhookId } = await buildWorkspace(t.client);
    const file = await t.client.exportWorkspace('env');

    const plan = await t.client.planWorkspace(file);
    const orders = byName(plan.changes, 'orders');
    expect(orders?.action).toBe('unchanged');
    expect(orders?.fields).toBeUndefined();
    expect(orders?.secrets).toEqual([
      { field: 'secret', outcome: 'kept', variables: ['HOOKDESK_WEBHOOK_ORDERS_SECRET'], message: 'kept the stored secret: ${HOOKDESK_WEBHOOK_ORDERS_SECRET} is not set' },
      { field: 'auth.token', outcome: 'kept', variables: ['HOOKDESK_WEBHOOK_ORDERS_AUTH_TOKEN'], message: 'kept the stored secret: ${HOOKDESK_WEBHOOK_ORDERS_AUTH_TOKEN} is not set' },
      {
        field: 'headers.X-Api-Key',
        outcome: 'kept',
        variables: ['HOOKDESK_WEBHOOK_ORDERS_HEADER_X_API_KEY'],
        message: 'kept the stored secret: ${HOOKDESK_WEBHOOK_ORDERS_HEADER_X_API_KEY} is not set',
      },
    ]);
    const shop = byName(plan.changes, 'shop');
    expect(shop?.action).toBe('unchanged');
    expect(shop?.secrets).toEqual([
      {
        field: 'verification.secret',
        outcome: 'kept',
        variables: ['HOOKDESK_CONNECTOR_SHOP_VERIFICATION_SECRET'],
        message: 'kept the stored secret: ${HOOKDESK_CONNECTOR_SHOP_VERIFICATION_SECRET} is not set',
      },
    ]);
    // Kept secrets need no variable; only the push key (kept as a hash, so always a reference) is unset.
    expect(plan.missingVariables).toEqual(['HOOKDESK_CONNECTOR_SHOP_API_KEY']);

    const applied = await t.client.applyWorkspace(file);
    expect(applied.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
    const included = await t.client.exportWorkspace('include');
    expect(included.webhooks[0]).toMatchObject({ secret: SIGNING_SECRET, auth: { type: 'bearer', token: 'orders-bearer-token' }, headers: { 'X-Api-Key': 'header-key-123' } });
    expect(included.connectors[0]?.verification).toMatchObject({ scheme: 'shopify', secret: 'shopify-verify-secret' });

    // A send after the import (Send test answers once the receiver has answered): authenticated and
    // signed with the kept secrets, the signature checked by the Standard Webhooks library.
    const before = receiver.to('/orders').length;
    const invocation = await t.client.testWebhook(webhookId);
    expect(invocation.response?.status).toBe(200);
    const got = receiver.to('/orders')[before];
    expect(got?.headers.authorization).toBe('Bearer orders-bearer-token');
    expect(got?.headers['x-api-key']).toBe('header-key-123');
    const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(got?.headers[h])]));
    expect(() => new StandardWebhook(SIGNING_SECRET).verify(got?.text ?? '', headers)).not.toThrow();
  });

  it('a variable that is set (active environment) makes the reference the stored value: an update of that field only', async () => {
    const t = await engine();
    await buildWorkspace(t.client);
    const file = await t.client.exportWorkspace('env');
    await putEnvironments(t, { environments: { prod: { HOOKDESK_WEBHOOK_ORDERS_SECRET: generateWebhookSecret() } }, active: 'prod' });

    const plan = await t.client.planWorkspace(file);
    const orders = byName(plan.changes, 'orders');
    expect(orders).toMatchObject({ action: 'update', fields: ['secret'] });
    expect(orders?.secrets?.map((n) => `${n.field}:${n.outcome}`)).toEqual(['auth.token:kept', 'headers.X-Api-Key:kept']);
    await t.client.applyWorkspace(file);
    const included = await t.client.exportWorkspace('include');
    expect(included.webhooks[0]).toMatchObject({ secret: '${HOOKDESK_WEBHOOK_ORDERS_SECRET}', auth: { token: 'orders-bearer-token' } });
    expect(byName((await t.client.planWorkspace(file)).changes, 'orders')?.action).toBe('unchanged');
  });

  it('nothing stored: the reference is written and the plan says sends fail until the variable is set', async () => {
    const desk = await engine();
    await buildWorkspace(desk.client);
    const file = await desk.client.exportWorkspace('env');

    const server = await engine();
    // An existing webhook without a signing secret: the file's reference has nothing to keep.
    await server.client.createWebhook({ name: 'orders', url: `${receiver.url}/orders`, signature: 'standard-webhooks' });
    const plan = await server.client.planWorkspace(file);
    const orders = byName(plan.changes, 'orders');
    expect(orders?.action).toBe('update');
    expect(orders?.fields).toEqual(expect.arrayContaining(['secret', 'auth.token', 'auth.type', 'headers.X-Api-Key']));
    expect(orders?.secrets?.find((n) => n.field === 'secret')).toEqual({
      field: 'secret',
      outcome: 'unset',
      variables: ['HOOKDESK_WEBHOOK_ORDERS_SECRET'],
      message: 'writes the reference: ${HOOKDESK_WEBHOOK_ORDERS_SECRET} is not set and no secret is stored to keep; sends fail naming it until it is set',
    });
    const shop = byName(plan.changes, 'shop');
    expect(shop?.action).toBe('create');
    expect(shop?.secrets?.map((n) => `${n.field}:${n.outcome}`)).toEqual(['verification.secret:unset']);
    expect(plan.missingVariables).toEqual(expect.arrayContaining(['HOOKDESK_WEBHOOK_ORDERS_SECRET', 'HOOKDESK_CONNECTOR_SHOP_VERIFICATION_SECRET']));

    await server.client.applyWorkspace(file);
    const included = await server.client.exportWorkspace('include');
    expect(included.webhooks[0]?.secret).toBe('${HOOKDESK_WEBHOOK_ORDERS_SECRET}');
    // Applying again: the stored reference equals the file's, so nothing changes and nothing is said.
    const again = await server.client.planWorkspace(file);
    expect(again.changes.every((c) => c.action === 'unchanged' && c.secrets === undefined)).toBe(true);
  });
});
