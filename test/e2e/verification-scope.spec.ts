import { expect, test } from './fixtures';
import { ConnectorsUi, push } from './pages/connectors-ui';
import { githubSignature, RelayUi } from './pages/relay-ui';
import { Receiver } from './receiver';

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await Receiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});

const SECRET = 'scope-secret-for-the-browser';

test.describe('verification scope', () => {
  test('pushed events are not checked by default; "Forward only verified" keeps a failed capture from the local server and says why; "Both" checks pushes', async ({
    page,
    engine,
    request,
  }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await page.goto(engine.openUrl);
    const { apiKey, pushUrl, captureUrl } = await connectors.create('Scoped');

    // Verification on, with its defaults: capture URL requests only, and everything forwarded.
    await ui.configure({ forwardUrl: receiver.url, scheme: 'github', secret: SECRET });
    await expect(ui.field('Verify requests from')).toHaveValue('capture');
    await expect(ui.field('Verify requests from')).toHaveAccessibleDescription(/Push API events are already authenticated by the API key/);
    await expect(ui.forwardOnlyVerified).not.toBeChecked();

    // Unsigned pushes (authenticated by their key) show no red badge.
    expect((await push(request, pushUrl, apiKey, [{ type: 'order.paid', n: 1 }, { type: 'order.paid', n: 2 }, { type: 'order.paid', n: 3 }])).status()).toBe(200);
    await ui.view('Events').click();
    const rows = ui.eventLog('Scoped').getByRole('option');
    await expect(rows).toHaveCount(3);
    await expect(ui.eventLog('Scoped').getByText('Signature failed')).toHaveCount(0);
    await expect.poll(() => receiver.requests.length).toBe(1);

    // Forward only verified requests: an unsigned capture is stored, marked, and not sent on.
    await ui.configure({ forwardOnlyVerified: true });
    await expect(ui.forwardOnlyVerified).toBeChecked();
    await expect(ui.forwardOnlyVerified).toHaveAccessibleDescription(/not forwarded/);
    await request.post(captureUrl, { headers: { 'content-type': 'application/json' }, data: '{"type":"forged"}' });
    await ui.view('Events').click();
    const refused = ui.eventLog('Scoped').getByRole('option', { name: /Signature failed/ });
    await expect(refused).toHaveAccessibleName(/Not forwarded/);
    await expect(refused.getByText('Not forwarded')).toHaveAttribute('title', /^Not forwarded: signature failed/);
    await refused.click();
    await expect(ui.inspector.getByRole('region', { name: 'Forward' })).toContainText('Not forwarded: signature failed');

    // A signed capture goes through.
    const body = '{"type":"genuine","amount":12345678901234567890}';
    await request.post(captureUrl, { headers: { 'content-type': 'application/json', 'x-hub-signature-256': githubSignature(SECRET, body) }, data: body });
    const verified = ui.eventLog('Scoped').getByRole('option', { name: /Verified/ });
    await expect(verified).toHaveAccessibleName(/→ 200/);
    await expect.poll(() => receiver.requests.length).toBe(2);
    expect(receiver.requests[1]!.body).toBe(body);

    // Both: pushes are checked too, so an unsigned push now fails its check and is held back.
    await ui.configure({ verifyOn: 'Both' });
    await expect(ui.field('Verify requests from')).toHaveValue('both');
    expect((await push(request, pushUrl, apiKey, { type: 'order.refunded' })).status()).toBe(200);
    await ui.view('Events').click();
    await expect(ui.eventLog('Scoped').getByRole('option', { name: /Signature failed/ })).toHaveCount(2);
    expect(receiver.requests).toHaveLength(2);
  });
});
