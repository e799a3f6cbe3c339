import { expect, test } from './fixtures';
import { apiOf } from './pages/connectors-ui';
import { publish, WebhooksUi } from './pages/webhooks-ui';

/** A workbench a keyboard person lives in: palette, save, search, shortcuts, tabs that come back and act as a group. */
test.describe('keyboard', () => {
  test('Ctrl+K finds a webhook by typing and Enter opens it with focus on its page', async ({ page, engine }) => {
    const api = apiOf(engine);
    await api.createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/orders' });
    await api.createWebhook({ name: 'Invoices out', url: 'http://127.0.0.1:9/invoices' });
    await page.goto(engine.openUrl);
    await expect(page.getByRole('list', { name: 'Webhooks' })).toBeVisible();

    await page.keyboard.press('ControlOrMeta+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const box = palette.getByRole('combobox', { name: /Find a page/ });
    await expect(box).toBeFocused();
    await page.keyboard.type('ord');
    await expect(palette.getByRole('option').first()).toHaveText(/Orders out\s*Webhook/);
    await expect(palette.getByRole('option', { name: /Invoices out/ })).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    const ui = new WebhooksUi(page);
    await expect(ui.heading('Orders out')).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Orders out', selected: true })).toBeVisible();
  });

  test('the palette opens an event by id, runs actions, and says when an id is unknown', async ({ page, engine }) => {
    await publish(engine, { type: 'invoice.paid', entity: { n: 1 } });
    const [event] = (await apiOf(engine).listEvents({ pageSize: 1 })).items;
    await page.goto(engine.openUrl);
    await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);

    await page.keyboard.press('ControlOrMeta+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('evt_doesnotexist000');
    await page.keyboard.press('Enter');
    await expect(palette.getByRole('alert')).toContainText(/evt_doesnotexist000|not found|No event/i);
    await palette.getByRole('combobox').fill(event!.id);
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    const events = page.getByRole('tabpanel', { name: 'Events' });
    await expect(events.getByText('invoice.paid').first()).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Events', selected: true })).toBeVisible();

    // An action: New connector opens its dialog.
    await page.keyboard.press('ControlOrMeta+K');
    await expect(palette.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('new con');
    await expect(palette.getByRole('option').first()).toHaveText(/New connector/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'New connector' })).toBeVisible();
  });

  test('/ focuses the page search, but types into a field; ? lists the shortcuts', async ({ page, engine }) => {
    const connector = await apiOf(engine).createConnector({ name: 'Shop' });
    await page.goto(engine.openUrl);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('button', { name: /^Shop,/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Shop' })).toBeVisible();
    expect(connector.id).toMatch(/^con_/);

    const search = page.getByRole('search').getByRole('searchbox').first();
    await expect(search).toBeVisible();
    await page.getByRole('heading', { level: 2, name: 'Shop' }).click();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    // In a field, / and ? are text.
    await page.keyboard.type('a/b?');
    await expect(search).toHaveValue('a/b?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

    await page.getByRole('heading', { level: 2, name: 'Shop' }).click();
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toBeVisible();
    await expect(shortcuts.getByRole('row', { name: /Save the form/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();
  });

  test('Ctrl+S saves a webhook edit typed in a field', async ({ page, engine }) => {
    const webhook = await apiOf(engine).createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/a' });
    await page.goto(engine.openUrl);
    const ui = new WebhooksUi(page);
    await ui.sidebarItem('Orders out').click();
    const url = ui.section('Target').getByLabel('URL', { exact: true });
    await url.fill('http://127.0.0.1:9/b');
    await expect(ui.main.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
    await page.keyboard.press('ControlOrMeta+S');
    await expect(ui.main.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect((await apiOf(engine).getWebhook(webhook.id)).url).toBe('http://127.0.0.1:9/b');
  });

  test('open tabs and the selected event come back after a reload; stale ones are dropped', async ({ page, engine }) => {
    const api = apiOf(engine);
    const shop = await api.createConnector({ name: 'Shop' });
    const gone = await api.createConnector({ name: 'Gone soon' });
    await api.createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/a' });
    await publish(engine, { type: 'order.created', entity: { n: 1 } });
    await publish(engine, { type: 'order.paid', entity: { n: 2 } });
    await page.goto(engine.openUrl);
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('button', { name: /^Shop,/ }).click();
    await nav.getByRole('button', { name: /^Gone soon,/ }).click();
    await nav.getByRole('button', { name: /^Orders out,/ }).click();
    await nav.getByRole('button', { name: /^Events/ }).click();
    const events = page.getByRole('tabpanel', { name: 'Events' });
    await events.getByText('order.created').first().click();
    await expect(events.getByText('"n": 1').or(events.getByText('"n":1')).first()).toBeVisible();

    await api.deleteConnector(gone.id);
    await page.reload();
    const tabs = page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab');
    await expect(tabs).toHaveText(['Welcome', 'Shop', 'Orders out', 'Events']);
    await expect(page.getByRole('tab', { name: 'Events', selected: true })).toBeVisible();
    await expect(events.getByText('"n": 1').or(events.getByText('"n":1')).first()).toBeVisible();
    expect(shop.id).toMatch(/^con_/);
  });

  test('tabs are one Tab stop with arrow keys inside; the chart range too', async ({ page, engine }) => {
    const api = apiOf(engine);
    await api.createConnector({ name: 'Shop' });
    await api.createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/a' });
    await page.goto(engine.openUrl);
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('button', { name: /^Orders out,/ }).click();
    await nav.getByRole('button', { name: /^Shop,/ }).click();
    const tablist = page.getByRole('tablist', { name: 'Open tabs' });
    await expect(tablist.getByRole('tab')).toHaveText(['Welcome', 'Orders out', 'Shop']);

    await tablist.getByRole('tab', { name: 'Shop' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(tablist.getByRole('tab', { name: 'Orders out' })).toBeFocused();
    await expect(tablist.getByRole('tab', { name: 'Orders out' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Orders out' })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(tablist.getByRole('tab', { name: 'Welcome' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tablist.getByRole('tab', { name: 'Shop' })).toBeFocused();
    // One Tab stop: only the selected tab is in the Tab order.
    await expect(tablist.getByRole('tab', { selected: false }).first()).toHaveAttribute('tabindex', '-1');
    // Delete closes the focused tab and keeps focus in the list.
    await page.keyboard.press('Delete');
    await expect(tablist.getByRole('tab')).toHaveText(['Welcome', 'Orders out']);
    await expect(tablist.getByRole('tab', { name: 'Orders out' })).toBeFocused();

    // The chart range of the webhook page: a radio group with arrow keys.
    const range = page.getByRole('radiogroup', { name: 'Chart range' });
    await range.getByRole('radio', { name: 'Last 24 hours' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(range.getByRole('radio', { name: 'Last 7 days' })).toBeFocused();
    await expect(range.getByRole('radio', { name: 'Last 7 days' })).toHaveAttribute('aria-checked', 'true');
    await expect(range.getByRole('radio', { name: 'Last 24 hours' })).toHaveAttribute('tabindex', '-1');
  });

  test('Enter on a sidebar item moves focus into the page', async ({ page, engine }) => {
    await apiOf(engine).createConnector({ name: 'Shop' });
    await page.goto(engine.openUrl);
    const item = page.getByRole('navigation', { name: 'Workspace' }).getByRole('button', { name: /^Shop,/ });
    await item.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Shop' })).toBeFocused();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('button', { name: /^Webhooks/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tabpanel', { name: 'Webhooks' }).getByRole('heading', { level: 2 }).first()).toBeFocused();
  });
});
