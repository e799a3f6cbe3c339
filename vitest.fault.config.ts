import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:fault`): the built engine as a child process, attacked over
 * 127.0.0.1. Files run one at a time so the timing figures (probe latency, RSS) are the
 * engine's, not those of a neighbouring test file's load.
 */
export default defineConfig({
  test: {
    include: ['test/fault/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
