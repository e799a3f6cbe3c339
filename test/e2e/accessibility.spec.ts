import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import { apiOf } from './pages/connectors-ui';
import { ReceiverCheckUi } from './pages/receiver-check-ui';
import { publish, WebhooksUi } from './pages/webhooks-ui';
import { Receiver } from './receiver';

/**
 * axe on every page of the workspace, in both themes: no serious or critical violation (contrast,
 * names, structure). Editors are loaded before each run, so Monaco's text areas are checked too.
 */
for (const colorScheme of ['dark', 'light'] as const) {
  test.describe(`accessibility, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('every page has no serious or critical axe violation', async ({ page, engine }) => {
      test.setTimeout(120_000);
      const api = apiOf(engine);
      const shop = await api.createConnector({ name: 'Shop' });
      await api.createWebhook({ name: 'Orders out', url: 'http://127.0.0.1:9/orders' });
      for (const [type, n] of [['order.created', 1], ['pull_request', 2]] as const) {
        const res = await fetch(shop.pushUrl, { method: 'POST', headers: { API_KEY: shop.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ event_type: type, n }) });
        expect(res.ok).toBe(true);
      }
      await publish(engine, { type: 'invoice.paid', entity: { total: 12 } });

      await page.goto(engine.openUrl);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      const nav = page.getByRole('navigation', { name: 'Workspace' });
      const panel = page.locator('#main-panel');
      await expect(page.getByRole('heading', { name: 'Welcome to Hookdesk' })).toBeVisible();
      await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
      await expectNoSeriousA11yViolations(page, 'welcome');

      await nav.getByRole('button', { name: /^Connectors/ }).click();
      await expect(panel.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'connectors');

      await nav.getByRole('button', { name: /^Shop,/ }).click();
      await expect(panel.getByRole('heading', { level: 2, name: 'Shop' })).toBeVisible();
      await panel.getByText('pull_request').first().click();
      await expect(panel.getByRole('textbox', { name: /body/i }).first()).toBeAttached();
      await expectNoSeriousA11yViolations(page, 'a connector page with an event open');

      await panel.getByRole('tab', { name: 'Relay settings', exact: true }).click();
      await expect(panel.getByRole('form', { name: 'Relay settings' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'relay settings');

      await panel.getByRole('tab', { name: 'Schemas', exact: true }).click();
      await expect(panel.getByRole('textbox', { name: /JSON Schema of/ })).toBeAttached();
      await expectNoSeriousA11yViolations(page, 'schemas');

      await nav.getByRole('button', { name: /^Webhooks/ }).click();
      await expect(panel.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'webhooks');

      const ui = new WebhooksUi(page);
      await ui.sidebarItem('Orders out').click();
      await expect(ui.previewBody).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'a webhook page');

      await nav.getByRole('button', { name: /^Events/ }).click();
      const events = page.getByRole('tabpanel', { name: 'Events' });
      await events.getByText('invoice.paid').first().click();
      await expect(events.getByRole('textbox', { name: /body/i }).first()).toBeAttached();
      await expectNoSeriousA11yViolations(page, 'events');

      await page.keyboard.press('ControlOrMeta+K');
      await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox')).toBeFocused();
      await expectNoSeriousA11yViolations(page, 'the command palette');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'the shortcuts');
    });

    test('the receiver check page, with a scorecard and a case opened, has no serious or critical axe violation', async ({ page, engine }) => {
      test.setTimeout(120_000);
      // A receiver that accepts everything: the scorecard shows passes and fails.
      const accepting = await Receiver.start();
      try {
        await page.goto(engine.openUrl);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        const check = new ReceiverCheckUi(page);
        await check.open();
        await check.url.fill(accepting.url);
        await check.form.getByRole('button', { name: 'Generate secret' }).click();
        await check.runAndWait();
        await check.detailsButton('Tampered body').click();
        await expect(check.sent('Tampered body')).toBeVisible();
        await expectNoSeriousA11yViolations(page, 'the receiver check');
      } finally {
        await accepting.stop();
      }
    });
  });
}
