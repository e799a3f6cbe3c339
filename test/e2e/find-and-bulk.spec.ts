import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiOf, ConnectorsUi } from './pages/connectors-ui';
import { seedWorkspace } from './pages/workbench-seed';
import { WebhooksUi } from './pages/webhooks-ui';
import { Receiver } from './receiver';

/**
 * Finding things and acting on many (issue 14): search by type glob/prefix, any text and status on a
 * connector and on the global Events page (which names each event's connector), deliveries paged
 * and filtered, multi-select with bulk replay, delete and redeliver, each with progress and a summary.
 */

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await Receiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});
test.use({ viewport: { width: 1440, height: 900 } });

/** Holds every request matching `pattern` until `release()`, so a progress bar can be seen mid-way. */
async function holdRequests(page: Page, pattern: RegExp): Promise<{ held: () => number; release: () => void }> {
  const waiting: Route[] = [];
  let open = false;
  await page.route(pattern, (route) => (open ? route.continue() : void waiting.push(route)));
  return {
    held: () => waiting.length,
    release: () => {
      open = true;
      for (const route of waiting.splice(0)) void route.continue();
    },
  };
}

test('a connector log finds events by type glob and prefix, by any text (a header value) and by status', async ({ page, engine }) => {
  await seedWorkspace(engine, receiver.url);
  await page.goto(engine.openUrl);
  const ui = new ConnectorsUi(page);
  await ui.sidebarItem('Shop').click();
  const log = ui.eventLog('Shop');
  const type = page.getByRole('combobox', { name: /Filter by type/ });
  const text = page.getByRole('searchbox', { name: 'Search id, headers and body' });
  await expect(log.getByRole('option')).toHaveCount(4);

  await type.fill('invoice');
  await expect(log.getByRole('option')).toHaveCount(2);
  await expect(log.getByRole('option', { name: /invoice\.paid/ })).toBeVisible();
  await expect(log.getByRole('option', { name: /invoice\.payment_action_required/ })).toBeVisible();
  await expect(page.getByText('2 matching events shown', { exact: true })).toBeVisible();

  await type.fill('*.trial_*');
  await expect(log.getByRole('option')).toHaveCount(1);
  await expect(log.getByRole('option', { name: /customer\.subscription\.trial_will_end/ })).toBeVisible();

  await type.fill('');
  await text.fill('acme');
  await expect(log.getByRole('option')).toHaveCount(4);
  await text.fill('nothing-like-this');
  await expect(page.getByText(/^No event matches this filter/)).toBeVisible();

  await ui.sidebarItem('GitHub relay').click();
  const github = ui.eventLog('GitHub relay');
  await expect(github.getByRole('option')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: 'Signature failed' });
  await expect(github.getByRole('option')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: 'Verified' });
  await expect(github.getByRole('option')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: 'Shape changed' });
  await expect(github.getByRole('option')).toHaveCount(1);
  await expect(github.getByRole('option', { name: /pull_request\.opened.*Shape changed/ })).toBeVisible();
});

test('the global Events page searches across connectors, names each event\'s connector, and new matches arrive live', async ({ page, engine }) => {
  const seeded = await seedWorkspace(engine, receiver.url);
  await page.goto(engine.openUrl);
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('button', { name: /^Events/ }).first().click();
  const list = page.getByRole('listbox', { name: 'Events', exact: true });
  await expect(list.getByRole('option')).toHaveCount((await apiOf(engine).listEvents()).total);
  await expect(list.getByRole('option', { name: /pull_request\.opened\s*GitHub relay/ })).toHaveCount(3);
  await expect(list.getByRole('option', { name: /invoice\.paid\s*Shop/ })).toHaveCount(1);
  await expect(list.getByRole('option', { name: /order\.created\s*Published/ })).toHaveCount(1);

  await page.getByRole('combobox', { name: /Filter by type/ }).fill('order.*');
  await expect(list.getByRole('option')).toHaveCount(4);
  await expect(page.getByText('4 matching events shown', { exact: true })).toBeVisible();
  await apiOf(engine).publishEvent({ type: 'order.cancelled' });
  await apiOf(engine).publishEvent({ type: 'refund.created' });
  await expect(list.getByRole('option')).toHaveCount(5);
  await expect(list.getByRole('option', { name: /order\.cancelled/ })).toBeVisible();

  // The id of an event finds it.
  const id = (await apiOf(engine).listEvents({ connectorId: seeded.shop.id, type: 'invoice.paid' })).items[0]?.id as string;
  await page.getByRole('combobox', { name: /Filter by type/ }).fill('');
  await page.getByRole('searchbox', { name: 'Search id, headers and body' }).fill(id);
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option', { name: /invoice\.paid/ })).toBeVisible();
});

test('selects events with click, Shift+click, Ctrl/Cmd+click and Ctrl/Cmd+A; bulk replay shows progress and what failed', async ({ page, engine }) => {
  await seedWorkspace(engine, receiver.url);
  await page.goto(engine.openUrl);
  const ui = new ConnectorsUi(page);
  await ui.sidebarItem('GitHub relay').click();
  const log = ui.eventLog('GitHub relay');
  const rows = log.getByRole('option');
  await expect(rows).toHaveCount(3);
  const selected = log.getByRole('option', { selected: true });

  await rows.nth(0).click();
  await expect(selected).toHaveCount(1);
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await expect(selected).toHaveCount(3);
  await expect(page.getByText('3 events selected')).toBeVisible();
  await rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await expect(selected).toHaveCount(2);
  await expect(page.getByText('2 events selected')).toBeVisible();
  await log.press('ControlOrMeta+a');
  await expect(selected).toHaveCount(3);

  const forwardsBefore = receiver.requests.filter((r) => r.path.endsWith('/forward')).length;
  const gate = await holdRequests(page, /\/api\/v1\/events\/[^/]+\/replay$/);
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Replay to forward target' }).click();
  const progress = page.getByRole('progressbar', { name: 'Replay to forward target progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  await expect(progress).toHaveAttribute('aria-valuemax', '3');
  await expect.poll(gate.held).toBe(3);
  gate.release();
  await expect(page.getByRole('status').filter({ hasText: '3 replayed.' })).toBeVisible();
  await expect(progress).toBeHidden();
  expect(receiver.requests.filter((r) => r.path.endsWith('/forward')).length).toBe(forwardsBefore + 3);

  // Shop has no forward URL: the summary says how many failed and why.
  await ui.sidebarItem('Shop').click();
  const shop = ui.eventLog('Shop');
  await shop.getByRole('option').first().click();
  await shop.getByRole('option').nth(1).click({ modifiers: ['Shift'] });
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Replay to forward target' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^0 replayed, 2 failed: .*has no forward URL/ })).toBeVisible();
});

test('bulk delete asks first, removes the rows and the stored events, and says how many', async ({ page, engine }) => {
  const seeded = await seedWorkspace(engine, receiver.url);
  await page.goto(engine.openUrl);
  const ui = new ConnectorsUi(page);
  await ui.sidebarItem('Shop').click();
  const log = ui.eventLog('Shop');
  await expect(log.getByRole('option')).toHaveCount(4);
  await log.getByRole('option', { name: /invoice\.paid/ }).click();
  await log.getByRole('option', { name: /order\.created/ }).click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('region', { name: 'Selection' });
  await bar.getByRole('button', { name: 'Delete' }).click();
  await expect(bar).toContainText('Delete 2 events for good?');
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(log.getByRole('option')).toHaveCount(4);
  await bar.getByRole('button', { name: 'Delete' }).click();
  await bar.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 deleted.' })).toBeVisible();
  await expect(log.getByRole('option')).toHaveCount(2);
  const left = (await apiOf(engine).listEvents({ connectorId: seeded.shop.id })).items.map((e) => e.type);
  expect(left.sort()).toEqual(['customer.subscription.trial_will_end', 'invoice.payment_action_required']);
});

test('deliveries are paged ("1–100 of 124"), filtered by status, code and type, and redelivered in bulk', async ({ page, engine }) => {
  const api = apiOf(engine);
  const { webhook } = await seedWorkspace(engine, receiver.url, { orders: 120 });
  await expect.poll(async () => (await api.listDeliveries(webhook.id, { status: 'succeeded' })).total, { timeout: 30_000 }).toBe(120);
  // Four failures in a row: one short of the five that would stop the webhook.
  receiver.status = 503;
  for (let i = 0; i < 4; i += 1) await api.publishEvent({ type: 'order.created', entity: { late: i } });
  await expect.poll(async () => (await api.listDeliveries(webhook.id, { status: 'failed' })).total).toBe(4);
  await page.goto(engine.openUrl);
  const ui = new WebhooksUi(page);
  await ui.sidebarItem('Orders out').click();
  await expect(page.getByText('1–100 of 124 (100 shown)')).toBeVisible();
  await expect(ui.deliveries.getByRole('row')).toHaveCount(101);
  await page.getByRole('navigation', { name: 'Delivery pages' }).getByRole('button', { name: 'Older' }).click();
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  await expect(ui.deliveries.getByRole('row')).toHaveCount(25);

  await page.getByRole('combobox', { name: 'Filter by delivery status' }).selectOption('failed');
  await expect(page.getByText('4 matching deliveries')).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter by delivery status' }).selectOption('');
  await page.getByRole('searchbox', { name: /Filter by response code/ }).fill('5xx');
  await expect(page.getByText('4 matching deliveries')).toBeVisible();
  await page.getByRole('searchbox', { name: /Filter by event type/ }).fill('order.fulfil');
  await expect(page.getByText('No delivery matches this filter.')).toBeVisible();
  await page.getByRole('searchbox', { name: /Filter by event type/ }).fill('order.c*');
  await expect(page.getByText('4 matching deliveries')).toBeVisible();

  receiver.status = 200;
  const rows = ui.deliveries.getByRole('row', { name: /order\.created/ });
  await expect(rows).toHaveCount(4);
  await rows.nth(0).click();
  await rows.nth(3).click({ modifiers: ['Shift'] });
  await expect(ui.deliveries.getByRole('row', { selected: true })).toHaveCount(4);
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Redeliver' }).click();
  await expect(page.getByRole('status').filter({ hasText: '4 queued again.' })).toBeVisible();
  await page.getByRole('searchbox', { name: /Filter by response code/ }).fill('200');
  await page.getByRole('searchbox', { name: /Filter by event type/ }).fill('');
  await expect(ui.deliveries.getByRole('row', { name: /order\.created \((manual|replay)\)/ })).toHaveCount(4);
});
