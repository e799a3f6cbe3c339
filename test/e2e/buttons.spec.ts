import { expect, test } from './fixtures';
import { apiOf, ConnectorsUi } from './pages/connectors-ui';
import { WebhooksUi } from './pages/webhooks-ui';
import { Receiver } from './receiver';

/** What each button does, as a new user finds out by pressing it. */

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await Receiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});

test.describe('webhook page buttons', () => {
  test('Send test sends the form as it is on screen and saves nothing', async ({ page, engine }) => {
    const api = apiOf(engine);
    const saved = await api.createWebhook({ name: 'Orders', url: receiver.url });
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Orders').click();

    // Another URL on the same receiver, typed but not saved.
    const draftUrl = receiver.url.replace('/hooks/in', '/draft');
    await ui.section('Target').getByLabel('URL', { exact: true }).fill(draftUrl);
    await ui.button('Send test').click();
    await expect(ui.inspector.getByLabel('Response status')).toHaveText('HTTP 200');
    await expect(ui.main.getByRole('status').filter({ hasText: 'Test sent with your unsaved changes' })).toContainText('Nothing was saved');
    expect(receiver.requests.map((r) => r.path)).toEqual(['/draft']);
    await expect(ui.main.getByRole('status').filter({ hasText: /^Unsaved changes$/ })).toBeVisible();
    expect(await api.getWebhook(saved.id)).toEqual(saved);

    // A dead URL: the test answers the failure; the webhook still points where it did.
    await ui.section('Target').getByLabel('URL', { exact: true }).fill('http://127.0.0.1:9/dead');
    await page.keyboard.press('Control+Enter');
    await expect(ui.inspector).toContainText('127.0.0.1:9');
    await expect(ui.inspector.getByLabel('Response status')).toHaveCount(0);
    expect((await api.getWebhook(saved.id)).url).toBe(receiver.url);
    expect(receiver.requests).toHaveLength(1);
  });

  test('a template that does not parse turns Save off with the reason, and Send test does not send it', async ({ page, engine }) => {
    const api = apiOf(engine);
    const saved = await api.createWebhook({ name: 'Templated', url: receiver.url, bodyTemplate: '{"ok": true}' });
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Templated').click();

    await ui.clearTemplate();
    await page.keyboard.type('{"note": {{#data}}}');
    await expect(ui.section('Payload').getByText(/Template error at line 1, column \d+: Unclosed section "data"/)).toBeVisible();
    const save = ui.button('Save');
    await expect(save).toBeDisabled();
    await expect(save).toHaveAccessibleDescription(/Save is off: the body template has an error at line 1, column \d+: Unclosed section "data"/);

    await page.keyboard.press('Control+Enter');
    await expect(ui.main.getByRole('status').filter({ hasText: 'The test was not sent' })).toBeVisible();
    expect(receiver.requests).toHaveLength(0);
    expect((await api.getWebhook(saved.id)).bodyTemplate).toBe('{"ok": true}');

    // Fixed, Save is back.
    await ui.clearTemplate();
    await page.keyboard.type('{"note": {{eventType}}}');
    await expect(save).toBeEnabled();
    await ui.save();
    expect((await api.getWebhook(saved.id)).bodyTemplate).toBe('{"note": {{eventType}}}');
  });

  test('Generate secret fits the signature scheme and the hint follows the field', async ({ page, engine }) => {
    await apiOf(engine).createWebhook({ name: 'Signed', url: receiver.url });
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('Signed').click();
    const signing = ui.section('Signing');
    const secret = signing.getByLabel('New secret', { exact: true });
    await expect(secret).toHaveAccessibleDescription(/No secret: requests go out unsigned/);

    await signing.getByRole('button', { name: 'Generate secret' }).click();
    const hmac = await secret.inputValue();
    expect(hmac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(secret).toHaveAccessibleDescription(/This new secret signs requests \(X-Hookdesk-Signature\) once you save/);

    await signing.getByLabel('Signature', { exact: true }).selectOption('standard-webhooks');
    await signing.getByRole('button', { name: 'Generate secret' }).click();
    expect(await secret.inputValue()).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await expect(secret).toHaveAccessibleDescription(/signs requests \(webhook-signature\)/);
  });

  test('the sample event type chosen on a webhook page is still there when the tab is reopened', async ({ page, engine }) => {
    const api = apiOf(engine);
    await api.createWebhook({ name: 'First', url: receiver.url });
    await api.createWebhook({ name: 'Second', url: receiver.url });
    const ui = new WebhooksUi(page);
    await page.goto(engine.openUrl);
    await ui.sidebarItem('First').click();
    const sampleType = ui.section('Payload').getByLabel('Sample event type', { exact: true });
    await sampleType.fill('invoice.paid');
    await expect(ui.previewBody).toContainText('"eventType":"invoice.paid"');

    await page.getByRole('button', { name: 'Close First tab' }).click();
    await ui.sidebarItem('Second').click();
    await expect(sampleType).toHaveValue('hookdesk.test');
    await ui.sidebarItem('First').click();
    await expect(sampleType).toHaveValue('invoice.paid');

    await page.reload();
    await ui.sidebarItem('First').click();
    await expect(sampleType).toHaveValue('invoice.paid');
  });
});

test.describe('connector page', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a new connector is waiting for its first event; push and capture URLs are always there to copy', async ({ page, engine, request }) => {
    const created = await apiOf(engine).createConnector({ name: 'Shop' });
    const ui = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    await expect(ui.sidebarItem('Shop')).toHaveAccessibleName(/^Shop, Waiting for its first event/);
    await ui.sidebarItem('Shop').click();
    const urls = page.getByRole('region', { name: 'Connector URLs' });
    await expect(urls.getByLabel('Push URL', { exact: true })).toHaveValue(created.pushUrl);
    await expect(urls.getByLabel('Capture URL', { exact: true })).toHaveValue(created.captureUrl);
    await expect(page.getByText('Waiting for its first event').first()).toBeVisible();
    await expect(page.getByLabel('curl command for the capture URL')).toContainText(created.captureUrl);

    await urls.getByRole('button', { name: 'Copy Capture URL' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(created.captureUrl);
    const captured = await request.post(`${await page.evaluate<string>('navigator.clipboard.readText()')}/orders`, { data: 'hello' });
    expect(captured.status()).toBe(200);
    await expect(ui.sidebarItem('Shop')).toHaveAccessibleName(/^Shop, Active/);

    // Still there after a reload: nothing depends on having seen the create dialog.
    await page.reload();
    await ui.sidebarItem('Shop').click();
    await expect(urls.getByLabel('Capture URL', { exact: true })).toHaveValue(created.captureUrl);
  });
});

test('Sign out shows the sign-in screen, keeps it after a reload, and the old cookie is refused', async ({ page, engine }) => {
  await page.goto(engine.openUrl);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
  const [cookie] = await page.context().cookies(engine.url);
  expect(cookie).toBeDefined();
  const withOldCookie = (): Promise<number> =>
    fetch(`${engine.url}/api/v1/connectors`, { headers: { cookie: `${cookie!.name}=${cookie!.value}` } }).then((r) => r.status);
  expect(await withOldCookie()).toBe(200);

  await page.getByRole('contentinfo').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Hookdesk' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Hookdesk' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toHaveCount(0);
  expect(await withOldCookie()).toBe(401);
});
