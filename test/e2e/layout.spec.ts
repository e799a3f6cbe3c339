import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiOf, ConnectorsUi } from './pages/connectors-ui';
import { horizontalOverflow, roomForUnderscores, rowTypeProbe, textLines } from './pages/layout-probes';
import { seedWorkspace, type SeededWorkspace } from './pages/workbench-seed';
import { WebhooksUi } from './pages/webhooks-ui';
import { Receiver } from './receiver';

const VIEWPORTS = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
];

/** Nothing on the page scrolls sideways: not the document, not a panel or list inside it. */
async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  expect(overflow.document, `${where}: the document scrolls sideways`).toBeLessThanOrEqual(0);
  expect(overflow.panels, `${where}: a panel scrolls sideways`).toEqual([]);
}

/** Every row of a list shows its type: the text is on screen, wide enough to read (not squeezed to an ellipsis). */
async function expectRowsShowTheirType(list: Locator, types: readonly string[]): Promise<void> {
  const rows = list.getByRole('option');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const row = rows.nth(i);
    const text = await rowTypeProbe(row);
    expect(types, `row ${i} shows a type`).toContain(text.text);
    expect(text.readable, `row ${i} (${text.text}) is readable`).toBe(true);
    expect(text.inside).toBe(true);
    expect(text.underscoresShow, `row ${i} (${text.text}) has room for underscores`).toBe(true);
    await expect(row.getByText(text.text, { exact: true })).toBeVisible();
    await expect(row.locator('time')).toBeVisible();
  }
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    let receiver: Receiver;
    test.beforeEach(async () => {
      receiver = await Receiver.start();
    });
    test.afterEach(async () => {
      await receiver.stop();
    });

    test('every page fits the window without sideways scrolling, and every event row shows its type and time', async ({ page, engine }) => {
      const seeded: SeededWorkspace = await seedWorkspace(engine, receiver.url);
      await page.goto(engine.openUrl);
      const connectors = new ConnectorsUi(page);
      const webhooks = new WebhooksUi(page);
      const nav = page.getByRole('navigation', { name: 'Workspace' });

      await nav.getByRole('button', { name: /^Connectors/ }).first().click();
      await expectNoHorizontalScroll(page, 'Connectors');

      await connectors.sidebarItem('GitHub relay').click();
      const githubLog = connectors.eventLog('GitHub relay');
      await expect(githubLog.getByRole('option')).toHaveCount(3);
      await expectRowsShowTheirType(githubLog, seeded.types);
      // The badges stay named for everyone, as words or as icons with their words for screen readers.
      await expect(githubLog.getByRole('option', { name: /Signature failed/ })).toHaveCount(2);
      await expectNoHorizontalScroll(page, 'GitHub relay: Events');
      for (const view of ['Relay settings', 'Schemas']) {
        await page.getByRole('tab', { name: view }).click();
        await expectNoHorizontalScroll(page, `GitHub relay: ${view}`);
      }
      const schemaType = page.getByRole('listbox', { name: 'Event types' }).getByText('pull_request.opened', { exact: true });
      await expect(schemaType).toBeVisible();
      expect(await roomForUnderscores(schemaType)).toBe(true);

      await connectors.sidebarItem('Shop').click();
      const shopLog = connectors.eventLog('Shop');
      await expect(shopLog.getByRole('option')).toHaveCount(4);
      await expectRowsShowTheirType(shopLog, seeded.types);
      await expectNoHorizontalScroll(page, 'Shop: Events');

      await nav.getByRole('button', { name: /^Events/ }).first().click();
      const all = page.getByRole('listbox', { name: 'Events', exact: true });
      const stored = (await apiOf(engine).listEvents()).items.map((e) => e.type);
      await expect(all.getByRole('option')).toHaveCount(stored.length);
      await expectRowsShowTheirType(all, stored);
      await expect(all.getByRole('option', { name: /pull_request.*GitHub relay/ }).first()).toBeVisible();
      await expectNoHorizontalScroll(page, 'Events');

      await nav.getByRole('button', { name: /^Webhooks/ }).first().click();
      await expectNoHorizontalScroll(page, 'Webhooks');
      await webhooks.sidebarItem('Orders out').click();
      const row = webhooks.deliveries.getByRole('row', { name: /order\.fulfillment_requested/ }).first();
      await expect(row).toBeVisible();
      await expectNoHorizontalScroll(page, 'Webhook page');
      // Inspect and Redeliver are inside the window, and the event type wraps between words, never inside one.
      const width = viewport.width;
      for (const name of [/^Inspect order\.fulfillment_requested/, /^Redeliver order\.fulfillment_requested/]) {
        const box = await row.getByRole('button', { name }).boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(width);
      }
      const eventCell = row.getByRole('cell', { name: /^order\.fulfillment_requested/ });
      const lines = await textLines(eventCell);
      expect(lines, 'the event type reads on one line').toBe(1);
    });

    test('dialogs opened from the status bar fit the window and wrap their text (Environments, Export, Import)', async ({ page, engine }) => {
      await page.goto(engine.openUrl);
      const statusBar = page.getByRole('contentinfo');
      for (const [button, title] of [
        ['Edit environments', 'Environments'],
        ['Export…', 'Export'],
        ['Import workspace…', 'Import workspace'],
      ] as const) {
        await statusBar.getByRole('button', { name: button }).click();
        const dialog = page.getByRole('dialog', { name: title });
        await expect(dialog).toBeVisible();
        // The status bar is one line of small text (nowrap, 12 px); a dialog opened from it must not inherit that.
        const sideways = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
        expect(sideways, `${title}: the dialog scrolls sideways`).toBeLessThanOrEqual(0);
        const box = await dialog.boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    });

    test('the webhook page columns resize with a keyboard-operable splitter (or stack when narrow), and the chart can be hidden', async ({ page, engine }) => {
      await seedWorkspace(engine, receiver.url);
      await page.goto(engine.openUrl);
      const webhooks = new WebhooksUi(page);
      await webhooks.sidebarItem('Orders out').click();
      await expect(webhooks.deliveries).toBeVisible();
      const splitter = page.getByRole('separator', { name: 'Resize the editor and deliveries columns' });
      if (viewport.width >= 1440) {
        await expect(splitter).toHaveAttribute('aria-valuenow', '50');
        await splitter.focus();
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await expect(splitter).toHaveAttribute('aria-valuenow', '40');
        await page.keyboard.press('End');
        await expect(splitter).toHaveAttribute('aria-valuenow', '70');
        await page.keyboard.press('Home');
        await expect(splitter).toHaveAttribute('aria-valuenow', '30');
        await expectNoHorizontalScroll(page, 'Webhook page, editor at 30%');
        await page.reload();
        await expect(page.getByRole('separator', { name: 'Resize the editor and deliveries columns' })).toHaveAttribute('aria-valuenow', '30');
      } else {
        // Stacked: the deliveries come below the editor, full width.
        await expect(splitter).toBeHidden();
        const editor = await page.getByRole('group', { name: 'Target', exact: true }).boundingBox();
        const table = await webhooks.deliveries.boundingBox();
        expect(table && editor && table.y > editor.y).toBe(true);
      }
      const chart = page.getByRole('img', { name: /Stacked bar chart: deliveries per hour/ });
      await expect(chart).toBeVisible();
      const toggle = page.getByRole('button', { name: 'Hide chart' });
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await toggle.click();
      await expect(chart).toBeHidden();
      await expect(page.getByRole('button', { name: 'Show chart' })).toHaveAttribute('aria-expanded', 'false');
    });
  });
}

test('a failed share far below 1% still shows: in words and as a bar at least 4 px tall', async ({ page, engine }) => {
  const receiver = await Receiver.start();
  try {
    const api = apiOf(engine);
    const { webhook } = await seedWorkspace(engine, receiver.url, { orders: 300 });
    await expect.poll(async () => (await api.listDeliveries(webhook.id, { status: 'succeeded' })).total, { timeout: 30_000 }).toBe(300);
    receiver.status = 500;
    await api.publishEvent({ type: 'order.created' });
    await expect.poll(async () => (await api.listDeliveries(webhook.id, { status: 'failed' })).total).toBe(1);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(engine.openUrl);
    await new WebhooksUi(page).sidebarItem('Orders out').click();
    await expect(page.getByRole('img', { name: /300 succeeded, 1 failed \(0\.3%\) in the last 24 hours/ })).toBeVisible();
    const failedBar = page.locator('.recharts-bar-rectangle path[fill="var(--bad)"]');
    await expect(failedBar).toHaveCount(1);
    const box = await failedBar.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(3.5);
  } finally {
    await receiver.stop();
  }
});
