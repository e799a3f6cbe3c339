import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

export interface ServedEngine {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The URL the CLI printed (carries the token once, in the fragment). */
  openUrl: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
}

/**
 * The built headless engine. `HOOKDESK_E2E_SERVE` points at a private copy of `out/` (under
 * node_modules so its imports resolve) when several people build in one work tree.
 */
export const SERVE_JS = process.env.HOOKDESK_E2E_SERVE ?? 'out/main/serve.js';

/** Starts the built headless engine (`out/main/serve.js`) on a free port and a fresh data dir. */
export async function serveEngine(): Promise<ServedEngine> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hookdesk-e2e-'));
  const child = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, HOOKDESK_TOKEN: 'e2e-token' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const openUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing its URL`)));
    lines.on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const url = openUrl.slice(0, openUrl.indexOf('/#'));
  return { url, openUrl, token: 'e2e-token', dataDir, process: child };
}

export async function stopEngine(engine: ServedEngine): Promise<void> {
  const exited = new Promise((resolve) => engine.process.once('exit', resolve));
  engine.process.kill('SIGTERM');
  await exited;
  await rm(engine.dataDir, { recursive: true, force: true });
}

/** `test` with a fresh engine per test, and a check that the page never leaves 127.0.0.1. */
export const test = base.extend<{ engine: ServedEngine }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  engine: async ({}, use) => {
    const engine = await serveEngine();
    await use(engine);
    await stopEngine(engine);
  },
  page: async ({ page, engine }, use) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(engine.url) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await use(page);
    if (foreign.length > 0) throw new Error(`The page requested something outside the engine: ${foreign.join(', ')}`);
  },
});

export { expect } from '@playwright/test';
