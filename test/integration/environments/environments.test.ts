import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundBench } from '../../helpers/outbound-bench';
import { Receiver } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import { createConnector, openStream, push, rawRequest } from '../inbound/inbound-helpers';
import { deliveriesSettle, settled } from '../outbound/outbound-helpers';
import { forwardFinished } from '../relay/relay-helpers';

interface EnvironmentsAnswer {
  environments: Record<string, Record<string, string>>;
  active: string | null;
}

/** `/api/v1/environments` with the bearer token: status and JSON body. */
async function api(t: TestEngine, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${t.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${t.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function putEnvironments(t: TestEngine, body: unknown): Promise<EnvironmentsAnswer> {
  const answer = await api(t, 'PUT', '/environments', body);
  expect(answer.status).toBe(200);
  return answer.body as unknown as EnvironmentsAnswer;
}

describe('environments: ${VAR} resolves from the active environment when a request is sent', () => {
  let t: TestEngine;
  let a: Receiver;
  let b: Receiver;

  outboundBench((bench) => ({ t, receiver: a } = bench));
  beforeAll(async () => {
    b = await Receiver.start();
  });
  afterAll(() => b.close());

  it('GET answers the environments with every value masked and which one is active; PUT replaces them and announces it', async () => {
    expect((await api(t, 'GET', '/environments')).body).toEqual({ environments: {}, active: null });
    const stream = await openStream(t.client);
    const answer = await putEnvironments(t, {
      environments: { local: { TARGET: a.url, TOKEN: 'a-very-long-secret-token-1234' }, staging: { TARGET: b.url } },
      active: 'local',
    });
    expect(answer.active).toBe('local');
    expect(answer.environments.local?.TOKEN).toBe('••••1234');
    expect(JSON.stringify(answer)).not.toContain('a-very-long-secret');
    expect(JSON.stringify(answer)).not.toContain(a.url);
    const message = await stream.next((m) => m.name === 'environments.updated');
    expect(JSON.stringify(message.data)).not.toContain('a-very-long-secret');
    stream.close();
  });

  it('a masked value sent back keeps the stored one (also under a renamed environment); an unknown mask is a 400 naming the field', async () => {
    const { body: read } = await api(t, 'GET', '/environments');
    const envs = read.environments as Record<string, Record<string, string>>;
    await putEnvironments(t, { environments: { dev: envs.local, staging: envs.staging }, active: 'dev', renamed: { dev: 'local' } });
    expect(t.engine.store.workspace.data.environments.dev).toEqual({ TARGET: a.url, TOKEN: 'a-very-long-secret-token-1234' });
    const bad = await api(t, 'PUT', '/environments', { environments: { dev: { NEW: '••••' } }, active: null });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { fields: Record<string, string> }).fields).toHaveProperty(['environments.dev.NEW']);
    const badName = await api(t, 'PUT', '/environments', { environments: { dev: { '1X': 'v' } }, active: null });
    expect(badName.status).toBe(400);
    expect(Object.keys((badName.body.error as { fields: Record<string, string> }).fields)).toEqual(['environments.dev.1X']);
    const badActive = await api(t, 'PUT', '/environments', { environments: { dev: {} }, active: 'nope' });
    expect((badActive.body.error as { fields: Record<string, string> }).fields).toHaveProperty('active');
    await putEnvironments(t, { environments: { local: envs.local, staging: envs.staging }, active: 'local', renamed: { local: 'dev' } });
  });

  it('a webhook whose URL is ${TARGET}/hooks delivers to A in local and to B after switching to staging; Send test follows', async () => {
    const connector = await createConnector(t.client, { name: 'Env shop' });
    const webhook = await t.client.createWebhook({ name: 'Env orders', url: '${TARGET}/hooks', headers: { 'X-Token': '${TOKEN}' } });
    expect(webhook.url).toBe('${TARGET}/hooks');

    await push(connector.pushUrl, connector.apiKey, { event_type: 'order.created', n: 1 });
    await a.waitFor(1);
    expect(a.to('/hooks')).toHaveLength(1);
    expect(a.requests[0]?.headers['x-token']).toBe('a-very-long-secret-token-1234');
    const [first] = await deliveriesSettle(t, webhook.id, settled(1));
    // The delivery record shows where it went, and masks a header value that came from a variable.
    expect(first?.attempts[0]?.request.url).toBe(`${a.url}/hooks`);
    expect(first?.attempts[0]?.request.headers['X-Token']).not.toContain('secret');

    const switched = await api(t, 'PUT', '/environments/active', { active: 'staging' });
    expect(switched.body.active).toBe('staging');
    await push(connector.pushUrl, connector.apiKey, { event_type: 'order.created', n: 2 });
    await deliveriesSettle(t, webhook.id, settled(2));
    // staging has no TOKEN: the delivery fails once, naming it, and nothing reaches B.
    expect(b.requests).toHaveLength(0);
    const failed = t.engine.store.deliveries.ofWebhook(webhook.id)[0];
    expect(failed?.status).toBe('failed');
    expect(failed?.attempts).toHaveLength(1);
    expect(failed?.attempts[0]?.error).toContain("The variable ${TOKEN} is not set in environment 'staging' or the process environment.");

    const test = await t.client.testWebhook(webhook.id);
    expect(test.ok).toBe(false);
    expect(test.error).toContain('${TOKEN}');

    const { body: read } = await api(t, 'GET', '/environments');
    const envs = read.environments as Record<string, Record<string, string>>;
    await putEnvironments(t, { environments: { local: envs.local, staging: { ...envs.staging, TOKEN: 'staging-token' } }, active: 'staging' });
    const sent = await t.client.testWebhook(webhook.id);
    expect(sent.ok).toBe(true);
    expect(b.to('/hooks')).toHaveLength(1);
    expect(b.requests[0]?.headers['x-token']).toBe('staging-token');
    expect(a.requests).toHaveLength(1);
  });

  it('an unresolved variable with no environment active says so', async () => {
    const { body: read } = await api(t, 'GET', '/environments');
    await putEnvironments(t, { environments: read.environments, active: null });
    const webhook = await t.client.createWebhook({ name: 'Env none', url: '${HOOKDESK_TEST_SURELY_UNSET_VAR}/x' });
    const test = await t.client.testWebhook(webhook.id);
    expect(test.error).toContain('The variable ${HOOKDESK_TEST_SURELY_UNSET_VAR} is not set in the process environment (no environment is active).');
  });

  it('the forward URL resolves at arrival; an unset variable fails the forward with the message, never sending', async () => {
    await putEnvironments(t, { environments: { local: { FWD: a.url }, staging: { FWD: b.url } }, active: 'staging' });
    const connector = await createConnector(t.client, { name: 'Env relay' });
    await t.client.updateConnector(connector.id, { forwardTo: { url: '${FWD}/dev' } });
    const stream = await openStream(t.client);
    const before = b.requests.length;
    const res = await rawRequest(`${connector.captureUrl}/path`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' });
    expect(res.status).toBe(200);
    const [event] = (await t.client.listEvents({ connectorId: connector.id })).items;
    const forwarded = await forwardFinished(stream, event?.id ?? '');
    expect(forwarded.forward?.status).toBe('succeeded');
    expect(forwarded.forward?.url).toBe(`${b.url}/dev/path`);
    expect(b.requests.length).toBe(before + 1);

    await putEnvironments(t, { environments: { local: { FWD: a.url }, staging: {} }, active: 'staging' });
    await rawRequest(`${connector.captureUrl}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":2}' });
    const [second] = (await t.client.listEvents({ connectorId: connector.id })).items;
    expect(second?.forward?.status).toBe('failed');
    expect(second?.forward?.error).toContain("variable ${FWD} is not set in environment 'staging'");
    expect(b.requests.length).toBe(before + 1);
    stream.close();
  });

  it('the capture answer resolves its headers and body; an unset variable answers the default and logs it once', async () => {
    await putEnvironments(t, { environments: { local: { GREETING: 'hello' } }, active: 'local' });
    const connector = await createConnector(t.client, { name: 'Env answer' });
    await t.client.updateConnector(connector.id, { response: { status: 202, headers: { 'x-greeting': '${GREETING}' }, body: '{"say": "${GREETING}", "literal": "$${GREETING}"}', delayMs: 0 } });
    const ok = await rawRequest(connector.captureUrl, { method: 'POST', body: 'x' });
    expect(ok.status).toBe(202);
    expect(ok.headers['x-greeting']).toBe('hello');
    expect(ok.body.toString()).toBe('{"say": "hello", "literal": "${GREETING}"}');

    await putEnvironments(t, { environments: { local: {} }, active: 'local' });
    const fallback = await rawRequest(connector.captureUrl, { method: 'POST', body: 'x' });
    await rawRequest(connector.captureUrl, { method: 'POST', body: 'x' });
    expect(fallback.status).toBe(200);
    expect(fallback.body.toString()).toBe('{"ok": true}');
    expect(t.logs.filter((line) => line.includes('${GREETING}'))).toHaveLength(1);
  });

  it('a verification secret written as ${VAR} is resolved when a request arrives; unset, the check fails and says which variable', async () => {
    const secret = 'env-verification-secret-42';
    await putEnvironments(t, { environments: { local: { SIG_SECRET: secret } }, active: 'local' });
    const connector = await createConnector(t.client, { name: 'Env verification' });
    await t.client.updateConnector(connector.id, { verification: { scheme: 'github', secret: '${SIG_SECRET}' } });
    const body = '{"type":"push"}';
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const send = () => rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
    const newestCapture = async () => (await t.client.listEvents({ connectorId: connector.id })).items.find((e) => e.source === 'capture');

    await send();
    expect((await newestCapture())?.verification?.status).toBe('verified');

    await putEnvironments(t, { environments: { local: {} }, active: 'local' });
    await send();
    const unset = await newestCapture();
    expect(unset?.verification?.status).toBe('failed');
    expect(unset?.verification?.reason).toContain('${SIG_SECRET}');
  });
});
