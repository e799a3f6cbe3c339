import type { HookdeskClient } from '../shared/api/client';
import { runLoad, type LoadResult } from './load';
import { startCeiling } from './processes';
import type { PhaseResult } from './report';
import type { BenchSettings } from './settings';

/** A JSON event of about `bytes` bytes. */
export function sampleEvent(bytes: number, i = 0): Record<string, unknown> {
  const base = { event_type: 'order.created', id: i, customer: { name: 'Ada Lovelace', email: 'ada@example.com' } };
  const padding = Math.max(0, bytes - JSON.stringify(base).length - 12);
  return { ...base, note: 'x'.repeat(padding) };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function ratio(value: number, ceiling: number): number {
  return ceiling > 0 ? value / ceiling : 0;
}

/** Acknowledged ids seen during the push phases (a sample), checked after a restart. */
export const ackedSample: string[] = [];

function sampleIds(body: string): void {
  if (ackedSample.length >= 500 || Math.random() > 0.01) return;
  try {
    const parsed = JSON.parse(body) as { ids?: string[] };
    if (parsed.ids?.[0]) ackedSample.push(parsed.ids[0]);
  } catch {
    // not an acknowledgement
  }
}

interface Comparison {
  ceilingMode: 'read' | 'parse';
  body: string;
  /** Where and how the engine is driven. */
  engineUrl: string;
  engineHeaders: Record<string, string>;
  sample: boolean;
  seconds: number;
}

/** The same load against a fresh ceiling server, then against the engine. */
async function compare(c: Comparison): Promise<{ engine: LoadResult; base: LoadResult; ratio: number }> {
  const ceiling = await startCeiling(c.ceilingMode);
  const base = await runLoad({ url: ceiling.url, connections: 50, durationSeconds: c.seconds, headers: JSON_HEADERS, body: c.body });
  await ceiling.stop();
  const engine = await runLoad({
    url: c.engineUrl,
    connections: 50,
    durationSeconds: c.seconds,
    headers: { ...JSON_HEADERS, ...c.engineHeaders },
    body: c.body,
    ...(c.sample ? { onResponse: sampleIds } : {}),
  });
  return { engine, base, ratio: ratio(engine.requestsPerSecond, base.requestsPerSecond) };
}

const clean = (l: LoadResult): boolean => l.errors + l.non2xx === 0;

export async function pushSingle(engineUrl: string, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const connector = await client.createConnector({ name: 'bench-single', dataSource: 'generic', retention: 1_000_000 });
  const { engine, base, ratio: r } = await compare({
    ceilingMode: 'read',
    body: JSON.stringify(sampleEvent(1024)),
    engineUrl: `${engineUrl}/api/1.0/webhook/push`,
    engineHeaders: { API_KEY: connector.apiKey },
    sample: true,
    seconds: s.seconds,
  });
  return {
    phase: 'push, one 1 KiB event, 50 connections',
    figure: 'req/s',
    value: engine.requestsPerSecond,
    unit: 'req/s',
    ceiling: base.requestsPerSecond,
    ratio: r,
    target: '≥ 0.5× ceiling, p99 ≤ 25 ms, 0 errors',
    met: r >= 0.5 && engine.p99 <= 25 && clean(engine),
    details: loadDetails(engine, base),
  };
}

export async function pushBatches(engineUrl: string, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const connector = await client.createConnector({ name: 'bench-batch', dataSource: 'generic', retention: 1_000_000 });
  const { engine, base, ratio: r } = await compare({
    ceilingMode: 'parse',
    body: JSON.stringify(Array.from({ length: 50 }, (_, i) => sampleEvent(1000, i))),
    engineUrl: `${engineUrl}/api/1.0/webhook/push`,
    engineHeaders: { API_KEY: connector.apiKey },
    sample: true,
    seconds: s.seconds,
  });
  return {
    phase: 'push, 50-event arrays (~50 KiB)',
    figure: 'events/s',
    value: engine.requestsPerSecond * 50,
    unit: 'events/s',
    ceiling: base.requestsPerSecond * 50,
    ratio: r,
    target: '≥ 0.6× ceiling',
    met: r >= 0.6 && clean(engine),
    details: loadDetails(engine, base),
  };
}

export async function capture(client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const connector = await client.createConnector({ name: 'bench-capture', dataSource: 'generic' });
  const { engine, base, ratio: r } = await compare({
    ceilingMode: 'read',
    body: JSON.stringify(sampleEvent(1024)),
    engineUrl: connector.captureUrl,
    engineHeaders: {},
    sample: false,
    seconds: s.seconds,
  });
  return {
    phase: 'capture URL, 1 KiB',
    figure: 'req/s',
    value: engine.requestsPerSecond,
    unit: 'req/s',
    ceiling: base.requestsPerSecond,
    ratio: r,
    target: '≥ 0.5× ceiling',
    met: r >= 0.5 && clean(engine),
    details: loadDetails(engine, base),
  };
}

function loadDetails(engine: LoadResult, base: LoadResult): Record<string, number> {
  return {
    p50_ms: engine.p50,
    p99_ms: engine.p99,
    errors: engine.errors,
    non2xx: engine.non2xx,
    ceiling_p99_ms: base.p99,
  };
}
