import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';

/** A raw request, so tests control Host and Origin exactly (fetch would not). */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('management API skeleton', () => {
  let t: TestEngine;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestEngine();
    auth = { authorization: `Bearer ${t.token}` };
  });
  afterAll(() => t.dispose());

  it('answers /healthz without a token: version and uptime', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; uptimeSeconds: number };
    expect(body).toMatchObject({ status: 'ok', version: 'test' });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('refuses a missing or wrong token with 401 unauthorized in the error shape', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic dGVzdC10b2tlbg==' }] as Record<string, string>[]) {
      const res = await fetch(`${t.url}/api/v1/events`, { headers });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toMatch(/Authorization: Bearer/);
    }
  });

  it('answers unknown routes with a JSON 404 not_found', async () => {
    const res = await fetch(`${t.url}/api/v1/no-such-thing`, { headers: auth });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('/api/v1/no-such-thing'),
    });
  });

  it('refuses a foreign Host (DNS rebinding) even with the right token', async () => {
    const res = await raw(t.url, { path: '/api/v1/events', headers: { ...auth, host: 'attacker.example:80' } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden_host');
    const page = await raw(t.url, { path: '/', headers: { host: 'attacker.example' } });
    expect(page.status).toBe(403);
  });

  it('accepts localhost and 127.0.0.1 as Host', async () => {
    const port = new URL(t.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      expect((await raw(t.url, { path: '/api/v1/events', headers: { ...auth, host } })).status).toBe(200);
    }
  });

  it('refuses requests from another site\'s Origin and sends no CORS headers', async () => {
    const res = await raw(t.url, {
      method: 'POST',
      path: '/api/v1/events',
      headers: { ...auth, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'x' }),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden_origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const list = await fetch(`${t.url}/api/v1/events`, { headers: auth });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('accepts its own origin', async () => {
    const res = await raw(t.url, { path: '/api/v1/events', headers: { ...auth, origin: t.url } });
    expect(res.status).toBe(200);
  });

  it('answers malformed JSON with 400 invalid_json and stores nothing', async () => {
    const res = await fetch(`${t.url}/api/v1/events`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"type": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    expect((await t.client.listEvents()).items).toEqual([]);
  });

  it('answers a non-JSON body with 415 and an oversized body with 413', async () => {
    const text = await fetch(`${t.url}/api/v1/events`, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'type=x' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    const huge = JSON.stringify({ type: 'x', entity: 'a'.repeat(17 * 1024 * 1024) });
    const big = await fetch(`${t.url}/api/v1/events`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: huge });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect((await t.client.listEvents()).items).toEqual([]);
  });

  it('answers validation errors with 400 validation_failed and fields', async () => {
    const res = await fetch(`${t.url}/api/v1/events`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: '', extra: 1 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields)).toContain('type');
  });

  it('pages lists: page, pageAmount and items', async () => {
    for (let i = 0; i < 5; i += 1) await t.client.publishEvent({ type: `paged.${i}` });
    const first = await t.client.listEvents({ page: 1, pageSize: 2 });
    expect(first).toMatchObject({ page: 1, pageAmount: 3 });
    expect(first.items.map((e) => e.type)).toEqual(['paged.4', 'paged.3']);
    const last = await t.client.listEvents({ page: 3, pageSize: 2 });
    expect(last.items.map((e) => e.type)).toEqual(['paged.0']);
    const bad = await fetch(`${t.url}/api/v1/events?pageSize=0`, { headers: auth });
    expect(bad.status).toBe(400);
  });

  it('trades the token for an HttpOnly SameSite=Strict session cookie', async () => {
    const wrong = await fetch(`${t.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    const res = await fetch(`${t.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: t.token }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(t.token);
    const list = await fetch(`${t.url}/api/v1/events`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(list.status).toBe(200);
  });

  it('serves the workspace page with a strict content security policy', async () => {
    const res = await fetch(`${t.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });
});
