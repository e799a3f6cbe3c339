import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test as base } from '@playwright/test';
import { SERVE_JS } from './fixtures';
import { HookdeskClient } from '../../shared/api/client';

const TOKEN = 'e2e-token';

/** Starts the built engine on `port` (0: any) with `dataDir`; answers its base URL once it printed it. */
async function startServe(dataDir: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVE_JS, '--port', String(port), '--data-dir', dataDir], {
    env: { ...process.env, HOOKDESK_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing its URL`)));
    lines.on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const test = base;

test('when the engine stops, the page says so and goes inert; started again, it reconnects and the work comes back', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hookdesk-e2e-stop-'));
  let engine = await startServe(dataDir, 0);
  try {
    const api = new HookdeskClient({ baseUrl: engine.url, token: TOKEN });
    await api.createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/orders' });
    await page.goto(`${engine.url}/#token=${TOKEN}`);
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('button', { name: /^Orders out,/ }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Orders out' });
    await expect(heading).toBeVisible();
    await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);

    await stop(engine.child);
    const banner = page.getByRole('alert').filter({ hasText: "Hookdesk's engine is not answering." });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Start it again (npm run serve); this page reconnects by itself.');
    await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine disconnected/);
    // What calls the engine cannot be reached: not focusable, not clickable, shortcuts off.
    const save = page.getByRole('button', { name: 'Save', exact: true });
    expect(await save.evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
    await nav.getByRole('button', { name: 'New webhook' }).focus();
    await expect(nav.getByRole('button', { name: 'New webhook' })).not.toBeFocused();
    await page.keyboard.press('ControlOrMeta+K');
    await expect(page.getByRole('dialog', { name: 'Command palette' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeDisabled();

    // Started again on the same port and data dir: the page finds it by itself. The restart ended
    // every session (sessions live in the engine's memory), so the page asks for the token once.
    const port = Number(new URL(engine.url).port);
    engine = await startServe(dataDir, port);
    await expect(banner).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Sign in to Hookdesk' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('The engine is answering again');
    await page.getByLabel('Management token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('tab', { name: 'Orders out', selected: true })).toBeVisible();
    await expect(heading).toBeVisible();
    await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
    await expect(nav.getByRole('button', { name: /^Orders out,/ })).toBeVisible();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).evaluate((el) => el.closest('[inert]') === null)).toBe(true);
  } finally {
    await stop(engine.child);
    await rm(dataDir, { recursive: true, force: true });
  }
});
