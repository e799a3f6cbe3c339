import { afterEach } from 'vitest';
import { EngineProcess, type EngineOptions } from './engine-process';

/**
 * Call in a describe: answers `start`, which starts an engine process the suite's tests use; after
 * each test every one started is disposed, newest first: restarts share a data dir, and the first
 * (the owner of the temp dir) removes it once the others have stopped.
 */
export function engineStarter(): (options?: EngineOptions) => Promise<EngineProcess> {
  const engines: EngineProcess[] = [];
  afterEach(async () => {
    for (const e of engines.reverse()) await e.dispose();
    engines.length = 0;
  });
  return async (options = {}) => {
    const e = await EngineProcess.start(options);
    engines.push(e);
    return e;
  };
}
