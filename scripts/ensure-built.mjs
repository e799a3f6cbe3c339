// Builds the app (electron-vite build) when out/ is missing or older than any source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const OUTPUTS = ['out/main/serve.js', 'out/main/hookdesk.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['electron', 'renderer', 'shared', 'package.json', 'electron.vite.config.ts'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function ensureBuilt() {
  const outputs = OUTPUTS.map((p) => join(ROOT, p));
  const built = outputs.every((p) => existsSync(p));
  const stale = built && Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p)))) > Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  if (built && !stale) return;
  process.stderr.write(built ? 'Sources changed since the last build; building...\n' : 'First run: building Hookdesk...\n');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('The build failed (see above). Fix the error, or run "npm ci" if node_modules is missing.\n');
    process.exit(result.status ?? 1);
  }
}

// Run directly (`node scripts/ensure-built.mjs`): build if needed and exit.
if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) ensureBuilt();
