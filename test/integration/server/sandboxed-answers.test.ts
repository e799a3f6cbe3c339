import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { raw, type RawAnswer } from './raw-http';

/** Every value sent for one header name, whatever its spelling. */
function valuesOf(res: RawAnswer, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    if (res.rawHeaders[i]!.toLowerCase() === name) values.push(res.rawHeaders[i + 1]!);
  }
  return values;
}

function expectSandboxed(res: RawAnswer): void {
  const csp = valuesOf(res, 'content-security-policy');
  expect(csp).toHaveLength(1);
  expect(csp[0]).toMatch(/^sandbox(;|$)/);
  expect(csp[0]).toContain("default-src 'none'");
  expect(valuesOf(res, 'x-content-type-options')).toEqual(['nosniff']);
}

describe('capture and push answers run in a sandbox, never as the workspace', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('sandboxes an owner-configured text/html capture answer, overriding the owner\'s CSP and nosniff headers', async () => {
    const con = await t.client.createConnector({ name: 'Html answer' });
    await t.client.updateConnector(con.id, {
      response: {
        status: 200,
        headers: {
          'Content-Type': 'text/html',
          'Content-Security-Policy': "default-src *; script-src 'unsafe-inline'",
          'X-Content-Type-Options': 'none',
          'X-Kept': 'yes',
        },
        body: '<script>fetch("/api/v1/connectors").then(r => r.text()).then(alert)</script>',
        delayMs: 0,
      },
    });
    const path = new URL(con.captureUrl).pathname;
    const res = await raw(t.url, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.headers['x-kept']).toBe('yes');
    expect(res.body).toContain('<script>');
    expectSandboxed(res);
  });

  it('sandboxes a 204 capture answer and a refusal for an unknown capture URL', async () => {
    const con = await t.client.createConnector({ name: 'Empty answer' });
    await t.client.updateConnector(con.id, { response: { status: 204, headers: {}, body: '', delayMs: 0 } });
    expectSandboxed(await raw(t.url, { method: 'GET', path: new URL(con.captureUrl).pathname }));
    const unknown = await raw(t.url, { method: 'GET', path: '/hooks/not-a-token' });
    expect(unknown.status).toBe(404);
    expectSandboxed(unknown);
  });

  it('sandboxes push answers, accepted or refused', async () => {
    const con = await t.client.createConnector({ name: 'Push answer' });
    const ok = await raw(t.url, {
      method: 'POST',
      path: '/api/1.0/webhook/push',
      headers: { 'content-type': 'application/json', API_KEY: con.apiKey },
      body: JSON.stringify({ type: 'push.one' }),
    });
    expect(ok.status).toBe(200);
    expectSandboxed(ok);
    const refused = await raw(t.url, { method: 'POST', path: '/api/1.0/webhook/push', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(404);
    expectSandboxed(refused);
  });
});
