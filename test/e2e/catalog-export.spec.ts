import SwaggerParser from '@apidevtools/swagger-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import { apiOf } from './pages/connectors-ui';

const SHOTS = process.env.HOOKDESK_SHOTS_DIR;
const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtMTIzNDU2Nzg=';

interface OpenApiCatalog {
  openapi: string;
  webhooks: Record<string, { post?: { parameters: { name: string }[]; requestBody: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } } }>;
}

test('the Export dialog downloads the OpenAPI event catalog, chosen with the keyboard', async ({ page, engine }, testInfo) => {
  const api = apiOf(engine);
  await api.createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/orders', events: [{ type: 'order.*' }], secret: SECRET, signature: 'standard-webhooks' });
  await api.publishEvent({ type: 'order.created', entity: { id: 'o_1', amount: 12, customer: { email: 'a@example.com' } } });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(engine.openUrl);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const formats = dialog.getByRole('group', { name: 'Format' });
  for (const name of ['Workspace file', 'Event catalog: OpenAPI 3.1', 'Event catalog: AsyncAPI 3', 'Postman collection']) {
    await expect(formats.getByRole('radio', { name })).toBeVisible();
  }
  await expect(formats.getByRole('radio', { name: 'Workspace file' })).toBeChecked();
  // Keyboard: the format group is one Tab stop, the arrow keys choose.
  await formats.getByRole('radio', { name: 'Workspace file' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(formats.getByRole('radio', { name: 'Event catalog: OpenAPI 3.1' })).toBeChecked();
  await expect(dialog).toContainText('Svix and Convoy import it as event types');
  // The workspace file's options are for the workspace file only.
  await expect(dialog.getByRole('group', { name: 'Secrets' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the Export dialog');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'export-dialog-catalog-1024x700.png') });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export and save' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hookdesk-catalog.openapi.json');
  await expect(dialog.getByRole('status')).toHaveText('Saved as hookdesk-catalog.openapi.json.');

  const path = testInfo.outputPath('hookdesk-catalog.openapi.json');
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  expect(text).not.toContain(SECRET);
  const catalog = JSON.parse(text) as OpenApiCatalog;
  await SwaggerParser.validate(structuredClone(catalog) as never);
  expect(catalog.openapi).toBe('3.1.0');
  const created = catalog.webhooks['order.created']?.post;
  expect(created?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature', 'X-Hookdesk-Event-Id']));
  expect(created?.requestBody.content['application/json']?.examples?.Orders_out?.value).toMatchObject({ eventType: 'order.created', entity: { id: 'o_1', amount: 12 } });

  // The other formats of the group: AsyncAPI 3 and the Postman collection (API.md section 6), each saved under its own name.
  for (const [name, file, check] of [
    ['Event catalog: AsyncAPI 3', 'hookdesk-catalog.asyncapi.json', (doc: Record<string, unknown>) => expect(doc.asyncapi).toBe('3.0.0')],
    ['Postman collection', 'hookdesk.postman_collection.json', (doc: Record<string, unknown>) => expect(JSON.stringify(doc.info)).toContain('v2.1')],
  ] as const) {
    await dialog.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(formats.getByRole('radio', { name })).toBeChecked();
    const next = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export and save' }).click();
    const saved = await next;
    expect(saved.suggestedFilename()).toBe(file);
    const savedPath = testInfo.outputPath(file);
    await saved.saveAs(savedPath);
    const savedText = await readFile(savedPath, 'utf8');
    expect(savedText).not.toContain(SECRET);
    check(JSON.parse(savedText) as Record<string, unknown>);
  }

  // Wider window: the same dialog, for the record.
  await page.setViewportSize({ width: 1440, height: 900 });
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'export-dialog-catalog-1440x900.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
