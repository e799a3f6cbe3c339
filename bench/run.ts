import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { dirBytes } from './disk-usage';
import { HookdeskClient } from '../shared/api/client';
import { ackedSample, capture, pushBatches, pushSingle } from './ingest-phases';
import { memoryPhase } from './memory-phase';
import { loadGenerator } from './load';
import { findWrk } from './load-wrk';
import { engineEntry, startEngineProcess } from './processes';
import { report, type PhaseResult } from './report';
import { settingsFromArgs } from './settings';
import { dispatchPhase, relayPhase, stopReceiver } from './outbound-phases';

/**
 * `npm run bench [-- --smoke]`: the built headless engine as its own process on a fresh data dir,
 * against ceilings measured in the same run with the same load generator (wrk, else autocannon).
 * Loopback only; every phase has a fixed duration or count. Never part of `npm test`'s pass/fail.
 * Environment: BENCH_SERVE (the engine's serve.js), BENCH_ENGINE_FLAGS (Node flags for it),
 * BENCH_PROBE=off (no event-loop/GC probe in it), BENCH_LOAD=autocannon, BENCH_WRK (wrk's path).
 */
async function main(): Promise<void> {
  const settings = settingsFromArgs(process.argv.slice(2));
  const token = 'bench-token';
  const results: PhaseResult[] = [];
  // Other work on the machine skews every figure: the 1-minute load average is kept with the results.
  const loadBefore = loadavg()[0] ?? 0;
  const dataDir = await mkdtemp(join(tmpdir(), 'hookdesk-bench-'));
  const memoryDir = await mkdtemp(join(tmpdir(), 'hookdesk-bench-mem-'));
  const generator = loadGenerator();
  process.stdout.write(
    `load generator: ${generator === 'wrk' ? `wrk (${findWrk()}), ${Math.min(cpus().length, 50)} threads` : 'autocannon (fallback: wrk is not installed or BENCH_LOAD=autocannon)'}; engine ${engineEntry()}, probe ${process.env.BENCH_PROBE === 'off' ? 'off' : 'on'}\n`,
  );
  try {
    let engine = await startEngineProcess(dataDir, token);
    let client = new HookdeskClient({ baseUrl: engine.url, token });
    results.push(await pushSingle(engine, client, settings));
    results.push(await pushBatches(engine, client, settings));
    results.push(await capture(engine, client, settings));

    // Durability: every sampled 200 must still be there after a restart.
    await engine.stop();
    engine = await startEngineProcess(dataDir, token);
    client = new HookdeskClient({ baseUrl: engine.url, token });
    const lost: string[] = [];
    for (const id of ackedSample) if (!(await client.getEvent(id).then(() => true, () => false))) lost.push(id);
    if (lost.length > 0) process.stdout.write(`\n!!! LOST ${lost.length} ACKNOWLEDGED EVENTS after restart: ${lost.slice(0, 10).join(', ')} !!!\n`);
    else process.stdout.write(`durability: all ${ackedSample.length} sampled acknowledged events present after restart\n`);

    // The push phases leave hundreds of MB of live events (their connectors keep 1,000,000 so that
    // the sample above survives). Deleting them lets the journal compact to a small state before the
    // outbound phases, which would otherwise measure compaction stalls (see docs/PERFORMANCE.md).
    await releaseIngestData(client, dataDir, settings.smoke ? 3_000 : 30_000);

    results.push(await dispatchPhase(engine, client, settings));
    results.push(await relayPhase(engine, client, settings));
    await engine.stop();
    results.push(await memoryPhase(memoryDir, token, settings));
    await report(results, {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      smoke: settings.smoke ? 'yes' : 'no',
      loadGenerator: generator,
      lostAcknowledged: lost.length,
      loadAverageBefore: Number(loadBefore.toFixed(2)),
      loadAverageAfter: Number((loadavg()[0] ?? 0).toFixed(2)),
    });
  } finally {
    await stopReceiver();
    await rm(dataDir, { recursive: true, force: true });
    await rm(memoryDir, { recursive: true, force: true });
  }
}

/**
 * Deletes the ingest phases' connectors (their events go with them) and waits for the compaction
 * (up to `waitMs`; a smoke run's few events do not reach the compaction threshold at all).
 */
async function releaseIngestData(client: HookdeskClient, dataDir: string, waitMs: number): Promise<void> {
  const before = await dirBytes(join(dataDir, 'events'));
  const { items } = await client.listConnectors({ pageSize: 100 });
  for (const c of items) if (c.name.startsWith('bench-')) await client.deleteConnector(c.id);
  const started = performance.now();
  let after = before;
  while (performance.now() - started < waitMs) {
    after = await dirBytes(join(dataDir, 'events'));
    if (after < before / 4) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(0);
  process.stdout.write(`ingest data released: journal ${mb(before)} MB -> ${mb(after)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
