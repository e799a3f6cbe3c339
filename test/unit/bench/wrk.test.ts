import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWrk, runWrk, threadsDone } from '../../../bench/load-wrk';
import { parseWrkOutput } from '../../../bench/wrk-result';
import { luaString, shares, WRK_RESULT_PREFIX, wrkScript } from '../../../bench/wrk-script';

const doneLine = (over: Record<string, unknown> = {}): string =>
  `${WRK_RESULT_PREFIX}${JSON.stringify({
    duration_us: 2_000_000,
    requests: 1000,
    responses: 1000,
    non2xx: 0,
    first_non2xx: '',
    errors: { connect: 0, read: 0, write: 0, status: 0, timeout: 0 },
    latency_us: { min: 100, mean: 900, max: 30_000, p50: 800, p90: 1500, p99: 12_000, p999: 25_000 },
    ids: ['evt_1'],
    ...over,
  })}`;

describe('wrk result line', () => {
  it('reads rate and percentiles (ms) from the JSON line after wrk own summary', () => {
    const f = parseWrkOutput(`Running 2s test @ http://127.0.0.1:1\n  2 threads and 50 connections\nRequests/sec: 500\n${doneLine()}\n`);
    expect(f.requestsPerSecond).toBe(500);
    expect(f.p50).toBe(0.8);
    expect(f.p99).toBe(12);
    expect(f.max).toBe(30);
    expect(f.errors).toBe(0);
    expect(f.firstNon2xx).toBeNull();
    expect(f.ackIds).toEqual(['evt_1']);
  });

  it('adds socket errors and timeouts, keeps non-2xx apart, and says why', () => {
    const f = parseWrkOutput(doneLine({ non2xx: 3, first_non2xx: '503 busy', errors: { connect: 1, read: 2, write: 0, status: 3, timeout: 4 } }));
    expect(f.errors).toBe(7);
    expect(f.non2xx).toBe(3);
    expect(f.firstNon2xx).toBe('503 busy');
  });

  it('fails with what it found when there is no line, or it is not JSON, or fields are missing', () => {
    expect(() => parseWrkOutput('Requests/sec: 10\n')).toThrow(/no result line/);
    expect(() => parseWrkOutput(`${WRK_RESULT_PREFIX}{nope`)).toThrow(/not JSON/);
    expect(() => parseWrkOutput(`${WRK_RESULT_PREFIX}{"requests": 5}`)).toThrow(/duration_us/);
  });
});

describe('wrk Lua generation', () => {
  it('quotes any text as a Lua string literal (quotes, backslashes, control bytes, UTF-8)', () => {
    expect(luaString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(luaString('x\ny\r\0' + '1')).toBe('"x\\010y\\013\\0001"');
    expect(luaString('é')).toBe('"\\195\\169"');
  });

  it('counts each thread that finished its budget once, whole lines only', () => {
    expect(threadsDone('Running 2m test\nHOOKDESK_WRK_THREAD_DONE 1\nHOOKDESK_WRK_THREAD_DONE 1\nHOOKDESK_WRK_THREAD_DONE 2')).toBe(1);
    expect(threadsDone('HOOKDESK_WRK_THREAD_DONE 1\nHOOKDESK_WRK_THREAD_DONE 2\n')).toBe(2);
  });

  it('splits a request budget between threads', () => {
    expect(shares(7, 2)).toEqual([4, 3]);
    expect(shares(400, 2)).toEqual([200, 200]);
  });

  it('refuses header names, values and paths that would break the request', () => {
    const base = { method: 'POST' as const, path: '/p', headers: {}, bodies: ['{}'], threads: 1 };
    expect(() => wrkScript({ ...base, headers: { 'a b': 'x' } })).toThrow(/header name/);
    expect(() => wrkScript({ ...base, headers: { a: 'x\r\nEvil: 1' } })).toThrow(/line break/);
    expect(() => wrkScript({ ...base, path: '/a b' })).toThrow(/path/);
    expect(() => wrkScript({ ...base, bodies: [] })).toThrow(/body/);
  });
});

interface Seen {
  bodies: string[];
  headers: IncomingHttpHeaders[];
}

describe.skipIf(findWrk() === null)('wrk runs against a real server on 127.0.0.1', () => {
  let server: Server;
  let url = '';
  const seen: Seen = { bodies: [], headers: [] };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        seen.bodies.push(body);
        if (seen.headers.length < 50) seen.headers.push(req.headers);
        if (body.includes('"fail"')) res.writeHead(503).end('busy now');
        else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: 1, ids: [`evt_${seen.bodies.length}`] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/1.0/webhook/push?x=1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const reset = (): void => {
    seen.bodies.length = 0;
    seen.headers.length = 0;
  };

  it('sends the body and headers as given, counts answers, samples acknowledged ids', async () => {
    reset();
    const body = JSON.stringify({ event_type: 'a"b', note: 'line\nbreak \\ é ✓' });
    const r = await runWrk({ url, connections: 4, durationSeconds: 1, headers: { 'content-type': 'application/json', API_KEY: 'k-1' }, body, sampleAckIds: 10 });
    expect(r.generator).toBe('wrk');
    expect(r.totalRequests).toBeGreaterThan(0);
    expect(r.non2xx).toBe(0);
    expect(r.errors).toBe(0);
    expect(new Set(seen.bodies)).toEqual(new Set([body]));
    expect(seen.headers[0]?.api_key).toBe('k-1');
    expect(seen.headers[0]?.['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(r.ackIds.length).toBeGreaterThan(0);
    expect(r.ackIds.length).toBeLessThanOrEqual(10);
    for (const id of r.ackIds) expect(id).toMatch(/^evt_\d+$/);
  });

  it('with a budget sends each rotating body exactly once, then stops long before the duration', async () => {
    reset();
    const bodies = Array.from({ length: 9 }, (_, i) => JSON.stringify([{ n: i }]));
    const r = await runWrk({ url, connections: 4, durationSeconds: 120, amount: bodies.length, headers: {}, body: bodies });
    expect(r.totalRequests).toBe(9);
    expect([...seen.bodies].sort()).toEqual([...bodies].sort());
  });

  it('keeps the budget exact when answers arrive together (many connections, answers released in bursts)', async () => {
    const held: (() => void)[] = [];
    const bursty = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.bodies.push(Buffer.concat(chunks).toString('utf8'));
        held.push(() => res.writeHead(200).end('{}'));
      });
    });
    const release = setInterval(() => held.splice(0).forEach((answer) => answer()), 5);
    await new Promise<void>((resolve) => bursty.listen(0, '127.0.0.1', resolve));
    try {
      reset();
      const bodies = Array.from({ length: 101 }, (_, i) => JSON.stringify({ n: i }));
      const r = await runWrk({ url: `http://127.0.0.1:${(bursty.address() as AddressInfo).port}/p`, connections: 16, durationSeconds: 120, amount: bodies.length, headers: {}, body: bodies });
      expect(r.totalRequests).toBe(101);
      expect([...seen.bodies].sort()).toEqual([...bodies].sort());
    } finally {
      clearInterval(release);
      bursty.closeAllConnections();
      await new Promise<void>((resolve) => bursty.close(() => resolve()));
    }
  });

  it('counts non-2xx answers and keeps the first one', async () => {
    reset();
    const bodies = [JSON.stringify({ ok: 1 }), JSON.stringify({ fail: 1 })];
    const r = await runWrk({ url, connections: 2, durationSeconds: 60, amount: 6, headers: {}, body: bodies });
    expect(r.non2xx).toBe(3);
    expect(r.firstNon2xx).toBe('503 busy now');
  });
});
