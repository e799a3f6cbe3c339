import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { LoadOptions, LoadResult } from './load';
import { parseWrkOutput } from './wrk-result';
import { WRK_THREAD_DONE, wrkScript } from './wrk-script';

/** The wrk binary: `BENCH_WRK`, else `wrk` on the PATH; null when there is none. */
export function findWrk(): string | null {
  const candidates = process.env.BENCH_WRK ? [process.env.BENCH_WRK] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'wrk'));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

/** Bounds of what a wrk run may print before it is cut off (its summary is a few hundred bytes). */
const MAX_STDOUT_CHARS = 8 * 1024 * 1024;

/**
 * One wrk run: one thread per core (never more threads than connections), the requests built by a
 * generated Lua script, the figures read from the script's JSON line. A budgeted run (`amount`) is
 * ended with SIGINT once every thread has printed that its share is answered.
 */
export async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const wrk = findWrk();
  if (!wrk) throw new Error('wrk is not installed (scripts/install-test-deps.sh installs it)');
  const threads = Math.max(1, Math.min(cpus().length, options.connections, options.amount ?? Infinity));
  const url = new URL(options.url);
  const bodies = typeof options.body === 'string' ? [options.body] : options.body;
  const script = wrkScript({
    method: options.method ?? 'POST',
    path: `${url.pathname}${url.search}`,
    headers: options.headers,
    bodies,
    threads,
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    ...(options.sampleAckIds ? { sampleIds: Math.ceil(options.sampleAckIds / threads) } : {}),
  });
  const dir = await mkdtemp(join(tmpdir(), 'hookdesk-wrk-'));
  const scriptPath = join(dir, 'load.lua');
  await writeFile(scriptPath, script);
  try {
    const args = ['-t', String(threads), '-c', String(options.connections), '-d', `${Math.max(1, Math.ceil(options.durationSeconds))}s`, '--timeout', '30s', '-s', scriptPath, url.origin];
    const stdout = await runUntilDone(wrk, args, options.amount === undefined ? null : threads);
    const figures = parseWrkOutput(stdout);
    if (figures.ackIds.length > (options.sampleAckIds ?? 0)) figures.ackIds.length = options.sampleAckIds ?? 0;
    return {
      generator: 'wrk',
      requestsPerSecond: figures.requestsPerSecond,
      p50: figures.p50,
      p99: figures.p99,
      errors: figures.errors,
      non2xx: figures.non2xx,
      firstNon2xx: figures.firstNon2xx,
      totalRequests: figures.totalRequests,
      ackIds: figures.ackIds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Distinct threads that printed that their share of a budgeted run is answered. */
export function threadsDone(stdout: string): number {
  // Only whole lines: the last piece may still be cut short.
  const lines = stdout.split('\n').slice(0, -1);
  return new Set(lines.filter((l) => l.startsWith(`${WRK_THREAD_DONE} `) && /^\d+$/.test(l.slice(WRK_THREAD_DONE.length + 1)))).size;
}

/** Runs wrk; with `budgetThreads`, sends SIGINT (again every 200 ms) once that many threads are done. */
function runUntilDone(wrk: string, args: string[], budgetThreads: number | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupt: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stdout.length < MAX_STDOUT_CHARS) stdout += text;
      if (budgetThreads === null) return;
      if (!interrupt && threadsDone(stdout) >= budgetThreads) {
        // wrk's main thread sleeps for the duration; a signal ends the sleep and it prints results.
        child.kill('SIGINT');
        interrupt = setInterval(() => child.kill('SIGINT'), 200);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (interrupt) clearInterval(interrupt);
      if (code === 0) resolve(stdout);
      else reject(new Error(`wrk ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 2000)}${stdout.slice(0, 500)}`));
    });
  });
}
