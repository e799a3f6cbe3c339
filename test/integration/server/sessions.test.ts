import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { raw, type RawAnswer } from './raw-http';

const HOUR = 60 * 60 * 1000;

function setCookie(res: RawAnswer): string {
  const header = res.headers['set-cookie'];
  return (Array.isArray(header) ? header[0] : header) ?? '';
}

/** `name=value` of the session cookie a sign-in answered. */
async function signIn(t: TestEngine, cookie?: string): Promise<{ cookie: string; header: string }> {
  const res = await raw(t.url, {
    method: 'POST',
    path: '/api/v1/session',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ token: t.token }),
  });
  expect(res.status).toBe(200);
  const header = setCookie(res);
  return { cookie: header.split(';')[0]!, header };
}

function listWith(t: TestEngine, cookie: string): Promise<RawAnswer> {
  return raw(t.url, { path: '/api/v1/events', headers: { cookie } });
}

/** A state-changing request: POST an event of `type` as JSON, with the given credentials and origin headers. */
function postEvent(t: TestEngine, headers: Record<string, string>, type: string): Promise<RawAnswer> {
  return raw(t.url, { method: 'POST', path: '/api/v1/events', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ type }) });
}

describe('browser sessions', () => {
  let t: TestEngine;
  const clock = new ManualClock(Date.parse('2026-03-01T08:00:00Z'));
  beforeAll(async () => {
    t = await startTestEngine({}, { clock });
  });
  afterAll(() => t.dispose());

  it('gives each sign-in its own random session cookie: HttpOnly, SameSite=Strict, Path=/, Max-Age 12 h', async () => {
    const a = await signIn(t);
    const b = await signIn(t);
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.cookie).toMatch(/^hookdesk_session=[A-Za-z0-9_-]{43}$/);
    expect(a.header).toMatch(/HttpOnly/i);
    expect(a.header).toMatch(/SameSite=Strict/i);
    expect(a.header).toMatch(/Path=\//);
    expect(a.header).toMatch(/Max-Age=43200/);
    expect(a.header).not.toContain(t.token);
    expect((await listWith(t, a.cookie)).status).toBe(200);
    expect((await listWith(t, b.cookie)).status).toBe(200);
  });

  it('ends the session at sign-out: the old cookie answers 401 afterwards', async () => {
    const { cookie } = await signIn(t);
    const out = await raw(t.url, { method: 'DELETE', path: '/api/v1/session', headers: { cookie, origin: t.url } });
    expect(out.status).toBe(204);
    expect(setCookie(out)).toMatch(/hookdesk_session=;/);
    const after = await listWith(t, cookie);
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body).error.code).toBe('unauthorized');
    expect((await raw(t.url, { path: '/api/v1/session', headers: { cookie } })).status).toBe(401);
  });

  it('ends the browser\'s earlier session when it signs in again', async () => {
    const first = await signIn(t);
    const second = await signIn(t, first.cookie);
    expect((await listWith(t, first.cookie)).status).toBe(401);
    expect((await listWith(t, second.cookie)).status).toBe(200);
  });

  it('refuses a state-changing request made with the cookie and no Origin (403 forbidden_origin), and stores nothing', async () => {
    const { cookie } = await signIn(t);
    const before = (await t.client.listEvents()).items.length;
    const res = await postEvent(t, { cookie }, 'csrf.attempt');
    expect(res.status).toBe(403);
    const error = JSON.parse(res.body).error as { code: string; message: string };
    expect(error.code).toBe('forbidden_origin');
    expect(error.message).toMatch(/Authorization: Bearer/);
    const bodyless = await raw(t.url, { method: 'DELETE', path: '/api/v1/events', headers: { cookie } });
    expect(bodyless.status).toBe(403);
    expect((await t.client.listEvents()).items.length).toBe(before);
  });

  it('accepts the same request with the workspace\'s own Origin, or Sec-Fetch-Site: same-origin', async () => {
    const { cookie } = await signIn(t);
    const withOrigin = await postEvent(t, { cookie, origin: t.url }, 'from.the.page');
    expect(withOrigin.status).toBe(201);
    const fetchMeta = await postEvent(t, { cookie, 'sec-fetch-site': 'same-origin' }, 'from.the.page');
    expect(fetchMeta.status).toBe(201);
    const crossSite = await postEvent(t, { cookie, 'sec-fetch-site': 'cross-site' }, 'from.elsewhere');
    expect(crossSite.status).toBe(403);
  });

  it('does not ask scripts with the bearer token for an Origin', async () => {
    const res = await postEvent(t, { authorization: `Bearer ${t.token}` }, 'from.a.script');
    expect(res.status).toBe(201);
  });

  it('ends a session after 12 h without a request; one in use slides and gets a fresh cookie', async () => {
    const idle = await signIn(t);
    const used = await signIn(t);
    clock.advance(11 * HOUR);
    const touched = await listWith(t, used.cookie);
    expect(touched.status).toBe(200);
    expect(setCookie(touched)).toMatch(/Max-Age=43200/);
    clock.advance(2 * HOUR);
    expect((await listWith(t, idle.cookie)).status).toBe(401);
    expect((await listWith(t, used.cookie)).status).toBe(200);
  });

  it('ends every session when the engine restarts', async () => {
    const { cookie } = await signIn(t);
    t = await t.restart();
    expect((await listWith(t, cookie)).status).toBe(401);
    const again = await signIn(t);
    expect((await listWith(t, again.cookie)).status).toBe(200);
  });
});
