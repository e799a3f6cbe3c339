import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { closedByServer, openSocket, raw, until, type RawAnswer } from './raw-http';

const NO_STACK = /\bat .+:\d+:\d+|node:internal|\.ts:\d+/;

describe('HTTP edge: bodies that cannot be decoded', () => {
  let t: TestEngine;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestEngine();
    auth = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
  });
  afterAll(() => t.dispose());

  it('answers a body that is not the gzip it claims with 400 invalid_encoding naming gzip, no stack, nothing logged', async () => {
    const res = await raw(t.url, { method: 'POST', path: '/api/v1/events', headers: { ...auth, 'content-encoding': 'gzip' }, body: 'this is not gzip' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_encoding');
    expect(body.error.message).toContain('"gzip"');
    expect(res.body).not.toMatch(NO_STACK);
    expect(t.logs.filter((line) => line.includes('internal error'))).toEqual([]);
    expect((await t.client.listEvents()).items).toEqual([]);
  });

  it('answers broken brotli the same way, and an unknown encoding with 415 naming it', async () => {
    const br = await raw(t.url, { method: 'POST', path: '/api/v1/events', headers: { ...auth, 'content-encoding': 'br' }, body: 'not brotli' });
    expect(br.status).toBe(400);
    expect(JSON.parse(br.body).error).toMatchObject({ code: 'invalid_encoding', message: expect.stringContaining('"br"') });
    const odd = await raw(t.url, { method: 'POST', path: '/api/v1/events', headers: { ...auth, 'content-encoding': 'x-pack200' }, body: '{}' });
    expect(odd.status).toBe(415);
    expect(JSON.parse(odd.body).error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('"x-pack200"') });
  });

  it('still reads a real gzip body', async () => {
    const res = await raw(t.url, {
      method: 'POST',
      path: '/api/v1/events',
      headers: { ...auth, 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ type: 'zipped.one' })),
    });
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ type: 'zipped.one' });
  });

  it('checks the token before reading a body: no token, no inflating', async () => {
    const res = await raw(t.url, {
      method: 'POST',
      path: '/api/v1/events',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: 'not gzip either',
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthorized');
  });

  it('answers a request Node cannot parse with a JSON 400 and closes the socket', async () => {
    const socket = await openSocket(t.url);
    const closed = closedByServer(socket, 5_000);
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello');
    const { text } = await closed;
    expect(text).toMatch(/^HTTP\/1.1 400 /);
    expect(text).toContain('"code":"bad_request"');
    expect(await t.client.health()).toMatchObject({ status: 'ok' });
  });

  it('refuses Content-Length with Transfer-Encoding (request smuggling) with a JSON 400 and never answers the smuggled request', async () => {
    const socket = await openSocket(t.url);
    const closed = closedByServer(socket, 5_000);
    const smuggled = `GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.token}\r\n\r\n`;
    socket.write(
      `POST /api/1.0/webhook/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
    );
    const { text } = await closed;
    expect(text.match(/HTTP\/1.1 \d+/g)).toEqual(['HTTP/1.1 400']);
    expect(text).not.toContain('"items"');
  });

  it('sends nosniff on management answers', async () => {
    const res = await raw(t.url, { path: '/api/v1/events', headers: auth });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('HTTP edge: slow senders and slow readers', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({ headersTimeoutMs: 300, requestTimeoutMs: 600, sseMaxBufferedBytes: 256 * 1024 });
  });
  afterAll(() => t.dispose());

  it('closes a socket whose headers never finish (slowloris) after the headers timeout, with a JSON 408', async () => {
    const socket = await openSocket(t.url);
    const closed = closedByServer(socket, 5_000);
    socket.write('POST /api/1.0/webhook/push HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const { text, ms } = await closed;
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(text).toMatch(/^HTTP\/1.1 408 /);
    expect(text).toContain('"code":"request_timeout"');
  });

  it('closes a request whose body stops coming after the request timeout', async () => {
    const socket = await openSocket(t.url);
    const closed = closedByServer(socket, 5_000);
    socket.write(
      `POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":`,
    );
    const { text } = await closed;
    expect(text).toMatch(/^HTTP\/1.1 408 /);
    expect((await t.client.listEvents()).items).toEqual([]);
  });

  it('keeps a reading live-stream client that is sent one message larger than the buffer limit', async () => {
    const got: { n: number; size: number }[] = [];
    let opened = false;
    const reader = t.client.stream({
      onOpen: () => (opened = true),
      onMessage: (name, data) => {
        if (name === 'event.updated') got.push({ n: (data as { n: number }).n, size: (data as { padding: string }).padding.length });
      },
    });
    await until(() => opened && t.engine.context.hub.size === 1, 5_000, 'the reader');
    t.engine.context.hub.broadcast('event.updated', { n: 1, padding: 'b'.repeat(1024 * 1024) });
    t.engine.context.hub.broadcast('event.updated', { n: 2, padding: '' });
    await until(() => got.length === 2, 5_000, 'both messages');
    reader.close();
    expect(got).toEqual([{ n: 1, size: 1024 * 1024 }, { n: 2, size: 0 }]);
    expect(t.logs.some((line) => line.includes('dropped'))).toBe(false);
    await until(() => t.engine.context.hub.size === 0, 5_000, 'the reader to leave');
  });

  it('drops a live-stream client that never reads, while a reading client keeps every message', async () => {
    const received: number[] = [];
    let opened = false;
    const reader = t.client.stream({
      onOpen: () => (opened = true),
      onMessage: (name, data) => {
        if (name === 'event.updated') received.push((data as { n: number }).n);
      },
    });
    await until(() => opened && t.engine.context.hub.size === 1, 5_000, 'the reading client');

    const stuck = await openSocket(t.url);
    let hello = '';
    stuck.on('data', (c: Buffer) => (hello += c.toString('utf8')));
    stuck.write(`GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.token}\r\n\r\n`);
    await until(() => hello.includes('event: hello'), 5_000, 'the stuck client\'s hello');
    stuck.removeAllListeners('data');
    stuck.pause(); // from here on it never reads: the kernel buffers fill, then the engine's

    // A slowloris socket closing proves the edge's timers ran meanwhile: a live stream is not a
    // slow request, so the reader must not be cut by the request timeout.
    const slow = await openSocket(t.url);
    const slowClosed = closedByServer(slow, 5_000);
    slow.write('GET / HTTP/1.1\r\n');

    const padding = 'x'.repeat(16 * 1024);
    let n = 0;
    while (t.engine.context.hub.size === 2) {
      if (n > 4_000) throw new Error('the stuck client was never dropped');
      n += 1;
      t.engine.context.hub.broadcast('event.updated', { n, padding });
      const sent = n;
      await until(() => received.length >= sent, 5_000, `the reader to get message ${sent}`);
    }
    await slowClosed;
    t.engine.context.hub.broadcast('event.updated', { n: n + 1, padding: '' });
    await until(() => received.length === n + 1, 5_000, 'the message after the drop');
    reader.close();

    expect(received).toEqual(Array.from({ length: n + 1 }, (_, i) => i + 1));
    expect(t.logs.some((line) => line.includes('dropped a client that did not keep up'))).toBe(true);
    // The stuck client gets what was already on its way, then the end of the stream.
    await closedByServer(stuck, 10_000);
  });
});

describe('HTTP edge: connection cap and stalled streams', () => {
  it('closes connections past the cap at once, and serves again when one ends', async () => {
    const t = await startTestEngine({ maxConnections: 2 });
    try {
      const held = [await openSocket(t.url), await openSocket(t.url)];
      await until(() => held.every((s) => s.readyState === 'open'), 2_000, 'two held sockets');
      const third = await openSocket(t.url);
      await closedByServer(third, 5_000);
      held[0]!.destroy();
      // The server counts the freed slot once it sees the close: retry until it does (bounded).
      let answer: RawAnswer | null = null;
      for (let i = 0; i < 100 && !answer; i += 1) answer = await raw(t.url, { path: '/healthz' }).catch(() => null);
      expect(answer?.status).toBe(200);
      held[1]!.destroy();
    } finally {
      await t.dispose();
    }
  });

  it('drops a live-stream client whose socket has not drained for the stall time (engine clock)', async () => {
    const clock = new ManualClock();
    const t = await startTestEngine({ sseStallMs: 60_000, sseMaxBufferedBytes: 512 * 1024 * 1024 }, { clock });
    try {
      const stuck = await openSocket(t.url);
      let hello = '';
      stuck.on('data', (c: Buffer) => (hello += c.toString('utf8')));
      stuck.write(`GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.token}\r\n\r\n`);
      await until(() => hello.includes('event: hello'), 5_000, 'hello');
      stuck.removeAllListeners('data');
      stuck.pause();
      const hub = t.engine.context.hub;
      const padding = 'z'.repeat(64 * 1024);
      // Fill the kernel's buffers until the engine has to hold bytes itself (the write says "wait").
      let n = 0;
      while (!t.logs.some((l) => l.includes('dropped')) && n < 2_000) {
        n += 1;
        hub.broadcast('event.updated', { n, padding });
        await new Promise((resolve) => setImmediate(resolve));
        if (n % 50 === 0) clock.advance(59_000);
      }
      expect(hub.size).toBe(0);
      expect(t.logs.find((l) => l.includes('dropped'))).toMatch(/had not read for \d+ s/);
    } finally {
      await t.dispose();
    }
  });
});
