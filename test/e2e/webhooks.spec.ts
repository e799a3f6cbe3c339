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
    await page.keyboard.type('{"note": {{');
    await page.getByRole('option', { name: /data\.message/ }).click();
    await expect(ui.templateEditor).toBeFocused();
    await page.keyboard.type('}');
    const preview = { note: 'This is a test event sent by Hookdesk.' };
    await expect(ui.previewBody).toHaveText('{"note": "This is a test event sent by Hookdesk."}');

    // Send test sends the form as it is (unsaved: the template) and shows what the receiver answered.
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

    // A broken template: the preview says where, Send test does not send it, and nothing reaches the receiver.
    await ui.clearTemplate();
    await page.keyboard.type('{"note": {{#data}}}');
    await expect(ui.section('Payload').getByText(/Template error at line 1, column \d+: Unclosed section "data"/)).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(ui.main.getByRole('status').filter({ hasText: 'The test was not sent' })).toBeVisible();
    expect(receiver.requests).toHaveLength(3);

    // Copy as curl.
    await ui.inspector.getByRole('button', { name: 'Copy as curl' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toContain(`curl -X POST ${receiver.url}`);
  });

  test('a failing validator shows as failed in the inspector', async ({ page, engine }) => {
    await apiOf(engine).createWebhook({ name: 'Validated', url: receiver.url });
    receiver.answer = { status: 'rejected' };
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Validated').click();

    const validators = ui.section('Validators');
    await validators.getByRole('button', { name: 'Add validator' }).click();
    await validators.getByLabel('JSONPath 1').fill('$.status');
    await validators.getByLabel('Expected values 1').fill('"accepted", ok');
    await ui.save();
    await ui.button('Send test').click();

    const results = ui.inspector.getByRole('table', { name: 'Validator results' });
    await expect(results.getByRole('row', { name: /\$\.status/ })).toContainText('failed');
    await expect(results.getByRole('row', { name: /\$\.status/ })).toContainText('"rejected"');
    await expect(ui.inspector.getByRole('definition').filter({ hasText: 'Failed' })).toBeVisible();
    const stored = await apiOf(engine).listWebhooks();
    expect(stored.items[0]!.validators).toEqual([{ path: '$.status', expected: ['accepted', 'ok'] }]);
  });

  test('deliveries appear live, open in the inspector and can be redelivered', async ({ page, engine }) => {
    await apiOf(engine).createWebhook({ name: 'Live', url: receiver.url });
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Live').click();
    await expect(ui.main.getByText('No deliveries yet')).toBeVisible();

    await publish(engine, { type: 'order.created', entity: { id: 'ord_1', total: 42 } });
    const row = ui.deliveries.getByRole('row', { name: /order\.created/ });
    await expect(row).toContainText('succeeded');
    await expect(row.getByRole('cell', { name: '200', exact: true })).toBeVisible();
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ eventType: 'order.created', entity: { id: 'ord_1', total: 42 } });

    await row.getByRole('button', { name: /^Inspect order\.created delivery/ }).click();
    await expect(ui.inspector.getByRole('heading', { name: 'Delivery' })).toBeVisible();
    await expect(ui.inspector.getByLabel('Attempt')).toHaveValue('1');
    await expect(ui.inspector.getByLabel('Response status')).toHaveText('HTTP 200');
    await expect(ui.inspector.getByLabel('Request body')).toContainText('"total": 42');

    await row.getByRole('button', { name: 'Redeliver order.created' }).click();
    await expect(ui.deliveries.getByRole('row', { name: /order\.created/ })).toHaveCount(2);
    await expect.poll(() => receiver.requests.length).toBe(2);
    await expect(ui.deliveries.getByRole('row', { name: /order\.created \(manual\)|order\.created \(replay\)/ })).toContainText('succeeded');
  });

  test('a webhook that keeps failing shows FAILED; Restart brings it back to ACTIVE', async ({ page, engine }) => {
    const api = apiOf(engine);
    const webhook = await api.createWebhook({ name: 'Flaky', url: receiver.url });
    await api.updateWebhook(webhook.id, { retry: { maxAttempts: 1, backoff: 'fixed', initialDelaySeconds: 0, maxDelaySeconds: 0, jitter: 0 } });
    receiver.status = 500;
    receiver.answer = { error: 'down' };
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Flaky').click();
    await expect(ui.stateBadge('ACTIVE')).toBeVisible();

    for (let i = 0; i < 5; i += 1) await publish(engine, { type: 'order.failed', entity: { n: i } });
    await expect(ui.stateBadge('FAILED')).toBeVisible();
    await expect(ui.sidebarItem('Flaky')).toHaveAccessibleName('Flaky, Failed');
    await expect(ui.main.getByText('5 consecutive failures')).toBeVisible();
    await expect(ui.deliveries.getByRole('row', { name: /order\.failed/ }).first()).toContainText('500');

    receiver.status = 200;
    receiver.answer = { status: 'ok' };
    await ui.button('Restart').click();
    await expect(ui.stateBadge('ACTIVE')).toBeVisible();
    await expect(ui.button('Restart')).toBeHidden();
  });

  test('auth and secret: masked values are kept unless edited, a generated secret is whsec_, delete asks first', async ({ page, engine }) => {
    const api = apiOf(engine);
    await api.createWebhook({ name: 'Secured', url: receiver.url, auth: { type: 'bearer', token: 'tok_abcdefghijklmnopqrstuvwxyz' } });
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Secured').click();

    const auth = ui.section('Auth');
    await expect(auth.getByLabel('Auth type')).toHaveValue('bearer');
    await expect(auth.getByLabel('Token')).toHaveValue(/••••/);
    const signing = ui.section('Signing');
    // Generate secret makes one for the chosen scheme: whsec_ + base64 for Standard Webhooks.
    await signing.getByLabel('Signature').selectOption('standard-webhooks');
    await signing.getByRole('button', { name: 'Generate secret' }).click();
    const secretBox = signing.getByRole('textbox', { name: 'New secret' });
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    await signing.getByRole('button', { name: 'Copy new secret' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
    await ui.save();
    await expect(secretBox).toHaveValue('');

    await ui.button('Send test').click();
    await expect(ui.inspector.getByLabel('Response status')).toHaveText('HTTP 200');
    const sent = receiver.requests.at(-1)!;
    expect(sent.headers.authorization).toBe('Bearer tok_abcdefghijklmnopqrstuvwxyz');
    expect(sent.headers['webhook-signature']).toMatch(/^v1,/);

    // The engine's answer lands on the field it names: names are unique.
    await api.createWebhook({ name: 'Taken', url: receiver.url });
    const name = ui.section('Target').getByLabel('Name', { exact: true });
    await name.fill('Taken');
    await ui.button('Save').click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await name.fill('Secured');

    // An invalid field is marked inline and nothing is saved.
    await ui.section('Retries').getByLabel('Max attempts').fill('50');
    await expect(ui.section('Retries').getByText('must be 1..20')).toBeVisible();
    await ui.button('Save').click();
    await expect(ui.main.getByRole('alert').filter({ hasText: 'need fixing' })).toBeVisible();
    await ui.button('Discard changes').click();

    await ui.button('Delete').click();
    const confirm = ui.dialog('Delete "Secured"?');
    await confirm.getByRole('button', { name: 'Delete webhook' }).click();
    await expect(ui.sidebarItem('Secured')).toBeHidden();
    await expect(ui.sidebarItem('Taken')).toBeVisible();
    expect((await api.listWebhooks()).items.map((w) => w.name)).toEqual(['Taken']);
  });
});
