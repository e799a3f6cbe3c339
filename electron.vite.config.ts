import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { bundleReport, formatBundleReport } from './scripts/bundle-report';

/**
 * Three builds, one config:
 * - main: the Electron shell (`out/main/index.js`) and the headless CLI (`out/main/serve.js`, and
 *   `out/main/hookdesk.js` for export/plan/apply/serve --config),
 *   both thin wiring roots over the engine in `electron/engine`, run with plain Node. Their
 *   dependencies are bundled in (not resolved from node_modules at each start: the engine's ~250
 *   CommonJS files and zod's ES modules took ~100 ms of every start); `electron` and Node's own
 *   modules stay imports.
 * - preload: forced to CommonJS (`.cjs`) so that the window can stay sandboxed.
 * - renderer: the React workspace, minified (Monaco unminified is 25 MB), with Monaco's workers
 *   emitted as local files. Served by the engine over loopback in both the browser and Electron.
 *   Split so the first screen stays under 1 MB of JavaScript: pages and Monaco (JSON, plain text and
 *   the template language only) are chunks fetched on first use. The manifest records which chunk
 *   imports which; the build ends by printing the first screen's size and every chunk's.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          serve: resolve(__dirname, 'electron/cli/serve.ts'),
          hookdesk: resolve(__dirname, 'electron/cli/hookdesk.ts'),
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
    plugins: [react(), printBundleReport(resolve(__dirname, 'out/renderer'))],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      manifest: true,
      // Monaco's core is one ~3 MB chunk by nature; it loads with the first editor, never with the first screen.
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
    worker: { format: 'es' },
  },
});

/** Prints what the first screen loads and every chunk's size once the renderer is written. */
function printBundleReport(outDir: string): Plugin {
  return {
    name: 'hookdesk-bundle-report',
    apply: 'build',
    closeBundle() {
      process.stdout.write(`\n${formatBundleReport(bundleReport(outDir))}\n`);
    },
  };
}
