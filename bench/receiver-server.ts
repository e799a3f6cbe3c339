import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { newReceiverRun } from './receiver-run';

/**
 * The webhook receiver of the outbound phases, as its own process: a bare node:http server on
 * 127.0.0.1 that reads each delivery and answers 200 at once. It counts arrivals, checks the
 * `X-Hookdesk-Signature` (HMAC-SHA1 of the body) of the first deliveries of each run, and, for the
 * relay phase, computes the latency of bodies that carry `"sentAt": <ms since the epoch>`.
 *
 * Control routes (bench only): `POST /__reset` starts a new run; `GET /__wait?count=N&timeoutMs=T`
 * answers when N deliveries have arrived (or T ms passed) with the run's figures as JSON.
 * `tsx bench/receiver-server.ts <secret>`; prints its port.
 */
const secret = process.argv[2] ?? '';
const SIGNATURE_CHECKS = 50;
const OK = Buffer.from('{"ok":true}');

let run = newReceiverRun();
let waiter: { count: number; res: ServerResponse; timer: NodeJS.Timeout } | null = null;

const now = (): number => performance.timeOrigin + performance.now();

function answerWaiter(): void {
  if (!waiter) return;
  const { res, timer } = waiter;
  waiter = null;
  clearTimeout(timer);
  const { latencies, ...figures } = run;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ...figures, latencies }));
}

function checkSignature(header: string | string[] | undefined, body: Buffer): boolean {
  if (typeof header !== 'string') return false;
  const expected = createHmac('sha1', secret).update(body).digest();
  const given = Buffer.from(header, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (url.startsWith('/__')) {
    req.resume();
    if (url === '/__reset') {
      run = newReceiverRun();
      res.writeHead(204).end();
      return;
    }
    const params = new URL(url, 'http://x').searchParams;
    const count = Number(params.get('count') ?? 0);
    const timeoutMs = Number(params.get('timeoutMs') ?? 60_000);
    waiter = { count, res, timer: setTimeout(answerWaiter, timeoutMs) };
    if (run.count >= count) answerWaiter();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': OK.length });
    res.end(OK);
    const arrived = now();
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    run.count++;
    run.firstMs ??= arrived;
    run.lastMs = arrived;
    if (secret && run.checked < SIGNATURE_CHECKS) {
      run.checked++;
      if (!checkSignature(req.headers['x-hookdesk-signature'], body)) run.badSignatures++;
    }
    if (body.includes('"sentAt"')) {
      const sentAt = (JSON.parse(body.toString('utf8')) as { sentAt?: unknown }).sentAt;
      if (typeof sentAt === 'number') run.latencies.push(arrived - sentAt);
    }
    if (waiter && run.count >= waiter.count) answerWaiter();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
