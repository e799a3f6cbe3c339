import { expect, test } from './fixtures';
import { ConnectorsUi, apiOf, push } from './pages/connectors-ui';

test.describe('connectors', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('creates a connector in the UI, receives a real push live and inspects it', async ({ page, engine, request }) => {
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);

    // The name is checked inline with the engine's schema before anything is sent.
    await ui.sidebar.getByRole('button', { name: 'New connector' }).click();
    const form = ui.dialog('New connector');
    await form.getByLabel('Name', { exact: true }).fill(' Orders!');
    await form.getByLabel('Name', { exact: true }).blur();
    await expect(form.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Name cannot hold "!": use only letters, digits, spaces, _ and -\./);
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();

    const secrets = await ui.create('Orders', 'Stripe');
    expect(secrets.apiKey.length).toBeGreaterThanOrEqual(22);
    expect(secrets.pushUrl).toBe(`${engine.url}/api/1.0/webhook/push`);
    expect(secrets.curl).toContain(`API_KEY: ${secrets.apiKey}`);

    // The page teaches the first push, without the key it no longer knows.
    await expect(page.getByRole('heading', { name: 'Send your first event' })).toBeVisible();
    await expect(page.getByLabel('curl command for the push API')).toContainText('<API_KEY>');
    await expect(ui.sidebarItem('Orders')).toHaveAccessibleName(/Waiting for its first event/);

    const res = await push(request, secrets.pushUrl, secrets.apiKey, { event_type: 'charge.succeeded', amount: 4242 });
    expect(res.status()).toBe(200);

    const row = ui.eventLog('Orders').getByRole('option', { name: /charge\.succeeded/ });
    await expect(row).toBeVisible();
    await expect(ui.sidebarItem('Orders')).toHaveAccessibleName(/Active, last event just now/);
    await row.click();
    await expect(ui.inspector.getByRole('heading', { name: 'charge.succeeded' })).toBeVisible();
    await expect(ui.inspector.getByRole('group', { name: 'Event body' })).toContainText('4242');
    await expect(ui.inspector.getByRole('term').filter({ hasText: 'Data source' })).toBeVisible();
    await expect(ui.inspector.getByRole('definition').filter({ hasText: 'Stripe' })).toBeVisible();

    // A capture: any method and body; Raw shows the bytes exactly as sent.
    const captured = await request.put(`${secrets.captureUrl}/orders/7?debug=1`, { headers: { 'content-type': 'text/plain' }, data: 'plain text, exactly' });
    expect(captured.status()).toBe(200);
    const captureRow = ui.eventLog('Orders').getByRole('option', { name: /PUT \/orders\/7/ });
    await captureRow.click();
    await expect(ui.inspector.getByRole('definition').filter({ hasText: 'PUT /orders/7?debug=1' })).toBeVisible();
    await ui.inspector.getByRole('tab', { name: 'Raw' }).click();
    await expect(ui.inspector.getByRole('group', { name: 'Raw event body' })).toContainText('plain text, exactly');

    // Newest first.
    await expect(ui.eventLog('Orders').getByRole('option').first()).toHaveAccessibleName(/PUT \/orders\/7/);
  });

  test('the New connector dialog says next to each field what is wrong and what to do, and creates once it is fixed', async ({ page, engine }) => {
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebar.getByRole('button', { name: 'New connector' }).click();
    const form = ui.dialog('New connector');
    const name = form.getByLabel('Name', { exact: true });
    const create = form.getByRole('button', { name: 'Create connector' });

    // Sent empty: the name says so and how to fix it, tied to the field (aria-describedby), nothing is created.
    await create.click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/Name is empty: type a name for the connector, e\.g\. Shop orders\./);
    await expect(form).toBeVisible();

    await name.fill('Orders/EU!');
    await expect(name).toHaveAccessibleDescription(/Name cannot hold "\/", "!": use only letters, digits, spaces, _ and -\./);
    await name.fill('x'.repeat(70));
    await expect(name).toHaveAccessibleDescription(/Name is 70 characters long: shorten it to 64 or fewer\./);
    await name.fill(' Orders');
    await expect(name).toHaveAccessibleDescription(/Name starts or ends with a space: remove it\./);

    // A custom data source left empty: said next to that field, with the other way out.
    await name.fill('Orders EU');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Data source', { exact: true }).selectOption({ label: 'Custom…' });
    await create.click();
    const custom = form.getByLabel('Custom data source');
    await expect(custom).toHaveAttribute('aria-invalid', 'true');
    await expect(custom).toHaveAccessibleDescription("Custom data source is empty: type the sender's name (e.g. Acme ERP), or choose Auto-discover.");

    // No zod wording anywhere in the dialog.
    await expect(form).not.toContainText(/String must|Too small|Too big|Invalid|expected string|character\(s\)/);

    await custom.fill('Acme ERP');
    await expect(custom).not.toHaveAttribute('aria-invalid', 'true');
    await create.click();
    await expect(ui.dialog('Connector "Orders EU" created')).toBeVisible();
    expect((await apiOf(engine).listConnectors()).items.map((c) => [c.name, c.dataSource])).toEqual([['Orders EU', 'Acme ERP']]);
  });

  test('the selected event is in the address: a reload and a shared link open it again; a gone one selects nothing, silently', async ({ page, engine, request, browser }) => {
    test.setTimeout(90_000);
    const api = apiOf(engine);
    const orders = await api.createConnector({ name: 'Orders' });
    const other = await api.createConnector({ name: 'Billing' });
    // 510 events: the first one is older than the log's first page (500), as a link to an old event is.
    const oldest = ((await (await push(request, orders.pushUrl, orders.apiKey, { event_type: 'order.first', n: 0 })).json()) as { ids: string[] }).ids[0]!;
    for (let start = 1; start < 510; start += 50) {
      const batch = Array.from({ length: Math.min(50, 510 - start) }, (_, i) => ({ event_type: start + i === 505 ? 'order.refunded' : 'order.bulk', n: start + i }));
      expect((await push(request, orders.pushUrl, orders.apiKey, batch)).status()).toBe(200);
    }
    const billingEvent = ((await (await push(request, other.pushUrl, other.apiKey, { event_type: 'invoice.paid' })).json()) as { ids: string[] }).ids[0]!;

    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Orders').click();
    const refunded = ui.eventLog('Orders').getByRole('option', { name: /order\.refunded/ });
    await refunded.click();
    await expect(ui.inspector.getByRole('heading', { name: 'order.refunded' })).toBeVisible();
    const refundedId = new URL(page.url()).searchParams.get('event');
    expect(new URL(page.url()).searchParams.get('connector')).toBe(orders.id);
    expect(refundedId).toMatch(/^evt_/);

    // Reload: the same page, the same event in the inspector and selected in the log.
    await page.reload();
    await expect(ui.inspector.getByRole('heading', { name: 'order.refunded' })).toBeVisible();
    await expect(ui.inspector.getByRole('group', { name: 'Event body' })).toContainText('505');
    await expect(refunded).toHaveAttribute('aria-selected', 'true');
    expect(new URL(page.url()).searchParams.get('event')).toBe(refundedId);

    // A shared link, opened in a browser that has never seen this workspace (no tabs, no session): signs in, opens it.
    const fresh = await browser.newContext();
    try {
      const shared = await fresh.newPage();
      await shared.goto(`${engine.url}/?connector=${orders.id}&event=${oldest}#token=${engine.token}`);
      const sharedUi = new ConnectorsUi(shared);
      await expect(sharedUi.inspector.getByRole('heading', { name: 'order.first' })).toBeVisible();
      await expect(shared.getByRole('heading', { name: 'Orders', exact: true })).toBeVisible();
      expect(new URL(shared.url()).searchParams.get('event')).toBe(oldest);
      expect(new URL(shared.url()).hash).toBe(''); // the token left the address, the link did not
    } finally {
      await fresh.close();
    }

    // Another tab takes the connector out of the address; a reload stays on that tab.
    await ui.sidebar.getByRole('button', { name: /^Webhooks/ }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.reload();
    await expect(page.getByRole('tablist', { name: 'Open tabs' }).getByRole('tab', { name: 'Webhooks', exact: true, selected: true })).toBeVisible();
    await expect(ui.inspector).toHaveCount(0);

    // Gone (the log cleared), or another connector's event: nothing selected, no error, and the address drops it.
    await api.clearEvents(orders.id);
    for (const eventId of [refundedId!, billingEvent]) {
      await page.goto(`${engine.url}/?connector=${orders.id}&event=${eventId}`);
      await expect(page.getByRole('heading', { name: 'Orders', exact: true })).toBeVisible();
      await expect(page.getByText('Select an event to inspect its headers and body.')).toBeVisible();
      await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBeNull();
      expect(new URL(page.url()).searchParams.get('connector')).toBe(orders.id);
      await expect(ui.inspector).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
    }
  });

  test('copies the revealed key with its Copy button', async ({ page, engine }) => {
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebar.getByRole('button', { name: 'New connector' }).click();
    await ui.dialog('New connector').getByLabel('Name', { exact: true }).fill('Clipboard');
    await ui.dialog('New connector').getByRole('button', { name: 'Create connector' }).click();
    const created = ui.dialog('Connector "Clipboard" created');
    const key = await created.getByLabel('API key', { exact: true }).inputValue();
    await created.getByRole('button', { name: 'Copy API key' }).click();
    await expect(created.getByRole('status').filter({ hasText: 'API key copied' })).toBeAttached();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(key);
  });

  test('resets the key in the UI: the old key and capture URL are refused, the new ones accepted', async ({ page, engine, request }) => {
    const created = await apiOf(engine).createConnector({ name: 'Billing' });
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Billing').click();
    await page.getByRole('button', { name: 'Reset key' }).click();
    const confirm = ui.dialog('Reset the key of "Billing"?');
    await expect(confirm).toContainText('stop working at once');
    await confirm.getByRole('button', { name: 'Reset key' }).click();
    const revealed = ui.dialog('New key for "Billing"');
    const newKey = await revealed.getByLabel('API key', { exact: true }).inputValue();
    const newCapture = await revealed.getByLabel('Capture URL', { exact: true }).inputValue();
    await revealed.getByRole('button', { name: 'Done' }).click();
    expect(newKey).not.toBe(created.apiKey);

    const old = await push(request, created.pushUrl, created.apiKey, { type: 'x' });
    expect(old.status()).toBe(404);
    expect(((await old.json()) as { error: { code: string } }).error.code).toBe('unknown_api_key');
    expect((await request.post(created.captureUrl, { data: '{}' })).status()).toBe(404);

    expect((await push(request, created.pushUrl, newKey, { type: 'after.reset' })).status()).toBe(200);
    expect((await request.post(newCapture, { data: '{}' })).status()).toBe(200);
    await expect(ui.eventLog('Billing').getByRole('option', { name: /after\.reset/ })).toBeVisible();
  });

  test('filters by type and body text, and live events that match join the filtered log', async ({ page, engine, request }) => {
    const created = await apiOf(engine).createConnector({ name: 'Shop' });
    for (const body of [
      { type: 'order.created', customer: 'alice' },
      { type: 'order.created', customer: 'bob' },
      { type: 'order.refunded', customer: 'alice' },
    ]) {
      expect((await push(request, created.pushUrl, created.apiKey, body)).status()).toBe(200);
    }
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Shop').click();
    const log = ui.eventLog('Shop');
    await expect(log.getByRole('option')).toHaveCount(3);

    await page.getByLabel('Filter by type').fill('order.created');
    await expect(log.getByRole('option')).toHaveCount(2);
    await page.getByLabel('Search id, headers and body').fill('ALICE');
    await expect(log.getByRole('option')).toHaveCount(1);

    await push(request, created.pushUrl, created.apiKey, { type: 'order.created', customer: 'carol' });
    await push(request, created.pushUrl, created.apiKey, { type: 'order.created', customer: 'Alice Smith', live: true });
    await expect(log.getByRole('option')).toHaveCount(2);
    await log.getByRole('option').first().click();
    await expect(ui.inspector.getByRole('group', { name: 'Event body' })).toContainText('Alice Smith');

    await page.getByLabel('Search id, headers and body').fill('nobody');
    await expect(page.getByText('No event matches this filter')).toBeVisible();
  });

  test('edits a connector and deletes it after a confirmation that says what is lost', async ({ page, engine, request }) => {
    const created = await apiOf(engine).createConnector({ name: 'Legacy' });
    for (let i = 0; i < 3; i += 1) await push(request, created.pushUrl, created.apiKey, { type: `t${i}` });
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Legacy').click();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = ui.dialog('Edit "Legacy"');
    await edit.getByLabel('Name', { exact: true }).fill('Legacy v2');
    await edit.getByLabel('Response status').fill('999');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit.getByLabel('Response status')).toHaveAttribute('aria-invalid', 'true');
    await expect(edit.getByLabel('Response status')).toHaveAccessibleDescription(/must be \d+\.\.599/);
    await edit.getByLabel('Response status').fill('202');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Legacy v2', level: 2 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Legacy v2' })).toBeVisible();
    expect((await request.post(created.captureUrl, { data: '{}' })).status()).toBe(202);

    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = ui.dialog('Delete "Legacy v2"?');
    await expect(confirm).toContainText('Its 4 stored events will be deleted with it.');
    await confirm.getByRole('button', { name: 'Delete connector' }).click();
    await expect(confirm).toBeHidden();
    await expect(ui.sidebar.getByRole('button', { name: /^Legacy v2,/ })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Legacy v2' })).toHaveCount(0);
    expect((await push(request, created.pushUrl, created.apiKey, { type: 'gone' })).status()).toBe(404);
  });

  test('shows the engine\'s 409 for a duplicate name next to the name field; the dialog keeps focus inside', async ({ page, engine }) => {
    await apiOf(engine).createConnector({ name: 'Payments', dataSource: null });
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    const opener = ui.sidebar.getByRole('button', { name: 'New connector' });
    await opener.click();
    const form = ui.dialog('New connector');
    const name = form.getByLabel('Name', { exact: true });
    await expect(name).toBeFocused();
    await name.fill('payments');
    await form.getByRole('button', { name: 'Create connector' }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/already|exists|409|duplicate/i);

    // Tab from the last control wraps to the first; Esc closes and gives focus back.
    await form.getByRole('button', { name: 'Create connector' }).focus();
    await page.keyboard.press('Tab');
    await expect(name).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(form.getByRole('button', { name: 'Create connector' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('keeps 10,000 events virtualized and pages older ones in as the log scrolls', async ({ page, engine, request }) => {
    test.setTimeout(120_000);
    const created = await apiOf(engine).createConnector({ name: 'Firehose' });
    const batch = (start: number) => Array.from({ length: 50 }, (_, i) => ({ type: 'bulk.event', n: start + i }));
    for (let start = 0; start < 10_000; start += 500) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => push(request, created.pushUrl, created.apiKey, batch(start + j * 50)).then((r) => expect(r.status()).toBe(200))),
      );
    }
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Firehose').click();
    const log = ui.eventLog('Firehose');
    await expect(log.getByRole('option').first()).toBeVisible();
    await log.getByRole('option').first().click();
    const shown = page.getByText(/events shown/);
    const count = async (): Promise<number> => Number((await shown.textContent())?.replace(/\D/g, '') ?? 0);
    // Each End selects the last loaded row; reaching it pages the next 500 in.
    for (let loaded = await count(); loaded < 10_000; loaded = await count()) {
      await log.press('End');
      await expect.poll(count).toBeGreaterThan(loaded);
    }
    await expect(shown).toHaveText('10,000 events shown');
    await log.press('End');
    await expect(log.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '10000');
    expect(await log.getByRole('option').count()).toBeLessThan(100);
  });
});
