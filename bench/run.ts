import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { HookdeskClient } from '../shared/api/client';
import { ackedSample, capture, pushBatches, pushSingle } from './ingest-phases';
import { memoryPhase } from './memory-phase';
import { startEngineProcess } from './processes';
import { report, type PhaseResult } from './report';
import { settingsFromArgs } from './settings';
import { dispatchPhase, relayPhase } from './outbound-phases';

/**
 * `npm run bench [-- --smoke]`: the built headless engine as its own process on a fresh data dir,
 * against ceilings measured in the same run with the same load generator. Loopback only; every
 * phase has a fixed duration or count. Never part of `npm test`'s pass/fail.
 */
async function main(): Promise<void> {
  const settings = settingsFromArgs(process.argv.slice(2));
  const token = 'bench-token';
  const results: PhaseResult[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'hookdesk-bench-'));
  const memoryDir = await mkdtemp(join(tmpdir(), 'hookdesk-bench-mem-'));
  try {
    let engine = await startEngineProcess(dataDir, token);
    let client = new HookdeskClient({ baseUrl: engine.url, token });
    results.push(await pushSingle(engine.url, client, settings));
    results.push(await pushBatches(engine.url, client, settings));
    results.push(await capture(client, settings));

    // Durability: every sampled 200 must still be there after a restart.
    await engine.stop();
    engine = await startEngineProcess(dataDir, token);
    client = new HookdeskClient({ baseUrl: engine.url, token });
    const lost: string[] = [];
    for (const id of ackedSample) if (!(await client.getEvent(id).then(() => true, () => false))) lost.push(id);
    if (lost.length > 0) process.stdout.write(`\n!!! LOST ${lost.length} ACKNOWLEDGED EVENTS after restart: ${lost.slice(0, 10).join(', ')} !!!\n`);
    else process.stdout.write(`durability: all ${ackedSample.length} sampled acknowledged events present after restart\n`);

    results.push(await dispatchPhase(engine.url, client, settings));
    results.push(await relayPhase(engine.url, client, settings));
    await engine.stop();
    results.push(await memoryPhase(memoryDir, token, settings));
    await report(results, {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      smoke: settings.smoke ? 'yes' : 'no',
      lostAcknowledged: lost.length,
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(memoryDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
