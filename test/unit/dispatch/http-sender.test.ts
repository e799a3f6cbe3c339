import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSender } from '../../../electron/engine/dispatch/http-sender';

/**
 * HttpSender against a real node:http server on 127.0.0.1: what comes back (status, headers, the
 * body's exact bytes up to the cap), and every failure as a SendResult in words, never a throw.
 */

type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;
const routes: Record<string, Route> = {
  '/ok': (_req, res, body) => {
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.writeHead(201, { 'content-type': 'application/octet-stream', 'x-echo-length': String(body.length) });
    res.end(Buffer.from([0xff, 0x00, 0xfe, 0x41]));
  },
  '/big': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    // Four chunks of 40 KiB: the cap (64 KiB) falls inside the second.
    let sent = 0;
    const more = (): void => {
      if (sent === 4) return void res.end();
      sent += 1;
      res.write(Buffer.alloc(40 * 1024, 0x61 + sent), () => setImmediate(more));
    };
    more();
  },
  '/early-hints': (_req, res) => {
    res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end('{"accepted":true}');
  },
  '/silent': () => undefined,
};

let server: Server;
let base: string;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => (routes[new URL(req.url ?? '/', 'http://x').pathname] ?? ((_q, r) => r.writeHead(404).end()))(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('HttpSender', () => {
  it('answers the status, the headers (repeated ones joined) and the body bytes exactly, and sends the body', async () => {
    const sender = new HttpSender();
    const result = await sender.send({ method: 'POST', url: `${base}/ok?x=1`, headers: { 'content-type': 'text/plain' }, body: Buffer.from('hello') }, 5000);
    await sender.close();
    expect(result.error).toBeNull();
    expect(result.response).toMatchObject({ status: 201, truncated: false });
    expect(result.response?.headers['set-cookie']).toBe('a=1, b=2');
    expect(result.response?.headers['x-echo-length']).toBe('5');
    expect([...(result.response?.bytes ?? [])]).toEqual([0xff, 0x00, 0xfe, 0x41]);
  });

  it('keeps the first maxBodyBytes of a longer answer and says it was cut', async () => {
    const sender = new HttpSender();
    const result = await sender.send({ method: 'GET', url: `${base}/big`, headers: {}, body: null }, 5000, 64 * 1024);
    await sender.close();
    expect(result.error).toBeNull();
    expect(result.response?.truncated).toBe(true);
    expect(result.response?.bytes.length).toBe(64 * 1024);
    expect(result.response?.bytes[40 * 1024 - 1]).toBe(0x62);
    expect(result.response?.bytes[40 * 1024]).toBe(0x63);
  });

  it('skips an informational 1xx answer and reports the final one', async () => {
    const sender = new HttpSender();
    const result = await sender.send({ method: 'POST', url: `${base}/early-hints`, headers: {}, body: Buffer.from('{}') }, 5000);
    await sender.close();
    expect(result.response).toMatchObject({ status: 202, body: '{"accepted":true}' });
  });

  it('gives up at the timeout with the reason in words', async () => {
    const sender = new HttpSender();
    const result = await sender.send({ method: 'POST', url: `${base}/silent`, headers: {}, body: Buffer.from('{}') }, 300);
    await sender.destroy();
    expect(result.response).toBeNull();
    expect(result.error).toMatch(/No answer from .*\/silent within 0.3 s/);
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('words a refused connection and a URL that cannot be parsed, without throwing', async () => {
    const sender = new HttpSender();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await sender.send({ method: 'POST', url: `http://127.0.0.1:${port}/x`, headers: {}, body: null }, 2000);
    expect(refused.error).toMatch(/Connection refused by 127\.0\.0\.1:\d+/);
    const broken = await sender.send({ method: 'POST', url: 'not a url', headers: {}, body: null }, 2000);
    expect(broken.response).toBeNull();
    expect(broken.error).toMatch(/not a url/);
    await sender.close();
  });
});
