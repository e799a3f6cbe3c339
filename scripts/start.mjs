// `npm start`: the desktop window where the Electron binary is installed (or can be fetched);
// otherwise the same workspace served to a browser by the headless engine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const ELECTRON_DIR = join(ROOT, 'node_modules/electron');

function electronBinary() {
  try {
    const pathFile = join(ELECTRON_DIR, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

ensureBuilt();
let binary = electronBinary();
if (!binary && existsSync(join(ELECTRON_DIR, 'install.js')) && process.env.HOOKDESK_NO_ELECTRON_DOWNLOAD !== '1') {
  // npm installs skip Electron's download (package.json "allowScripts"); try it once now.
  spawnSync(process.execPath, [join(ELECTRON_DIR, 'install.js')], { cwd: ELECTRON_DIR, stdio: 'ignore', timeout: 60_000 });
  binary = electronBinary();
}
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (binary && hasDisplay) {
  const child = spawn(binary, [ROOT], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = binary
    ? 'there is no display to open a window on'
    : 'the Electron binary is not installed and could not be downloaded here';
  process.stderr.write(`Starting Hookdesk in your browser instead of a desktop window, because ${why}.\n`);
  await import('../out/main/serve.js');
}
