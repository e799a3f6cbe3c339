import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { apiOf } from './pages/connectors-ui';

const SHOTS = process.env.HOOKDESK_SHOTS_DIR;

interface WorkspaceFile {
  kind: string;
  webhooks: { name: string; url: string; secret?: string | null }[];
}

test('exports the workspace with secrets as variables, edits the file and imports it: the plan shows the changes, apply makes them', async ({ page, engine }, testInfo) => {
  const api = apiOf(engine);
  await api.createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/orders', secret: 'a-secret-that-stays-here' });
  await api.createWebhook({ name: 'Scratch', url: 'http://127.0.0.1:9/scratch', secret: 'scratch-secret-not-exported' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(engine.openUrl);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);

  // Export: secrets as variables, saved as a download.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await expect(exportDialog.getByRole('radio', { name: 'Workspace file' })).toBeChecked();
  await exportDialog.getByRole('radio', { name: /As variables/ }).check();
  // Every resource is in until unticked: leave the scratch webhook out.
  await expect(exportDialog.getByRole('checkbox', { name: 'Webhook Orders out' })).toBeChecked();
  await exportDialog.getByRole('checkbox', { name: 'Webhook Scratch' }).uncheck();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export and save' }).click();
  const download = await downloading;
  await expect(exportDialog.getByRole('status')).toHaveText(/Saved as hookdesk\.workspace\.json/);
  await expect(exportDialog.getByRole('list', { name: 'Variables to set' })).toContainText('HOOKDESK_WEBHOOK_ORDERS_OUT_SECRET');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'export-dialog.png') });

  const path = testInfo.outputPath('hookdesk.workspace.json');
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  expect(text).not.toContain('a-secret-that-stays-here');
  const file = JSON.parse(text) as WorkspaceFile;
  expect(file.kind).toBe('hookdesk.workspace');
  expect(file.webhooks.map((w) => w.name)).toEqual(['Orders out']);
  expect(text).not.toContain('SCRATCH');
  const orders = file.webhooks.find((w) => w.name === 'Orders out');
  expect(orders?.secret).toMatch(/^\$\{HOOKDESK_[A-Z0-9_]+\}$/);
  await exportDialog.getByRole('button', { name: 'Close' }).click();
  await expect(exportDialog).toBeHidden();

  // Edit the file as someone would in a repository: a new URL, and a second webhook.
  orders!.url = 'http://127.0.0.1:9/orders-v2';
  file.webhooks.push({ name: 'Refunds out', url: 'http://127.0.0.1:9/refunds' });
  await writeFile(path, JSON.stringify(file, null, 2));

  // Import: the plan says what would change before anything does.
  await page.getByRole('button', { name: 'Import workspace…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import workspace' });
  await importDialog.getByLabel('Workspace file').setInputFiles(path);
  const plan = importDialog.getByRole('table', { name: 'Plan for hookdesk.workspace.json' });
  const updateRow = plan.getByRole('row', { name: /Orders out/ });
  await expect(updateRow.getByRole('cell').nth(1)).toHaveText('Update');
  await expect(updateRow.getByRole('cell').nth(2)).toContainText('url');
  await expect(plan.getByRole('row', { name: /Refunds out/ }).getByRole('cell').nth(1)).toHaveText('Create');
  // Nothing changes before Apply.
  expect((await api.listWebhooks()).items.find((w) => w.name === 'Orders out')?.url).toBe('http://127.0.0.1:9/orders');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'import-dialog.png') });

  await importDialog.getByRole('button', { name: 'Apply' }).click();
  await expect(importDialog.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'import-applied.png') });

  const after = (await api.listWebhooks()).items;
  // The scratch webhook was left out of the file, and without prune it stays as it was.
  expect(after.map((w) => [w.name, w.url]).sort()).toEqual([
    ['Orders out', 'http://127.0.0.1:9/orders-v2'],
    ['Refunds out', 'http://127.0.0.1:9/refunds'],
    ['Scratch', 'http://127.0.0.1:9/scratch'],
  ]);
});
