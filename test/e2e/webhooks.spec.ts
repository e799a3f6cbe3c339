import { expect, test } from './fixtures';
import { apiOf } from './pages/connectors-ui';
import { publish, WebhooksUi } from './pages/webhooks-ui';
import { Receiver } from './receiver';

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await Receiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});

test.describe('webhooks', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('creates a webhook, completes a template field, previews it and sends tests by button and Ctrl+Enter', async ({ page, engine }) => {
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);

    // Inline validation with the engine's schema; plain http to another host is warned about.
    await ui.sidebar.getByRole('button', { name: 'New webhook' }).click();
    const form = ui.dialog('New webhook');
    await form.getByLabel('URL', { exact: true }).fill('ftp://example.com');
    await form.getByLabel('URL', { exact: true }).blur();
    await expect(form.getByText('URL must be an http or https URL.')).toBeVisible();
    await form.getByLabel('URL', { exact: true }).fill('http://example.com/hook');
    await expect(form.getByText('plain http')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();

    await ui.create('Orders out', receiver.url);
    await expect(ui.stateBadge('ACTIVE')).toBeVisible();
    await expect(ui.sidebarItem('Orders out')).toHaveAccessibleName('Orders out, Active');
    for (const name of ['Target', 'Auth', 'Events and filters', 'Payload', 'Signing', 'Validators', 'Retries']) {
      await expect(ui.section(name)).toBeVisible();
    }

    // The default envelope previews against the hookdesk.test sample.
    await expect(ui.previewBody).toContainText('"eventType":"hookdesk.test"');

    // A template: `{{` offers the sample's fields.
    await ui.section('Payload').getByLabel('Use a body template').check();
    await ui.clearTemplate();
    await page.keyboard.type('{"note": ');
    await page.keyboard.type('{{');
    await page.getByRole('option', { name: /data\.message/ }).click();
    await expect(ui.previewBody).toContainText('This is a test event sent by Hookdesk.');
    const preview = JSON.parse((await ui.previewBody.textContent()) ?? '') as unknown;
    expect(preview).toEqual({ note: 'This is a test event sent by Hookdesk.' });

    // Send test saves first, then shows what the receiver answered.
    await ui.button('Send test').click();
    await expect(ui.inspector.getByLabel('Response status')).toHaveText('HTTP 200');
    await expect(ui.inspector.getByLabel('Response body')).toContainText('"received": true');
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual(preview);
    expect(receiver.requests[0]!.headers['x-hookdesk-event']).toBe('hookdesk.test');
    await expect(ui.inspector.getByLabel('Request body')).toContainText('"note"');

    // Ctrl+Enter in the template editor, and anywhere else on the page.
    await ui.templateEditor.focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => receiver.requests.length).toBe(2);
    await ui.section('Target').getByLabel('Name', { exact: true }).focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => receiver.requests.length).toBe(3);

    // Copy as curl.
    await ui.inspector.getByRole('button', { name: 'Copy as curl' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toContain(`curl -X POST ${receiver.url}`);
  });
});
