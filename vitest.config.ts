import { defineConfig } from 'vitest/config';

/** Unit and integration tests: real HTTP on 127.0.0.1 and real files in temp dirs. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
