import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Pool, request } from 'undici';
import { HookdeskClient } from '../shared/api/client';
import { buildOutboundRequest } from '../shared/outbound/build-request';

/**
 * The dispatch phase alone, for A/B work on the engine's outbound path (docs/PERFORMANCE.md):
 *
 *   node --import tsx bench/dispatch-only.ts [--events 20000] [--runs 3] [--no-ceiling] \
 *     [--flags "--cpu-prof --cpu-prof-dir=/tmp/prof"] name=/path/to/tree [name2=/other/tree ...]
 *
 * Each tree is a checkout of Hookdesk (its `electron/cli/serve.ts` is run with tsx, or give a built
 * `serve.js` path). Rounds alternate the trees, each run on a fresh engine process and data dir.
 * A run: one connector, one webhook (template + HMAC-SHA1, as the bench's dispatch phase), N events
 * pushed as 50-event arrays (4 requests in flight), timed from the first push to the last arrival
 * at the receiver, and until every delivery is recorded succeeded. The figure that contention on a
 * shared machine moves least is the engine's CPU time (user + system from /proc/<pid>/stat) per
 * 1,000 deliveries, over the whole run (ingest of the events included, as in PERFORMANCE.md).
 * The ceiling (undici Pool, 50 connections, the same rendered bodies) runs before each round.
 * The receiver is a separate process (this file with `--receiver`).
 */

const SECRET = 'bench-secret';
const TEMPLATE = '{"id": "{{data.id}}", "n": {{data.n}}}';
const BATCH = 50;
const PUSH_CONCURRENCY = 4;
const CEILING_CONNECTIONS = 50;
const TOKEN = 'bench-token';
const now = (): number => performance.timeOrigin + performance.now();

interface RunFigures {
  count: number;
  firstMs: number | null;
  lastMs: number | null;
  checked: number;
  badSignatures: number;
}

// ---------------------------------------------------------------- receiver (its own process)

function runReceiver(): void {
  let run: RunFigures = { count: 0, firstMs: null, lastMs: null, checked: 0, badSignatures: 0 };
  let waiter: { count: number; res: ServerResponse; timer: NodeJS.Timeout } | null = null;
  const OK = Buffer.from('{"ok":true}');
  const answer = (): void => {
    if (!waiter) return;
    clearTimeout(waiter.timer);
    waiter.res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(run));
    waiter = null;
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/__')) {
      req.resume();
      if (url === '/__reset') {
        run = { count: 0, firstMs: null, lastMs: null, checked: 0, badSignatures: 0 };
        res.writeHead(204).end();
        return;
      }
      const params = new URL(url, 'http://x').searchParams;
      waiter = { count: Number(params.get('count')), res, timer: setTimeout(answer, Number(params.get('timeoutMs') ?? 60_000)) };
      if (run.count >= waiter.count) answer();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': OK.length }).end(OK);
      const arrived = now();
      run.count++;
      run.firstMs ??= arrived;
      run.lastMs = arrived;
      if (run.checked < 50) {
        run.checked++;
        const header = req.headers['x-hookdesk-signature'];
        const expected = createHmac('sha1', SECRET).update(Buffer.concat(chunks)).digest();
        const given = Buffer.from(typeof header === 'string' ? header : '', 'hex');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) run.badSignatures++;
      }
      if (waiter && run.count >= waiter.count) answer();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  });
}

// ---------------------------------------------------------------- processes

interface Child {
  process: ChildProcess;
  line: string;
  stop(): Promise<void>;
}

async function spawnUntilLine(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return {
    process: child,
    line,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command: state is index 0, so utime (14th field) is index 11 and stime index 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function engineArgs(target: string, flags: string[]): { args: string[]; cwd: string } {
  if (target.endsWith('.js')) return { args: [...flags, target], cwd: process.cwd() };
  return { args: [...flags, '--import', 'tsx', 'electron/cli/serve.ts'], cwd: target };
}

// ---------------------------------------------------------------- the runs

function eventOf(i: number): Record<string, unknown> {
  return { event_type: 'bench.dispatch', id: `order-${i}`, n: i, customer: { name: 'Ada Lovelace', email: 'ada@example.com' } };
}

async function waitFor(rxUrl: string, count: number, timeoutMs: number): Promise<RunFigures> {
  const res = await request(`${rxUrl}/__wait?count=${count}&timeoutMs=${timeoutMs}`, { headersTimeout: timeoutMs + 5000 });
  return (await res.body.json()) as RunFigures;
}

async function reset(rxUrl: string): Promise<void> {
  await (await request(`${rxUrl}/__reset`, { method: 'POST' })).body.dump();
}

async function ceilingRun(rxUrl: string, events: number): Promise<number> {
  const webhook = { id: 'whk_bench', name: 'bench', url: `${rxUrl}/ceiling`, method: 'POST' as const, contentType: 'application/json' as const, includeEntity: true, bodyTemplate: TEMPLATE, jsonPayloadEnabled: false, auth: { type: 'none' as const }, headers: {}, secret: SECRET, signature: 'hmac-sha1' as const };
  const requests: { body: Buffer; headers: Record<string, string> }[] = [];
  for (let i = 0; i < events; i++) {
    const built = buildOutboundRequest({
      webhook,
      event: { id: `evt_${i}`, type: 'bench.dispatch', dataSource: 'generic', receivedTime: new Date().toISOString(), body: eventOf(i), connectorId: 'con_bench' },
      apiBaseUrl: 'http://127.0.0.1',
      timestampSeconds: Math.floor(Date.now() / 1000),
    });
    if (!built.ok || built.bodyBytes === null) throw new Error('the template did not render');
    requests.push({ body: Buffer.from(built.bodyBytes), headers: built.request.headers });
  }
  await reset(rxUrl);
  const pool = new Pool(rxUrl, { connections: CEILING_CONNECTIONS });
  const started = now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const r = requests[next++]!;
      const res = await pool.request({ method: 'POST', path: '/ceiling', headers: r.headers, body: r.body });
      await res.body.dump();
    }
  };
  await Promise.all(Array.from({ length: CEILING_CONNECTIONS }, worker));
  const run = await waitFor(rxUrl, events, 60_000);
  await pool.close();
  return run.count / (((run.lastMs ?? started) - started) / 1000);
}

interface EngineRun {
  name: string;
  perSecond: number;
  cpuMsPer1000: number;
  cpuMsAtLastArrivalPer1000: number;
  recordedSucceeded: number;
  badSignatures: number;
  load: number;
}

async function engineRun(name: string, target: string, flags: string[], rxUrl: string, events: number): Promise<EngineRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hookdesk-dispatch-'));
  const { args, cwd } = engineArgs(target, flags);
  const engine = await spawnUntilLine([...args, '--port', '0', '--data-dir', dataDir], cwd, { HOOKDESK_TOKEN: TOKEN });
  try {
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(engine.line)?.[0];
    if (!url) throw new Error(`no URL from the engine: ${engine.line}`);
    const client = new HookdeskClient({ baseUrl: url, token: TOKEN });
    const connector = await client.createConnector({ name: 'bench-dispatch', dataSource: 'generic', retention: 1_000_000 });
    const webhook = await client.createWebhook({ name: 'bench-dispatch', url: `${rxUrl}/dispatch`, bodyTemplate: TEMPLATE, secret: SECRET, signature: 'hmac-sha1', filters: { connectorIds: [connector.id] } });
    const batches: string[] = [];
    for (let i = 0; i < events; i += BATCH) batches.push(JSON.stringify(Array.from({ length: Math.min(BATCH, events - i) }, (_, j) => eventOf(i + j))));
    await reset(rxUrl);
    const load = loadavg()[0] ?? 0;
    const pid = engine.process.pid!;
    const cpuBefore = await cpuMsOf(pid);
    const push = new URL(connector.pushUrl);
    const pool = new Pool(push.origin, { connections: PUSH_CONCURRENCY, headersTimeout: 30_000 });
    const started = now();
    let next = 0;
    let failures = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const res = await pool.request({ method: 'POST', path: push.pathname, headers: { 'content-type': 'application/json', api_key: connector.apiKey }, body: batches[next++]! });
        await res.body.dump();
        if (res.statusCode !== 200) failures++;
      }
    };
    await Promise.all(Array.from({ length: PUSH_CONCURRENCY }, worker));
    await pool.close();
    const run = await waitFor(rxUrl, events, 120_000);
    const cpuAtArrival = await cpuMsOf(pid);
    let succeeded = 0;
    for (const deadline = now() + 30_000; now() < deadline; ) {
      const stats = await client.webhookStats(webhook.id, '24h');
      succeeded = stats.buckets.reduce((n, b) => n + b.succeeded, 0);
      if (succeeded >= events) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const cpuAfter = await cpuMsOf(pid);
    if (failures > 0 || run.count !== events) throw new Error(`${name}: ${failures} push failures, ${run.count} of ${events} delivered`);
    return {
      name,
      perSecond: run.count / (((run.lastMs ?? started) - started) / 1000),
      cpuMsPer1000: ((cpuAfter - cpuBefore) / events) * 1000,
      cpuMsAtLastArrivalPer1000: ((cpuAtArrival - cpuBefore) / events) * 1000,
      recordedSucceeded: succeeded,
      badSignatures: run.badSignatures,
      load: Number(load.toFixed(2)),
    };
  } finally {
    await engine.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--receiver') return runReceiver();
  const events = Number(option(argv, '--events') ?? 20_000);
  const runs = Number(option(argv, '--runs') ?? 3);
  const flags = (option(argv, '--flags') ?? '').split(' ').filter(Boolean);
  const withCeiling = !argv.includes('--no-ceiling');
  const targets = argv.filter((a) => /^[\w.-]+=/.test(a)).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as const);
  if (targets.length === 0) throw new Error('name at least one tree: name=/path/to/hookdesk');
  const receiver = await spawnUntilLine(['--import', 'tsx', 'bench/dispatch-only.ts', '--receiver'], process.cwd());
  const rxUrl = `http://127.0.0.1:${receiver.line.trim()}`;
  const results: (EngineRun & { round: number; ceiling: number | null })[] = [];
  try {
    for (let round = 1; round <= runs; round++) {
      const ceiling = withCeiling ? await ceilingRun(rxUrl, events) : null;
      // Alternate the order each round so neither tree always runs first.
      const order = round % 2 === 1 ? targets : [...targets].reverse();
      for (const [name, target] of order) {
        const r = await engineRun(name, target, flags, rxUrl, events);
        results.push({ ...r, round, ceiling });
        const ratio = ceiling ? ` ratio ${(r.perSecond / ceiling).toFixed(2)} (ceiling ${ceiling.toFixed(0)}/s)` : '';
        process.stdout.write(
          `round ${round} ${name}: ${r.perSecond.toFixed(0)} deliveries/s,${ratio} engine CPU ${r.cpuMsPer1000.toFixed(0)} ms/1000 (${r.cpuMsAtLastArrivalPer1000.toFixed(0)} at last arrival), recorded ${r.recordedSucceeded}, bad signatures ${r.badSignatures}, load ${r.load}\n`,
        );
      }
    }
  } finally {
    await receiver.stop();
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`dispatch-only failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
