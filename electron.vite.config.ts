import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * Three builds, one config:
 * - main: the Electron shell (`out/main/index.js`) and the headless CLI (`out/main/serve.js`),
 *   both thin wiring roots over the engine in `electron/engine`. Dependencies stay external
 *   (installed from package.json), so the CLI runs with plain Node.
 * - preload: forced to CommonJS (`.cjs`) so that the window can stay sandboxed.
 * - renderer: the React workspace, minified (Monaco unminified is 25 MB), with Monaco's workers
 *   emitted as local files. Served by the engine over loopback in both the browser and Electron.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          serve: resolve(__dirname, 'electron/cli/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 8192,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
    worker: { format: 'es' },
  },
});
