import { readFile } from 'node:fs/promises';
import type { Agent } from 'node:http';
import { spawnServe, type ServeProcess } from '../../helpers/spawn-serve';
import { tempDir } from '../../helpers/temp-dir';
import { call, type Answer, type Call } from './http';

export const FAULT_TOKEN = 'fault-token';

export interface EngineOptions {
  /** Reuse a data dir (restarts); a fresh temp dir otherwise, removed by `dispose()`. */
  dataDir?: string;
  /** `--max-body`; small by default so oversize cases stay fast. */
  maxBody?: string;
  extraArgs?: string[];
  env?: Record<string, string>;
}

export interface Connector {
  id: string;
  apiKey: string;
  pushUrl: string;
  captureUrl: string;
  /** `/hooks/<token>`, the path part of captureUrl. */
  capturePath: string;
}

/**
 * The built engine (`out/main/serve.js`) as a child process on 127.0.0.1:0: a crash is the child
 * exiting, its memory is the child's VmRSS. The fault suite talks to it only over HTTP.
 */
export class EngineProcess {
  private exitCode: number | null | undefined = undefined;
  private constructor(
    readonly serve: ServeProcess,
    readonly dataDir: string,
    private readonly removeDir: (() => Promise<void>) | null,
  ) {
    serve.child.once('exit', (code, signal) => (this.exitCode = code ?? (signal ? -1 : null)));
  }

  static async start(options: EngineOptions = {}): Promise<EngineProcess> {
    const dir = options.dataDir ? { path: options.dataDir, remove: null } : await tempDir('hookdesk-fault-');
    const args = ['--port', '0', '--data-dir', dir.path, '--max-body', options.maxBody ?? '64kb', ...(options.extraArgs ?? [])];
    const serve = await spawnServe(args, { HOOKDESK_TOKEN: FAULT_TOKEN, ...options.env });
    return new EngineProcess(serve, dir.path, dir.remove);
  }

  get url(): string {
    return this.serve.url;
  }

  get pid(): number {
    return this.serve.child.pid ?? 0;
  }

  /** False once the child has exited for any reason. */
  get alive(): boolean {
    return this.exitCode === undefined && this.serve.child.exitCode === null && this.serve.child.signalCode === null;
  }

  stderr(): string {
    return this.serve.stderr();
  }

  /** Resident memory of the child in bytes, from /proc (0 when it is gone). */
  async rssBytes(): Promise<number> {
    try {
      const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : 0;
    } catch {
      return 0;
    }
  }

  /** Any request to the engine (raw: the test picks every header). */
  request(c: Call): Promise<Answer> {
    return call(this.url, c);
  }

  /** A management API call with the bearer token and a JSON body. */
  api(method: string, path: string, body?: unknown, c: Partial<Call> = {}): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${FAULT_TOKEN}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return call(this.url, {
      method,
      path: `/api/v1${path}`,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      ...c,
      headers: { ...headers, ...(c.headers as Record<string, string> | undefined) },
    });
  }

  async createConnector(input: Record<string, unknown> = {}): Promise<Connector> {
    const answer = await this.api('POST', '/connectors', { name: `Fault ${Math.random().toString(36).slice(2, 10)}`, ...input });
    if (answer.status !== 201) throw new Error(`creating a connector answered ${answer.status}: ${answer.text}`);
    const c = answer.json as { id: string; apiKey: string; pushUrl: string; captureUrl: string };
    return { ...c, capturePath: new URL(c.captureUrl).pathname };
  }

  /** POSTs one push body with the connector's key. */
  push(connector: Connector, body: string | Buffer, headers: Record<string, string> = {}, agent?: Agent): Promise<Answer> {
    return call(this.url, {
      method: 'POST',
      path: '/api/1.0/webhook/push',
      headers: { 'content-type': 'application/json', API_KEY: connector.apiKey, ...headers },
      body,
      agent,
    });
  }

  /** GET /healthz: its latency in ms, or Infinity when it does not answer 200 within `timeoutMs`. */
  async probe(timeoutMs = 10_000): Promise<number> {
    try {
      const answer = await call(this.url, { path: '/healthz', timeoutMs });
      return answer.status === 200 ? answer.ms : Number.POSITIVE_INFINITY;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }

  /** SIGTERM and the exit code (0 is a clean drain). */
  stop(): Promise<number | null> {
    if (!this.alive) return Promise.resolve(this.exitCode ?? null);
    return this.serve.kill('SIGTERM');
  }

  /** SIGKILL: no drain, as a power cut or an OOM kill. */
  kill9(): Promise<number | null> {
    if (!this.alive) return Promise.resolve(this.exitCode ?? null);
    return this.serve.kill('SIGKILL');
  }

  /** Stops the engine (SIGKILL if it does not exit on SIGTERM within 10 s) and removes a temp data dir. */
  async dispose(): Promise<void> {
    if (this.alive) {
      const stopped = this.stop();
      const timer = setTimeout(() => void this.kill9(), 10_000);
      await stopped;
      clearTimeout(timer);
    }
    await this.removeDir?.();
  }
}

/**
 * Probes /healthz every `everyMs` (one probe at a time, so a stalled engine shows as one long
 * probe) and keeps only the count and the longest latency: bounded memory however long it runs.
 */
export class HealthProber {
  longestMs = 0;
  probes = 0;
  failures = 0;
  private running = true;
  private readonly done: Promise<void>;

  constructor(engine: EngineProcess, everyMs = 50) {
    this.done = (async () => {
      while (this.running) {
        const ms = await engine.probe(30_000);
        this.probes += 1;
        if (!Number.isFinite(ms)) this.failures += 1;
        else this.longestMs = Math.max(this.longestMs, ms);
        if (this.running) await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

export function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
