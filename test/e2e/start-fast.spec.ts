import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The workspace starts fast: the first screen loads well under 1 MB of JavaScript and no Monaco;
 * Monaco (one chunk, "setup") arrives with the first editor, and a page or editor whose file cannot
 * be fetched says so in place while the rest of the workspace keeps working.
 */

/** JavaScript the page has fetched so far: file names and decoded bytes. */
async function scriptsLoaded(page: Page): Promise<{ files: string[]; bytes: number }> {
  return page.evaluate(() => {
    // Resource timings (the Node typings of this file know no DOM types).
    const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')) as unknown as { name: string; decodedBodySize: number }[];
    return { files: scripts.map((e) => e.name.slice(e.name.lastIndexOf('/') + 1)), bytes: scripts.reduce((n, e) => n + e.decodedBodySize, 0) };
  });
}

const MONACO_CHUNK = /^setup-[\w-]+\.js$/;

test('the first screen loads under 1 MB of JavaScript and no Monaco; the first editor brings it', async ({ page, engine }) => {
  await page.goto(engine.openUrl);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
  const first = await scriptsLoaded(page);
  expect(first.bytes).toBeGreaterThan(0);
  expect(first.bytes).toBeLessThanOrEqual(1_000_000);
  expect(first.files.filter((f) => MONACO_CHUNK.test(f))).toEqual([]);

  await page.getByRole('button', { name: /^Events/ }).click();
  await expect(page.getByRole('textbox', { name: 'Event JSON' })).toBeVisible();
  expect((await scriptsLoaded(page)).files.some((f) => MONACO_CHUNK.test(f))).toBe(true);
});

test('an editor or a page whose file cannot be fetched says so in place; other pages still open', async ({ page, engine }) => {
  await page.route(/\/assets\/setup-[\w-]+\.js$/, (route) => route.abort());
  await page.route(/\/assets\/ConnectorsPanel-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(engine.openUrl);

  await page.getByRole('button', { name: /^Events/ }).click();
  const events = page.getByRole('tabpanel', { name: 'Events' });
  await expect(events.getByRole('alert')).toContainText('The editor could not be loaded');
  await expect(events.getByRole('heading', { name: 'Events' })).toBeVisible();

  await page.getByRole('button', { name: /^Connectors/ }).click();
  await expect(page.getByRole('tabpanel', { name: 'Connectors' }).getByRole('alert')).toContainText('This page could not be loaded');

  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Events' }).getByRole('heading', { name: 'Events' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload the workspace' }).first()).toBeEnabled();
});
