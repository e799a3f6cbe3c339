import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EngineProbe } from './engine-probe-client';

export interface Child {
  process: ChildProcess;
  firstLine: string;
  /** Milliseconds from spawn to the first stdout line. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Spawns a Node process and waits for its first stdout line (a port or the engine's URL line). */
export async function spawnUntilLine(args: string[], env: Record<string, string> = {}, ipc = false): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const readyMs = performance.now() - started;
  return {
    process: child,
    firstLine,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The engine under test: its own process, its URL, and the bench's probe inside it. */
export type EngineProcess = Child & { url: string; probe: EngineProbe };

/** The engine the bench runs: `BENCH_SERVE` (e.g. a private build's serve.js), else the built `out/main/serve.js`. */
export const engineEntry = (): string => process.env.BENCH_SERVE ?? 'out/main/serve.js';

/** The probe the bench loads into the engine (event-loop delay, GC, stalls; see engine-probe.mjs). */
const PROBE = new URL('./engine-probe.mjs', import.meta.url).href;

/**
 * The built headless engine on a free port with the given data dir, with the bench's probe loaded
 * (over an IPC channel) unless `BENCH_PROBE=off`.
 */
export async function startEngineProcess(dataDir: string, token: string): Promise<EngineProcess> {
  // BENCH_ENGINE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof": Node flags for the engine processes only.
  const flags = (process.env.BENCH_ENGINE_FLAGS ?? '').split(' ').filter(Boolean);
  const probed = process.env.BENCH_PROBE !== 'off';
  const child = await spawnUntilLine(
    [...(probed ? ['--import', PROBE] : []), ...flags, engineEntry(), '--port', '0', '--data-dir', dataDir],
    { HOOKDESK_TOKEN: token },
    probed,
  );
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(child.firstLine)?.[0];
  if (!url) throw new Error(`the engine printed no URL: ${child.firstLine}`);
  return { ...child, url, probe: new EngineProbe(child.process, join(dataDir, 'events')) };
}

/** A ceiling server (see ceiling-server.ts). */
export async function startCeiling(mode: 'read' | 'parse'): Promise<Child & { url: string }> {
  const child = await spawnUntilLine(['--import', 'tsx', 'bench/ceiling-server.ts', mode]);
  return { ...child, url: `http://127.0.0.1:${child.firstLine.trim()}` };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; clock ticks of 1/100 s). */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident set size of a process in bytes (Linux /proc). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** The webhook receiver of the outbound phases (see receiver-server.ts), checking signatures with `secret`. */
export async function startReceiver(secret: string): Promise<Child & { url: string }> {
  const child = await spawnUntilLine(['--import', 'tsx', 'bench/receiver-server.ts', secret]);
  return { ...child, url: `http://127.0.0.1:${child.firstLine.trim()}` };
}
