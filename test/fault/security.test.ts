import { describe, expect, it } from 'vitest';
import { FAULT_TOKEN, type EngineProcess } from './support/engine-process';
import { engineStarter } from './support/engines';
import { walk } from './support/files';
import type { Answer } from './support/http';

/**
 * Security findings of issue 11: sessions that outlive sign-out, cookie requests without an
 * Origin, capture answers running on the UI's origin, and a data dir others can read.
 */
function sessionCookie(answer: Answer): { pair: string; attributes: string } {
  const setCookie = answer.headers['set-cookie'];
  const line = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((l) => l.startsWith('hookdesk_session=')) ?? '';
  return { pair: line.split(';')[0] ?? '', attributes: line };
}

describe('security of sessions, capture answers and files', () => {
  const start = engineStarter();

  const signIn = async (e: EngineProcess): Promise<{ pair: string; attributes: string }> => {
    const answer = await e.request({ method: 'POST', path: '/api/v1/session', headers: { 'content-type': 'application/json', origin: e.url }, body: JSON.stringify({ token: FAULT_TOKEN }) });
    expect(answer.status).toBe(200);
    return sessionCookie(answer);
  };
  const withCookie = (e: EngineProcess, cookie: string, method = 'GET', path = '/api/v1/session', extra: Record<string, string> = {}): Promise<Answer> =>
    e.request({ method, path, headers: { cookie, ...extra } });

  it('each sign-in gets its own random session with a Max-Age; sign-out ends it; a restart ends them all', async () => {
    const e = await start();
    const first = await signIn(e);
    const second = await signIn(e);
    expect(first.pair).not.toBe('');
    expect(first.pair).not.toBe(second.pair);
    expect(first.attributes).toMatch(/Max-Age=\d+/i);
    expect(first.attributes).toMatch(/HttpOnly/i);
    expect((await withCookie(e, first.pair)).status).toBe(200);

    const out = await withCookie(e, first.pair, 'DELETE', '/api/v1/session', { origin: e.url });
    expect(out.status).toBe(204);
    // The cookie the browser had is dead even if it is sent again.
    expect((await withCookie(e, first.pair)).status).toBe(401);
    expect((await withCookie(e, first.pair, 'GET', '/api/v1/events')).status).toBe(401);
    // Another sign-in is untouched.
    expect((await withCookie(e, second.pair)).status).toBe(200);

    expect(await e.stop()).toBe(0);
    const again = await start({ dataDir: e.dataDir });
    expect((await withCookie(again, second.pair)).status).toBe(401);
  });

  it('a state-changing cookie request without a same-origin Origin is refused; with it, it works', async () => {
    const e = await start();
    const { pair } = await signIn(e);
    const create = (extra: Record<string, string>, body?: string): Promise<Answer> =>
      e.request({ method: 'POST', path: '/api/v1/connectors', headers: { cookie: pair, ...(body ? { 'content-type': 'application/json' } : {}), ...extra }, body });
    const body = JSON.stringify({ name: 'Made by cookie' });
    expect((await create({}, body)).status).toBe(403);
    expect((await create({})).status).toBe(403); // body-less, no Origin
    expect((await create({ origin: 'http://evil.example' }, body)).status).toBe(403);
    expect((await create({ origin: 'null' }, body)).status).toBe(403);
    const ok = await create({ origin: e.url }, body);
    expect(ok.status).toBe(201);
    const id = (ok.json as { id: string }).id;
    // Body-less state changes too: resetting a key by cookie needs the Origin.
    expect((await withCookie(e, pair, 'POST', `/api/v1/connectors/${id}/reset-key`)).status).toBe(403);
    expect((await withCookie(e, pair, 'DELETE', `/api/v1/connectors/${id}`)).status).toBe(403);
    // Scripts with the bearer token send no Origin and are not affected.
    expect((await e.api('POST', `/connectors/${id}/reset-key`)).status).toBe(200);
  });

  it('a capture answer is sandboxed: an owner-set text/html response gets CSP sandbox and nosniff', async () => {
    const e = await start();
    const c = await e.createConnector();
    const patch = await e.api('PATCH', `/connectors/${c.id}`, {
      response: { status: 200, headers: { 'content-type': 'text/html' }, body: '<script>fetch("/api/v1/events")</script>', delayMs: 0 },
    });
    expect(patch.status).toBe(200);
    for (const method of ['GET', 'POST']) {
      const answer = await e.request({ method, path: `${c.capturePath}/page`, body: method === 'POST' ? 'x' : undefined });
      expect(answer.status).toBe(200);
      expect(String(answer.headers['content-security-policy'] ?? '')).toMatch(/\bsandbox\b/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    // Unknown capture tokens too.
    const unknown = await e.request({ path: '/hooks/not-a-token' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the data dir and everything under it is owner-only', async () => {
    const e = await start();
    const c = await e.createConnector();
    await e.push(c, JSON.stringify({ type: 'perm.check' }));
    await e.api('POST', '/webhooks', { name: 'Perm hook', url: 'http://127.0.0.1:9/never', enabled: false });
    const entries = await walk(e.dataDir);
    expect(entries.some((f) => f.path.endsWith('.jsonl'))).toBe(true);
    const open = entries.filter((f) => (f.mode & 0o077) !== 0).map((f) => `${f.path} ${f.mode.toString(8)}`);
    expect(open).toEqual([]);
  });
});
