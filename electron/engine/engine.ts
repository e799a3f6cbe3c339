import type { Server } from 'node:http';
import { systemClock, type Clock } from './clock';
import { engineConfigSchema, type EngineConfig, type EngineConfigInput } from './config';
import type { EngineContext } from './engine-context';
import type { EngineModule } from './engine-module';
import { createModules } from './modules';
import { toEventView } from './relay/event-view';
import { closeServer, createHttpServer, listen } from './server/http-server';
import { ingestIsElsewhere, ingestOnlyFallback } from './server/ingest-split';
import { createManagementApp } from './server/management-app';
import { SseHub } from './server/sse-hub';
import { acquireDataDirLock } from './store/data-dir-lock';
import { openStore, type Store } from './store/open-store';
import { loadOrCreateToken } from './token';

export interface EngineOptions {
  clock?: Clock;
  log?: (line: string) => void;
  /**
   * The CLI's `--data-dir` commands (export, plan, apply): the store and services open, but nothing
   * listens and no module starts, so nothing is sent, forwarded or scheduled. `url` is then ''.
   */
  offline?: boolean;
  /**
   * Runs once the modules exist and before anything listens or starts (`serve --config` applies its
   * file here, so no sender ever meets a half-applied workspace). A throw stops the start cleanly.
   */
  prepare?: (modules: readonly EngineModule[]) => Promise<void>;
}

export interface Engine {
  readonly config: EngineConfig;
  readonly token: string;
  readonly store: Store;
  readonly context: EngineContext;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Where push and capture answer: `url`, or the ingest listener's own URL (`config.ingest`). */
  readonly ingestUrl: string;
  /** The ingest listener's port when it has its own, else null. */
  readonly ingestPort: number | null;
  /** The capabilities plugged in (ingest, ...), for wiring and tests. */
  readonly modules: readonly EngineModule[];
  stop(): Promise<void>;
}

/** Hosts that mean "every interface": URLs we print still point at loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the engine: opens the store (refusing unreadable data files), loads the token, wires the
 * modules and listens. Runs in plain Node: the Electron shell and the headless CLI both call this.
 */
export async function startEngine(input: EngineConfigInput, options: EngineOptions = {}): Promise<Engine> {
  const parsed = engineConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
    throw new Error(`The engine settings are invalid (${problems}).`);
  }
  const config = parsed.data;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const startedAtMs = Date.now();

  // One engine per data dir (store/data-dir-lock.ts): taken before any file is read or repaired.
  const lock = await acquireDataDirLock(config.dataDir, log);
  let store: Store;
  try {
    store = await openStore({ dataDir: config.dataDir, recover: config.recover, nowMs: () => clock.now(), log });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const servers: Server[] = [];
  let modules: EngineModule[] = [];
  try {
    const token = await loadOrCreateToken(config.dataDir, config.token);
    const hub = new SseHub({ maxBufferedBytes: config.sseMaxBufferedBytes, stallMs: config.sseStallMs }, log, () => clock.now());
    let baseUrl = '';
    let ingestUrl = '';
    const context: EngineContext = { config, clock, store, hub, token, log, baseUrl: () => baseUrl, ingestUrl: () => ingestUrl };
    store.events.onAppended((events) => {
      if (hub.size === 0) return; // the view (relay defaults) is built only for someone to read it
      for (const event of events) hub.broadcast('event.received', toEventView(event));
    });
    modules = createModules(context);
    const app = createManagementApp(context, modules.flatMap((m) => m.routes ?? []), startedAtMs);
    const ingestHandlers = modules.flatMap((m) => m.rawHandlers ?? []);
    await options.prepare?.(modules);
    // With its own ingest listener, each listener answers only its half (server/ingest-split.ts);
    // both get the same time, size and connection limits.
    let port = 0;
    let ingestPort: number | null = null;
    if (!options.offline) {
      const main = createHttpServer(config.ingest ? [ingestIsElsewhere(() => ingestUrl)] : ingestHandlers, app, config, log);
      servers.push(main);
      port = await listen(main, config.host, config.port);
      baseUrl = `http://${urlHost(config.host)}:${port}`;
      ingestUrl = baseUrl;
      if (config.ingest) {
        const ingest = createHttpServer(ingestHandlers, ingestOnlyFallback, config, log);
        servers.push(ingest);
        ingestPort = await listen(ingest, config.ingest.host, config.ingest.port);
        ingestUrl = `http://${urlHost(config.ingest.host)}:${ingestPort}`;
      }
      await lock.setUrl(baseUrl);
      for (const module of modules) await module.start?.();
    }
    let stopping: Promise<void> | null = null;
    return {
      config,
      token,
      store,
      context,
      url: baseUrl,
      port,
      ingestUrl,
      ingestPort,
      modules,
      stop() {
        stopping ??= (async () => {
          hub.close();
          const closed = Promise.all(servers.map((s) => closeServer(s)));
          for (const module of modules) await module.stop?.();
          await closed;
          await store.close().finally(() => lock.release());
        })();
        return stopping;
      },
    };
  } catch (error) {
    await Promise.all(servers.filter((s) => s.listening).map((s) => closeServer(s)));
    await store.close().finally(() => lock.release());
    throw error;
  }
}
