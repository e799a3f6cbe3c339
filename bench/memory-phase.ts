import { dirBytes } from './disk-usage';
import { HookdeskClient } from '../shared/api/client';
import { sampleEvent } from './ingest-phases';
import { runLoad } from './load';
import { rssOf, startEngineProcess } from './processes';
import type { PhaseResult } from './report';
import type { BenchSettings } from './settings';
import { probeDetails } from './stall-cause';

/** RSS after start and after N pushed events, data-dir size, and start time with that data dir. */
export async function memoryPhase(dataDir: string, token: string, s: BenchSettings): Promise<PhaseResult> {
  const engine = await startEngineProcess(dataDir, token);
  const client = new HookdeskClient({ baseUrl: engine.url, token });
  const connector = await client.createConnector({ name: 'bench-memory', dataSource: 'generic' });
  const rssStart = await rssOf(engine.process.pid!);
  const body = JSON.stringify(Array.from({ length: 50 }, (_, i) => sampleEvent(1000, i)));
  await engine.probe.open();
  const load = await runLoad({
    url: `${engine.url}/api/1.0/webhook/push`,
    connections: 20,
    durationSeconds: 120,
    amount: Math.ceil(s.memoryEvents / 50),
    headers: { 'content-type': 'application/json', API_KEY: connector.apiKey },
    body,
  });
  const probe = await engine.probe.close();
  const rssAfter = await rssOf(engine.process.pid!);
  await engine.stop();
  const bytes = await dirBytes(dataDir);
  const again = await startEngineProcess(dataDir, token);
  const startMs = again.readyMs;
  await again.stop();
  const growthMb = (rssAfter - rssStart) / 1024 / 1024;
  return {
    phase: `memory: after start, after ${s.memoryEvents.toLocaleString('en-US')} pushed events`,
    figure: 'RSS growth',
    value: growthMb,
    unit: 'MB',
    ceiling: null,
    ratio: null,
    target: 'RSS growth ≤ 100 MB, start ≤ 1 s',
    met: growthMb <= 100 && startMs <= 1000 && load.errors + load.non2xx === 0,
    details: {
      rss_start_mb: rssStart / 1024 / 1024,
      rss_after_mb: rssAfter / 1024 / 1024,
      data_dir_mb: bytes / 1024 / 1024,
      start_with_data_ms: startMs,
      generator: load.generator,
      pushed_events: load.totalRequests * 50,
      push_errors: load.errors + load.non2xx,
      ...(load.firstNon2xx ? { first_non2xx: load.firstNon2xx } : {}),
      ...probeDetails(probe),
    },
  };
}
