import type { HookdeskClient } from '../shared/api/client';
import type { ProbeWindow } from './engine-probe-client';
import { runLoad, type LoadOptions, type LoadResult } from './load';
import { cpuSecondsOf, startCeiling, type EngineProcess } from './processes';
import { probeDetails } from './stall-cause';
import type { PhaseResult } from './report';
import type { BenchSettings } from './settings';

/** A JSON event of about `bytes` bytes. */
export function sampleEvent(bytes: number, i = 0): Record<string, unknown> {
  const base = { event_type: 'order.created', id: i, customer: { name: 'Ada Lovelace', email: 'ada@example.com' } };
  const padding = Math.max(0, bytes - JSON.stringify(base).length - 12);
  return { ...base, note: 'x'.repeat(padding) };
}

const JSON_HEADERS = { 'content-type': 'application/json' };
/** Connections of every throughput run; the generator check doubles them against the ceiling. */
const CONNECTIONS = 50;
/** The ceiling at twice the connections may be this much higher before the generator is suspected. */
const GENERATOR_SLACK = 1.1;

function ratio(value: number, ceiling: number): number {
  return ceiling > 0 ? value / ceiling : 0;
}

/** Acknowledged ids seen during the push phases (a sample), checked after a restart. */
export const ackedSample: string[] = [];
const SAMPLE_MAX = 500;

interface Comparison {
  phase: string;
  ceilingMode: 'read' | 'parse';
  body: string;
  /** Where and how the engine is driven. */
  engineUrl: string;
  engineHeaders: Record<string, string>;
  sample: boolean;
  seconds: number;
}

interface Measured {
  result: LoadResult;
  /** Cores the server process used meanwhile (CPU seconds / wall seconds). */
  cpuCores: number;
}

/** One load run, with the CPU the server process used during it. */
async function measured(pid: number, options: LoadOptions): Promise<Measured> {
  const cpu = await cpuSecondsOf(pid);
  const started = performance.now();
  const result = await runLoad(options);
  const cores = (await cpuSecondsOf(pid)) - cpu;
  return { result, cpuCores: cores / ((performance.now() - started) / 1000) };
}

/**
 * The same load against a fresh ceiling server, then against the engine. The ceiling runs a second
 * time with twice the connections (half as long): if that is clearly higher, the generator, not the
 * server, set the ceiling, and the line printed says so.
 */
async function compare(engine: EngineProcess, c: Comparison): Promise<{ engine: Measured; base: Measured; doubled: LoadResult; ratio: number; probe: ProbeWindow | null }> {
  const ceiling = await startCeiling(c.ceilingMode);
  const load = { url: ceiling.url, connections: CONNECTIONS, durationSeconds: c.seconds, headers: JSON_HEADERS, body: c.body };
  const base = await measured(ceiling.process.pid!, load);
  const doubled = await runLoad({ ...load, connections: CONNECTIONS * 2, durationSeconds: Math.max(1, Math.round(c.seconds / 2)) });
  await ceiling.stop();
  reportGenerator(c.phase, base, doubled);
  await engine.probe.open();
  const measuredEngine = await measured(engine.process.pid!, {
    url: c.engineUrl,
    connections: CONNECTIONS,
    durationSeconds: c.seconds,
    headers: { ...JSON_HEADERS, ...c.engineHeaders },
    body: c.body,
    ...(c.sample ? { sampleAckIds: SAMPLE_MAX } : {}),
  });
  const probe = await engine.probe.close();
  for (const id of measuredEngine.result.ackIds) if (ackedSample.length < SAMPLE_MAX) ackedSample.push(id);
  return { engine: measuredEngine, base, doubled, ratio: ratio(measuredEngine.result.requestsPerSecond, base.result.requestsPerSecond), probe };
}

/** Prints whether the ceiling is the server's or the load generator's. */
function reportGenerator(phase: string, base: Measured, doubled: LoadResult): void {
  const r = ratio(doubled.requestsPerSecond, base.result.requestsPerSecond);
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  const figures = `ceiling ${fmt(base.result.requestsPerSecond)} req/s at ${CONNECTIONS} connections, ${fmt(doubled.requestsPerSecond)} at ${CONNECTIONS * 2} (${r.toFixed(2)}×), ceiling server on ${base.cpuCores.toFixed(2)} cores, ${base.result.generator}`;
  process.stdout.write(
    r <= GENERATOR_SLACK
      ? `generator check (${phase}): ${figures}: the server is the limit, not the generator\n`
      : `!!! generator check (${phase}): ${figures}: more connections gave a higher ceiling, so the generator may be the bottleneck\n`,
  );
}

const clean = (l: Measured): boolean => l.result.errors + l.result.non2xx === 0;

export async function pushSingle(e: EngineProcess, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const phase = 'push, one 1 KiB event, 50 connections';
  const connector = await client.createConnector({ name: 'bench-single', dataSource: 'generic', retention: 1_000_000 });
  const { engine, base, doubled, ratio: r, probe } = await compare(e, {
    phase,
    ceilingMode: 'read',
    body: JSON.stringify(sampleEvent(1024)),
    engineUrl: `${e.url}/api/1.0/webhook/push`,
    engineHeaders: { API_KEY: connector.apiKey },
    sample: true,
    seconds: s.seconds,
  });
  return {
    phase,
    figure: 'req/s',
    value: engine.result.requestsPerSecond,
    unit: 'req/s',
    ceiling: base.result.requestsPerSecond,
    ratio: r,
    target: '≥ 0.5× ceiling, p99 ≤ 25 ms, 0 errors',
    met: r >= 0.5 && engine.result.p99 <= 25 && clean(engine),
    details: loadDetails(engine, base, doubled, probe),
  };
}

export async function pushBatches(e: EngineProcess, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const phase = 'push, 50-event arrays (~50 KiB)';
  const connector = await client.createConnector({ name: 'bench-batch', dataSource: 'generic', retention: 1_000_000 });
  const { engine, base, doubled, ratio: r, probe } = await compare(e, {
    phase,
    ceilingMode: 'parse',
    body: JSON.stringify(Array.from({ length: 50 }, (_, i) => sampleEvent(1000, i))),
    engineUrl: `${e.url}/api/1.0/webhook/push`,
    engineHeaders: { API_KEY: connector.apiKey },
    sample: true,
    seconds: s.seconds,
  });
  return {
    phase,
    figure: 'events/s',
    value: engine.result.requestsPerSecond * 50,
    unit: 'events/s',
    ceiling: base.result.requestsPerSecond * 50,
    ratio: r,
    target: '≥ 0.6× ceiling',
    met: r >= 0.6 && clean(engine),
    details: loadDetails(engine, base, doubled, probe),
  };
}

export async function capture(e: EngineProcess, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const phase = 'capture URL, 1 KiB';
  const connector = await client.createConnector({ name: 'bench-capture', dataSource: 'generic' });
  const { engine, base, doubled, ratio: r, probe } = await compare(e, {
    phase,
    ceilingMode: 'read',
    body: JSON.stringify(sampleEvent(1024)),
    engineUrl: connector.captureUrl,
    engineHeaders: {},
    sample: false,
    seconds: s.seconds,
  });
  return {
    phase,
    figure: 'req/s',
    value: engine.result.requestsPerSecond,
    unit: 'req/s',
    ceiling: base.result.requestsPerSecond,
    ratio: r,
    target: '≥ 0.5× ceiling',
    met: r >= 0.5 && clean(engine),
    details: loadDetails(engine, base, doubled, probe),
  };
}

function loadDetails(engine: Measured, base: Measured, doubled: LoadResult, probe: ProbeWindow | null): Record<string, number | string | null> {
  return {
    generator: engine.result.generator,
    p50_ms: engine.result.p50,
    p99_ms: engine.result.p99,
    errors: engine.result.errors,
    non2xx: engine.result.non2xx,
    ...(engine.result.firstNon2xx ? { first_non2xx: engine.result.firstNon2xx } : {}),
    engine_cpu_cores: engine.cpuCores,
    ceiling_p99_ms: base.result.p99,
    ceiling_cpu_cores: base.cpuCores,
    ceiling_2x_connections: doubled.requestsPerSecond,
    ceiling_2x_ratio: ratio(doubled.requestsPerSecond, base.result.requestsPerSecond),
    ...probeDetails(probe),
  };
}
