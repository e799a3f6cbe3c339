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

export async function pushSingle(engineUrl: string, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const connector = await client.createConnector({ name: 'bench-single', dataSource: 'generic', retention: 1_000_000 });
  const body = JSON.stringify(sampleEvent(1024));
  const ceiling = await startCeiling('read');
  const base = await runLoad({ url: ceiling.url, connections: 50, durationSeconds: s.seconds, headers: JSON_HEADERS, body });
  await ceiling.stop();
  const engine = await runLoad({
    url: `${engineUrl}/api/1.0/webhook/push`,
    connections: 50,
    durationSeconds: s.seconds,
    headers: { ...JSON_HEADERS, API_KEY: connector.apiKey },
    body,
    onResponse: sampleIds,
  });
  const r = ratio(engine.requestsPerSecond, base.requestsPerSecond);
  return {
    phase: 'push, one 1 KiB event, 50 connections',
    figure: 'req/s',
    value: engine.requestsPerSecond,
    unit: 'req/s',
    ceiling: base.requestsPerSecond,
    ratio: r,
    target: '≥ 0.5× ceiling, p99 ≤ 25 ms, 0 errors',
    met: r >= 0.5 && engine.p99 <= 25 && engine.errors + engine.non2xx === 0,
    details: loadDetails(engine, base),
  };
}

export async function pushBatches(engineUrl: string, client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const connector = await client.createConnector({ name: 'bench-batch', dataSource: 'generic', retention: 1_000_000 });
  const body = JSON.stringify(Array.from({ length: 50 }, (_, i) => sampleEvent(1000, i)));
  const ceiling = await startCeiling('parse');
  const base = await runLoad({ url: ceiling.url, connections: 50, durationSeconds: s.seconds, headers: JSON_HEADERS, body });
  await ceiling.stop();
  const engine = await runLoad({
    url: `${engineUrl}/api/1.0/webhook/push`,
    connections: 50,
    durationSeconds: s.seconds,
    headers: { ...JSON_HEADERS, API_KEY: connector.apiKey },
    body,
    onResponse: sampleIds,
  });
  const r = ratio(engine.requestsPerSecond, base.requestsPerSecond);
  return {
    phase: 'push, 50-event arrays (~50 KiB)',
    figure: 'events/s',
    value: engine.requestsPerSecond * 50,
    unit: 'events/s',
    ceiling: base.requestsPerSecond * 50,
    ratio: r,
    target: '≥ 0.6× ceiling',
    met: r >= 0.6 && engine.errors + engine.non2xx === 0,
    details: loadDetails(engine, base),
  };
}

export async function capture(client: HookdeskClient, s: BenchSettings): Promise<PhaseResult> {
  const connector = await client.createConnector({ name: 'bench-capture', dataSource: 'generic' });
  const body = JSON.stringify(sampleEvent(1024));
  const ceiling = await startCeiling('read');
  const base = await runLoad({ url: ceiling.url, connections: 50, durationSeconds: s.seconds, headers: JSON_HEADERS, body });
  await ceiling.stop();
  const engine = await runLoad({ url: connector.captureUrl, connections: 50, durationSeconds: s.seconds, headers: JSON_HEADERS, body });
  const r = ratio(engine.requestsPerSecond, base.requestsPerSecond);
  return {
    phase: 'capture URL, 1 KiB',
    figure: 'req/s',
    value: engine.requestsPerSecond,
    unit: 'req/s',
    ceiling: base.requestsPerSecond,
    ratio: r,
    target: '≥ 0.5× ceiling',
    met: r >= 0.5 && engine.errors + engine.non2xx === 0,
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
