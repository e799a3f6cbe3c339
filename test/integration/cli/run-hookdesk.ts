import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `hookdesk` CLI (`out/main/hookdesk.js`) to its exit. */
export function runHookdesk(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return runToExit(['out/main/hookdesk.js', ...args], env);
}

/** Runs the CLI from its sources (tsx) in a fresh Node process, so a test needs no build of out/ (the same entry out/main/hookdesk.js is built from). */
export function runHookdeskFromSource(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return runToExit(['--import', 'tsx', 'electron/cli/hookdesk.ts', ...args], env);
}

function runToExit(nodeArgs: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, nodeArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

export interface RunningServe {
  /** The stdout lines printed once running (the URL line, and the ingest line when there is one). */
  lines: string[];
  url: string;
  ingestUrl: string | null;
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** Runs `hookdesk serve ...` and waits for its URL line (and the ingest line when `--ingest-port` is given). */
export async function startHookdeskServe(args: string[], env: Record<string, string> = {}): Promise<RunningServe> {
  const child = spawn(process.execPath, ['out/main/hookdesk.js', 'serve', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const wanted = args.includes('--ingest-port') ? 2 : 1;
  const lines = await new Promise<string[]>((resolve, reject) => {
    const seen: string[] = [];
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      seen.push(line);
      if (seen.length === wanted) resolve(seen);
    });
  });
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(lines[0] ?? '')?.[0] ?? '';
  const ingestUrl = /^Hookdesk ingest: (http:\/\/\S+)$/.exec(lines[1] ?? '')?.[1] ?? null;
  return {
    lines,
    url,
    ingestUrl,
    stderr: () => stderr,
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
