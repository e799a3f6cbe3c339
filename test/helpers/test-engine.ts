import { HookdeskClient } from '../../shared/api/client';
import type { Clock } from '../../electron/engine/clock';
import type { EngineConfigInput } from '../../electron/engine/config';
import { startEngine, type Engine } from '../../electron/engine/engine';
import { tempDir } from './temp-dir';

export interface TestEngine {
  engine: Engine;
  /** Typed client with the bearer token. */
  client: HookdeskClient;
  url: string;
  token: string;
  dataDir: string;
  /** Log lines the engine wrote. */
  logs: string[];
  /** Stops the engine (data dir kept): for restart tests. */
  stop(): Promise<void>;
  /** Starts a new engine on the same data dir (after stop). */
  restart(overrides?: Partial<EngineConfigInput>): Promise<TestEngine>;
  /** Stops and deletes the data dir. */
  dispose(): Promise<void>;
}

/**
 * A real engine in this process on 127.0.0.1:0 with its own temp data dir, as the tests'
 * starting point. Pass a ManualClock to move time instead of waiting.
 */
export async function startTestEngine(
  overrides: Partial<EngineConfigInput> = {},
  options: { clock?: Clock; dataDir?: string } = {},
): Promise<TestEngine> {
  const dir = options.dataDir ? { path: options.dataDir, remove: async () => undefined } : await tempDir();
  const logs: string[] = [];
  const engine = await startEngine(
    { host: '127.0.0.1', port: 0, dataDir: dir.path, token: 'test-token', version: 'test', ...overrides },
    { ...(options.clock ? { clock: options.clock } : {}), log: (line) => logs.push(line) },
  );
  const client = new HookdeskClient({ baseUrl: engine.url, token: engine.token });
  const self: TestEngine = {
    engine,
    client,
    url: engine.url,
    token: engine.token,
    dataDir: dir.path,
    logs,
    stop: () => engine.stop(),
    async restart(more = {}) {
      await engine.stop();
      return startTestEngine({ ...overrides, ...more }, { ...options, dataDir: dir.path });
    },
    async dispose() {
      await engine.stop();
      await dir.remove();
    },
  };
  return self;
}
