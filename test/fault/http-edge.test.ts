import { afterEach, describe, expect, it } from 'vitest';
import { EngineProcess, FAULT_TOKEN } from './support/engine-process';
import { hasErrorShape, looksLikeStack } from './support/http';
import { rawExchange, slowloris, statusLines } from './support/raw-socket';
import { openSse } from './support/sse';

/**
 * The HTTP edge under attack (issue 11): bodies that lie, requests that try to smuggle, slow
 * senders and readers. Fixed: a JSON 4xx in the contract's shape (no stack, in the answer or the
 * log), bounded header time, and stream clients that do not keep up are dropped.
 */

/** The headers timeout the engine applies by default (engine config `headersTimeoutMs`). */
const HEADERS_TIMEOUT_MS = 10_000;

describe('the HTTP edge under attack', () => {
  let engine: EngineProcess | null = null;
  afterEach(async () => {
    await engine?.dispose();
    engine = null;
  });

  it('gzip-labelled garbage to the management API: a JSON 4xx, no stack trace in the answer or the log, with or without the token', async () => {
    const e = (engine = await EngineProcess.start());
    const garbage = Buffer.from('this is not gzip at all \x00\x01\x02');
    for (const path of ['/api/v1/connectors', '/api/v1/webhooks', '/api/v1/session']) {
      for (const auth of [{ authorization: `Bearer ${FAULT_TOKEN}` }, {}] as Record<string, string>[]) {
        const answer = await e.request({ method: 'POST', path, headers: { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: garbage });
        expect(answer.status, `${path} ${JSON.stringify(auth)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${path} ${JSON.stringify(auth)}`).toBeLessThan(500);
        expect(hasErrorShape(answer), answer.text).toBe(true);
        expect(looksLikeStack(answer.text)).toBe(false);
      }
    }
    const deflate = await e.request({ method: 'POST', path: '/api/v1/connectors', headers: { authorization: `Bearer ${FAULT_TOKEN}`, 'content-type': 'application/json', 'content-encoding': 'x-unknown' }, body: '{}' });
    expect(deflate.status).toBeGreaterThanOrEqual(400);
    expect(deflate.status).toBeLessThan(500);
    expect(e.stderr()).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(e.alive).toBe(true);
  });

  it('a lying Content-Length (shorter, then longer than the body, then close): no 5xx, nothing half-stored, engine up', async () => {
    const e = (engine = await EngineProcess.start());
    const c = await e.createConnector();
    const body = JSON.stringify({ type: 'lying.length', pad: 'x'.repeat(40) });
    const head = (length: number): string =>
      `POST /api/1.0/webhook/push HTTP/1.1\r\nHost: ${new URL(e.url).host}\r\nContent-Type: application/json\r\nAPI_KEY: ${c.apiKey}\r\nContent-Length: ${length}\r\n\r\n`;
    const shorter = await rawExchange(e.url, [head(10), body], { endAfter: true });
    for (const status of statusLines(shorter.received)) expect(status).toBeLessThan(500);
    const longer = await rawExchange(e.url, [head(body.length + 1000), body], { endAfter: true });
    for (const status of statusLines(longer.received)) expect(status).toBeLessThan(500);
    const capture = `POST ${c.capturePath} HTTP/1.1\r\nHost: ${new URL(e.url).host}\r\nContent-Length: 100000\r\n\r\n`;
    const cut = await rawExchange(e.url, [capture, 'only a little'], { endAfter: true });
    for (const status of statusLines(cut.received)) expect(status).toBeLessThan(500);
    expect(e.alive).toBe(true);
    expect(await e.probe()).toBeLessThan(2_000);
    // Neither the cut push nor the cut capture was stored as if complete.
    const list = await e.api('GET', `/events?connectorId=${c.id}`);
    expect(list.status).toBe(200);
    const bodies = (list.json as { items: { body: unknown }[] }).items.map((i) => JSON.stringify(i.body));
    expect(bodies.filter((b) => b.includes('only a little'))).toEqual([]);
  });

  it('Content-Length and Transfer-Encoding together: 400, and the smuggled second request is never answered', async () => {
    const e = (engine = await EngineProcess.start());
    const c = await e.createConnector();
    const host = new URL(e.url).host;
    const smuggled = `GET /api/v1/events HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${FAULT_TOKEN}\r\n\r\n`;
    const attack =
      `POST /api/1.0/webhook/push HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAPI_KEY: ${c.apiKey}\r\n` +
      `Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`;
    const answer = await rawExchange(e.url, [attack], { timeoutMs: 3_000 });
    expect(statusLines(answer.received)).toEqual([400]);
    expect(answer.received).not.toContain('"items"');
    // The same the other way round (TE first), and on the management API.
    const reversed = `POST /api/v1/connectors HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${FAULT_TOKEN}\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n${smuggled}`;
    expect(statusLines((await rawExchange(e.url, [reversed], { timeoutMs: 3_000 })).received)).toEqual([400]);
    expect(e.alive).toBe(true);
  });

  it('slowloris: 200 sockets sending their headers one byte a second are closed by the server within the headers timeout', async () => {
    const e = (engine = await EngineProcess.start());
    const giveUpMs = HEADERS_TIMEOUT_MS + 8_000;
    const sockets = Promise.all(Array.from({ length: 200 }, () => slowloris(e.url, 1_000, giveUpMs)));
    // While they hang on, the engine still answers others.
    expect(await e.probe()).toBeLessThan(2_000);
    const openMs = await sockets;
    expect(Math.max(...openMs)).toBeLessThan(giveUpMs);
    expect(e.alive).toBe(true);
    expect(await e.probe()).toBeLessThan(2_000);
  }, 40_000);

  it('a live-stream client that never reads is dropped; the engine memory stays bounded and others keep their stream', async () => {
    const e = (engine = await EngineProcess.start({ maxBody: '1mb' }));
    const c = await e.createConnector();
    const stalled = await openSse(e.url, FAULT_TOKEN, { read: false });
    const healthy = await openSse(e.url, FAULT_TOKEN);
    const rssBefore = await e.rssBytes();
    // ~30 MB of events announced on the stream: far past the socket buffers and the hub's limit;
    // a server that ignores backpressure buffers it all for the client that never reads.
    const batch = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ type: 'stream.flood', i, pad: 'y'.repeat(20_000) })));
    for (let n = 0; n < 30; n++) expect((await e.push(c, batch)).status).toBe(200);
    await e.push(c, JSON.stringify({ type: 'stream.marker' }));
    await healthy.waitFor('stream.marker', 20_000);
    healthy.close();
    expect((await e.rssBytes()) - rssBefore).toBeLessThan(150 * 1024 * 1024);
    // Now read what the stalled client was sent: a dropped client's stream ends before the marker.
    stalled.resume();
    const outcome = await Promise.race([
      stalled.closed.then(() => 'dropped'),
      stalled.waitFor('stream.marker', 20_000).then(() => 'kept', () => 'silent'),
    ]);
    stalled.close();
    expect(outcome).toBe('dropped');
    expect(stalled.text()).not.toContain('stream.marker');
    expect(e.alive).toBe(true);
  }, 60_000);
});
