import type { Clock } from './clock';
import type { EngineConfig } from './config';
import type { SseHub } from './server/sse-hub';
import type { Store } from './store/open-store';

/** What every engine module gets: configuration, time, storage, the live stream and a logger. */
export interface EngineContext {
  config: EngineConfig;
  clock: Clock;
  store: Store;
  hub: SseHub;
  token: string;
  log: (line: string) => void;
  /** `http://127.0.0.1:<port>` once listening. */
  baseUrl: () => string;
  /** Where push and capture answer: `baseUrl()`, or the ingest listener's URL when it has its own. */
  ingestUrl: () => string;
}
