import type { Server } from 'node:http';
import { systemClock, type Clock } from './clock';
import { engineConfigSchema, type EngineConfig, type EngineConfigInput } from './config';
import type { EngineContext } from './engine-context';
import type { EngineModule } from './engine-module';
import { createModules } from './modules';
import { toEventView } from './relay/event-view';
import { closeServer, createHttpServer, listen } from './server/http-server';
import { createManagementApp } from './server/management-app';
import { SseHub } from './server/sse-hub';
import { openStore, type Store } from './store/open-store';
import { loadOrCreateToken } from './token';

export interface EngineOptions {
  clock?: Clock;
  log?: (line: string) => void;
}

export interface Engine {
  readonly config: EngineConfig;
  readonly token: string;
  readonly store: Store;
  readonly context: EngineContext;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
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

  const store = await openStore({ dataDir: config.dataDir, recover: config.recover, nowMs: () => clock.now(), log });
  let server: Server | null = null;
  let modules: EngineModule[] = [];
  try {
    const token = await loadOrCreateToken(config.dataDir, config.token);
    const hub = new SseHub({ maxBufferedBytes: config.sseMaxBufferedBytes, stallMs: config.sseStallMs }, log, () => clock.now());
    let baseUrl = '';
    const context: EngineContext = { config, clock, store, hub, token, log, baseUrl: () => baseUrl };
    store.events.onAppended((events) => {
      if (hub.size === 0) return; // the view (relay defaults) is built only for someone to read it
      for (const event of events) hub.broadcast('event.received', toEventView(event));
    });
    modules = createModules(context);
    const app = createManagementApp(context, modules.flatMap((m) => m.routes ?? []), startedAtMs);
    server = createHttpServer(modules.flatMap((m) => m.rawHandlers ?? []), app, config, log);
    const port = await listen(server, config.host, config.port);
    baseUrl = `http://${urlHost(config.host)}:${port}`;
    for (const module of modules) await module.start?.();
    const running = server;
    let stopping: Promise<void> | null = null;
    return {
      config,
      token,
      store,
      context,
      url: baseUrl,
      port,
      modules,
      stop() {
        stopping ??= (async () => {
          hub.close();
          const closed = closeServer(running);
          for (const module of modules) await module.stop?.();
          await closed;
          await store.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (server?.listening) await closeServer(server);
    await store.close();
    throw error;
  }
}
