import { Pool, request } from 'undici';
import type { HookdeskClient } from '../shared/api/client';
import { buildOutboundRequest } from '../shared/outbound/build-request';
import type { Webhook } from '../shared/schemas/webhook';
import { runLoad } from './load';
import { startReceiver, type Child, type EngineProcess } from './processes';
import type { PhaseResult } from './report';
import type { ReceiverRun } from './receiver-run';
import type { BenchSettings } from './settings';
import { probeDetails } from './stall-cause';

/** Shared by the receiver (it checks the first signatures of each run) and the webhooks. */
const SECRET = 'bench-secret';
/** The template of the dispatch webhook: a string and a raw JSON value from the event. */
const DISPATCH_TEMPLATE = '{"id": "{{data.id}}", "n": {{data.n}}}';
/** The relay webhook passes the send time through (a raw number: `{{data.sentAt}}`). */
const RELAY_TEMPLATE = '{"seq": {{data.seq}}, "sentAt": {{data.sentAt}}}';
const BATCH = 50;
/** Push requests in flight at once while publishing the dispatch events. */
const PUSH_CONCURRENCY = 4;
const CEILING_CONNECTIONS = 50;

/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes. */
const now = (): number => performance.timeOrigin + performance.now();

class Receiver {
  private constructor(
    private readonly child: Child,
    readonly url: string,
  ) {}

  static async start(): Promise<Receiver> {
    const child = await startReceiver(SECRET);
    return new Receiver(child, (child as Child & { url: string }).url);
  }

  async reset(): Promise<void> {
    const res = await request(`${this.url}/__reset`, { method: 'POST' });
    await res.body.dump();
  }

  /** Resolves when `count` deliveries have arrived since the reset, or after `timeoutMs`. */
  async waitFor(count: number, timeoutMs: number): Promise<ReceiverRun> {
    const res = await request(`${this.url}/__wait?count=${count}&timeoutMs=${timeoutMs}`, { headersTimeout: timeoutMs + 5000 });
    return (await res.body.json()) as ReceiverRun;
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}

let shared: Receiver | null = null;
async function receiver(): Promise<Receiver> {
  shared ??= await Receiver.start();
  return shared;
}

/** Stops the receiver process the outbound phases started (if any). */
export async function stopReceiver(): Promise<void> {
  await shared?.stop();
  shared = null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function eventOf(i: number): Record<string, unknown> {
  return { event_type: 'bench.dispatch', id: `order-${i}`, n: i, customer: { name: 'Ada Lovelace', email: 'ada@example.com' } };
}

/**
 * The ceiling's requests: exactly what the webhook sends for each event (the template rendered,
 * X-Hookdesk-* headers, the HMAC-SHA1 signature), built with the engine's own shared code before
 * the clock starts.
 */
function ceilingRequests(webhook: Webhook, count: number): { body: Buffer; headers: Record<string, string> }[] {
  const config = { ...webhook, secret: SECRET };
  const out: { body: Buffer; headers: Record<string, string> }[] = [];
  for (let i = 0; i < count; i++) {
    const built = buildOutboundRequest({
      webhook: config,
      event: { id: `evt_${i}`, type: 'bench.dispatch', dataSource: 'generic', receivedTime: new Date().toISOString(), body: eventOf(i), connectorId: 'con_bench' },
      apiBaseUrl: 'http://127.0.0.1',
      timestampSeconds: Math.floor(Date.now() / 1000),
    });
    if (!built.ok || built.bodyBytes === null) throw new Error('the dispatch template did not render');
    out.push({ body: Buffer.from(built.bodyBytes), headers: built.request.headers });
  }
  return out;
}

/** undici.request through a Pool (50 connections): the same bodies to the same receiver, 50 in flight. */
async function ceilingRun(rx: Receiver, requests: { body: Buffer; headers: Record<string, string> }[]): Promise<{ perSecond: number; run: ReceiverRun }> {
  await rx.reset();
  const pool = new Pool(rx.url, { connections: CEILING_CONNECTIONS });
  const started = now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const r = requests[next++] as { body: Buffer; headers: Record<string, string> };
      const res = await pool.request({ method: 'POST', path: '/ceiling', headers: r.headers, body: r.body });
      await res.body.dump();
    }
  };
  await Promise.all(Array.from({ length: CEILING_CONNECTIONS }, worker));
  const run = await rx.waitFor(requests.length, 60_000);
  await pool.close();
  return { perSecond: run.count / (((run.lastMs ?? started) - started) / 1000), run };
}

export async function dispatchPhase(engine: EngineProcess, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const phase = `dispatch: ${s.dispatchEvents.toLocaleString('en-US')} events through a webhook (template, HMAC, records)`;
  const rx = await receiver();
  const connector = await client.createConnector({ name: 'bench-dispatch', dataSource: 'generic', retention: 1_000_000 });
  const webhook = await client.createWebhook({
    name: 'bench-dispatch',
    url: `${rx.url}/dispatch`,
    bodyTemplate: DISPATCH_TEMPLATE,
    secret: SECRET,
    signature: 'hmac-sha1',
    filters: { connectorIds: [connector.id] },
  });

  // Ceiling first (it also warms the receiver), with the same count of the same rendered bodies.
  const ceiling = await ceilingRun(rx, ceilingRequests(webhook, s.dispatchEvents));

  // The engine: events pushed as 50-event arrays; timed from the first push to the last arrival.
  const batches: string[] = [];
  for (let i = 0; i < s.dispatchEvents; i += BATCH) {
    batches.push(JSON.stringify(Array.from({ length: Math.min(BATCH, s.dispatchEvents - i) }, (_, j) => eventOf(i + j))));
  }
  await rx.reset();
  await engine.probe.open();
  const started = now();
  // Each array exactly once, PUSH_CONCURRENCY requests in flight.
  const pushed = await runLoad({
    url: connector.pushUrl,
    connections: PUSH_CONCURRENCY,
    durationSeconds: 120,
    amount: batches.length,
    headers: { 'content-type': 'application/json', api_key: connector.apiKey },
    body: batches,
  });
  const pushFailures = pushed.errors + pushed.non2xx + Math.max(0, batches.length - pushed.totalRequests);
  const pushedMs = now() - started;
  const run = await rx.waitFor(s.dispatchEvents, 60_000);
  const probe = await engine.probe.close();
  const perSecond = run.count / (((run.lastMs ?? started) - started) / 1000);
  const recorded = await waitForRecords(client, webhook.id, s.dispatchEvents, 20_000);
  const ratio = ceiling.perSecond > 0 ? perSecond / ceiling.perSecond : 0;
  const complete = run.count === s.dispatchEvents && pushFailures === 0;
  return {
    phase,
    figure: 'deliveries/s',
    value: perSecond,
    unit: 'deliveries/s',
    ceiling: ceiling.perSecond,
    ratio,
    target: '≥ 0.7× undici.request Pool',
    met: complete && ratio >= 0.7 && run.badSignatures === 0 && recorded.succeeded === s.dispatchEvents,
    details: {
      delivered: run.count,
      push_generator: pushed.generator,
      push_failures: pushFailures,
      ...(pushed.firstNon2xx ? { first_non2xx: pushed.firstNon2xx } : {}),
      all_pushed_ms: pushedMs,
      first_delivery_ms: run.firstMs === null ? null : run.firstMs - started,
      records_succeeded: recorded.succeeded,
      records_failed: recorded.failed,
      records_wait_ms: recorded.waitedMs,
      signatures_checked: run.checked,
      bad_signatures: run.badSignatures + ceiling.run.badSignatures,
      ...probeDetails(probe),
    },
  };
}

/** Polls the webhook's stats until `count` deliveries are recorded as succeeded (or the time is up). */
async function waitForRecords(client: HookdeskClient, webhookId: string, count: number, timeoutMs: number): Promise<{ succeeded: number; failed: number; waitedMs: number }> {
  const started = now();
  for (;;) {
    const stats = await client.webhookStats(webhookId, '24h');
    const succeeded = stats.buckets.reduce((n, b) => n + b.succeeded, 0);
    const failed = stats.buckets.reduce((n, b) => n + b.failed, 0);
    if (succeeded + failed >= count || now() - started > timeoutMs) return { succeeded, failed, waitedMs: now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Push → arrival at the webhook's receiver at a fixed rate: one event per push request, each
 * carrying its send time, which the webhook's template passes through; the receiver computes
 * the latency on arrival. Driven by an undici Pool on an explicit schedule, not wrk: this is an
 * open-loop latency run at 1,000/s (far below any generator's limit), `sentAt` must be taken on
 * the receiver's clock right before each request, and wrk is closed-loop (a connection waits for
 * its answer; `delay()` has 1 ms steps per connection), so a stall would lower the offered load and
 * hide the very pause this phase looks for. The engine probe records event-loop delay and GC
 * during the run and names the worst stall's cause.
 */
export async function relayPhase(engine: EngineProcess, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const phase = `relay: push → receiver at ${s.relayRate.toLocaleString('en-US')}/s for ${s.relaySeconds} s`;
  const rx = await receiver();
  const connector = await client.createConnector({ name: 'bench-relay', dataSource: 'generic', retention: 1_000_000 });
  const webhook = await client.createWebhook({
    name: 'bench-relay',
    url: `${rx.url}/relay`,
    bodyTemplate: RELAY_TEMPLATE,
    secret: SECRET,
    signature: 'hmac-sha1',
    filters: { connectorIds: [connector.id] },
  });
  const total = s.relayRate * s.relaySeconds;
  const push = new URL(connector.pushUrl);
  const pool = new Pool(push.origin, { connections: 32, headersTimeout: 30_000 });
  const headers = { 'content-type': 'application/json', api_key: connector.apiKey };
  const ackLatencies: number[] = [];
  let failures = 0;
  const send = async (seq: number): Promise<void> => {
    const sentAt = now();
    try {
      const res = await pool.request({ method: 'POST', path: push.pathname, headers, body: JSON.stringify({ event_type: 'relay', seq, sentAt }) });
      await res.body.dump();
      if (res.statusCode !== 200) failures++;
    } catch {
      failures++;
    }
    ackLatencies.push(now() - sentAt);
  };

  await rx.reset();
  await engine.probe.open();
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  // A fixed schedule: event k is due at k/rate seconds; each tick sends everything due by now.
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * s.relayRate) + 1);
    while (sent < due) inFlight.push(send(sent++));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const sendSeconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  await pool.close();
  const run = await rx.waitFor(total, 15_000);
  const probe = await engine.probe.close();
  const latencies = run.latencies.sort((a, b) => a - b);
  const acks = ackLatencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  void webhook;
  return {
    phase,
    figure: 'p50, p99 latency',
    value: p99,
    unit: `ms p99 (p50 ${p50.toFixed(1)} ms)`,
    ceiling: null,
    ratio: null,
    target: 'p99 ≤ 20 ms',
    met: p99 <= 20 && run.count === total && failures === 0,
    details: {
      p50_ms: p50,
      p90_ms: percentile(latencies, 90),
      p99_ms: p99,
      max_ms: latencies.at(-1) ?? null,
      sent: total,
      achieved_rate: total / sendSeconds,
      delivered: run.count,
      push_failures: failures,
      push_ack_p50_ms: percentile(acks, 50),
      push_ack_p99_ms: percentile(acks, 99),
      bad_signatures: run.badSignatures,
      ...probeDetails(probe),
    },
  };
}
