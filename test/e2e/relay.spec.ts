import { createHmac } from 'node:crypto';
import { expect, test } from './fixtures';
import { apiOf, ConnectorsUi } from './pages/connectors-ui';
import { githubSignature, RelayUi } from './pages/relay-ui';
import { Receiver } from './receiver';

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await Receiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});

const SECRET = 'It is a secret to everybody';

test.describe('relay', () => {
  test('verifies a signed capture, forwards it to localhost, replays it edited and shows the diff; a tampered one fails with its reason', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('GitHub relay');

    // Forward and verification settings on the connector page; the secret is masked once saved.
    await ui.configure({ forwardUrl: receiver.url, scheme: 'github', secret: SECRET });
    await expect(ui.field('Secret')).toHaveValue('');
    await expect(ui.settingsGroup('Signature verification')).toContainText('A secret is stored (••••');
    await expect(page.getByText(`Forward: ${receiver.url}`)).toBeVisible();

    // A signed request, as GitHub would send it.
    const body = JSON.stringify({ ref: 'refs/heads/main', commits: [{ id: 'a1b2c3', message: 'Fix the relay' }] });
    const sent = await request.post(captureUrl, {
      headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': githubSignature(SECRET, body) },
      data: body,
    });
    expect(sent.status()).toBe(200);

    await ui.view('Events').click();
    const row = ui.eventLog('GitHub relay').getByRole('option').first();
    await expect(row).toHaveAccessibleName(/Verified/);
    await expect(row).toHaveAccessibleName(/→ 200/);
    // The local server got the very bytes that were signed, signature header included.
    await expect.poll(() => receiver.requests.length).toBe(1);
    expect(receiver.requests[0]!.body).toBe(body);
    expect(receiver.requests[0]!.headers['x-hub-signature-256']).toBe(githubSignature(SECRET, body));

    // The inspector: verified, and the forward's request and answer beside the event.
    await row.click();
    await expect(ui.inspector.getByRole('region', { name: 'Signature verification' })).toContainText('Verified');
    const forward = ui.inspector.getByRole('region', { name: 'Forward' });
    await expect(forward.getByLabel('Response status')).toHaveText('HTTP 200');
    await expect(forward.getByLabel('Response body')).toContainText('"received": true');

    // Replay to the forward target after an edit; the target now fails.
    await ui.inspector.getByRole('button', { name: 'Replay…' }).click();
    await expect(ui.replayDialog.getByRole('radio', { name: /The forward target/ })).toBeChecked();
    await expect(ui.replayDialog.getByRole('group', { name: 'Replay body' })).toContainText('Fix the relay');
    const edited = '{"ref": "refs/heads/main", "edited": true}';
    await ui.editReplayBody(edited);
    await expect(ui.replayDialog.getByText('Edited: the body is sent as shown.')).toBeVisible();
    receiver.status = 500;
    receiver.answer = { error: 'boom', received: false };
    await page.keyboard.press('ControlOrMeta+Enter');

    // Both answers, the one-line summary and the side-by-side diff.
    const summary = ui.replayDialog.getByRole('status', { name: 'Diff summary' });
    await expect(summary).toHaveText(/^Status 200 → 500 · \d+ lines? changed$/);
    await expect(ui.replayDialog.getByRole('region', { name: 'Previous answer' })).toContainText('HTTP 200');
    await expect(ui.replayDialog.getByRole('region', { name: 'This answer' })).toContainText('HTTP 500');
    const diff = ui.replayDialog.getByRole('group', { name: 'Response body diff' });
    await expect(diff).toContainText('"boom"');
    await expect(diff).toContainText('"ok"');
    await expect(ui.replayDialog.getByText(/the target answered HTTP 500/)).toBeVisible();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.body).toBe(edited);

    // The replay is kept with the event and opens again from the inspector.
    await ui.replayDialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(ui.replayDialog).toBeHidden();
    const history = ui.inspector.getByRole('list', { name: 'Replays' });
    await history.getByRole('button', { name: /HTTP 500, edited/ }).click();
    const record = page.getByRole('dialog', { name: /^Replay at / });
    await expect(record.getByRole('status', { name: 'Diff summary' })).toContainText('500');
    await page.keyboard.press('Escape');
    await expect(record).toBeHidden();

    // A request whose body changed after signing is kept, marked failed, and says why.
    receiver.status = 200;
    const tampered = body.replace('Fix the relay', 'Fix the relay (tampered)');
    await request.post(captureUrl, {
      headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': githubSignature(SECRET, body) },
      data: tampered,
    });
    const failedRow = ui.eventLog('GitHub relay').getByRole('option', { name: /Signature failed/ });
    await expect(failedRow).toBeVisible();
    await expect(failedRow.getByText('Signature failed')).toHaveAttribute('title', /does not match/);
    await failedRow.click();
    await expect(ui.inspector.getByRole('region', { name: 'Signature verification' })).toContainText(/Signature failed.*does not match/s);
  });

  test('a forward to a target that is down fails visibly; Retry forward sends it again and the badge follows live; replay to a typed URL', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    const down = await Receiver.start();
    await down.stop();
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('Flaky');
    await ui.configure({ forwardUrl: down.url });
    await request.post(`${captureUrl}/orders?x=1`, { headers: { 'content-type': 'application/json' }, data: '{"id": 7}' });

    await ui.view('Events').click();
    const row = ui.eventLog('Flaky').getByRole('option').first();
    await expect(row).toHaveAccessibleName(/Forward failed/);
    await row.click();
    const forward = ui.inspector.getByRole('region', { name: 'Forward' });
    await expect(forward.getByRole('note', { name: 'Error' })).toBeVisible();
    await expect(forward).toContainText('No response');

    // The target is up now: Retry forward sends the same request again, and the row follows.
    await ui.configure({ forwardUrl: receiver.url });
    await ui.view('Events').click();
    await row.click();
    await ui.inspector.getByRole('button', { name: 'Retry forward' }).click();
    await expect(ui.inspector.getByRole('status').filter({ hasText: 'Forwarded again: HTTP 200.' })).toBeVisible();
    await expect(row).toHaveAccessibleName(/→ 200/);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.path).toBe('/hooks/in/orders?x=1');
    expect(receiver.requests[0]!.body).toBe('{"id": 7}');

    // Replay to a URL typed in: checked before sending, then sent as it was.
    await ui.inspector.getByRole('button', { name: 'Replay…' }).click();
    await ui.replayDialog.getByRole('radio', { name: 'A URL' }).check();
    await ui.replayDialog.getByLabel('Target URL').fill('localhost:3000');
    await ui.replayDialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(ui.replayDialog.getByLabel('Target URL')).toHaveAccessibleDescription(/must be an http or https URL/);
    await expect(ui.replayDialog.getByRole('alert')).toContainText('fix the marked fields');
    await ui.replayDialog.getByLabel('Target URL').fill(receiver.url.replace('/hooks/in', '/elsewhere'));
    await ui.replayDialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(ui.replayDialog.getByRole('status', { name: 'Diff summary' })).toHaveText('Status 200 · no earlier answer from this target to compare with');
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.body).toBe('{"id": 7}');
  });

  test('a binary body cannot be edited and is replayed exactly as it was received', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('Bytes');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x0d, 0x0a]);
    await request.post(captureUrl, { headers: { 'content-type': 'application/octet-stream' }, data: bytes });
    await ui.eventLog('Bytes').getByRole('option').first().click();
    await ui.inspector.getByRole('button', { name: 'Replay…' }).click();
    await expect(ui.replayDialog.getByText('This body is binary (9 B): it cannot be edited here')).toBeVisible();
    await expect(ui.replayBody).toHaveCount(0);
    await ui.replayDialog.getByRole('radio', { name: 'A URL' }).check();
    await ui.replayDialog.getByLabel('Target URL').fill(receiver.url);
    await ui.replayDialog.getByLabel('Target URL').press('ControlOrMeta+Enter');
    // Known issue (see the session note): in the browser this replay's answer takes about 10 s to
    // arrive (the same request through the API takes ~100 ms), which sits on the default 10 s limit.
    await expect(ui.replayDialog.getByRole('status', { name: 'Diff summary' })).toContainText('Status 200', { timeout: 30_000 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.headers['content-length']).toBe('9');
    expect(receiver.requests[0]!.body).toBe(bytes.toString('utf8'));
  });

  test('replays an event to a webhook chosen by name', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await apiOf(engine).createWebhook({ name: 'Local service', url: receiver.url, events: [{ type: 'nothing.matches' }] });
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('To webhook');
    await request.post(captureUrl, { headers: { 'content-type': 'application/json' }, data: '{"type": "invoice.paid", "amount": 5}' });
    await ui.eventLog('To webhook').getByRole('option').first().click();
    await ui.inspector.getByRole('button', { name: 'Replay…' }).click();
    // No forward target on this connector: that choice is off and says where to set one.
    await expect(ui.replayDialog.getByRole('radio', { name: /The forward target \(none set/ })).toBeDisabled();
    await expect(ui.replayDialog.getByRole('radio', { name: 'A webhook' })).toBeChecked();
    await expect(ui.replayDialog.getByLabel('Webhook', { exact: true })).toHaveValue(/.+/);
    await expect(ui.replayDialog.getByLabel('Webhook', { exact: true }).getByRole('option', { selected: true })).toHaveText(/^Local service/);
    await ui.replayDialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(ui.replayDialog.getByRole('status', { name: 'Diff summary' })).toContainText('Status 200');
    await expect.poll(() => receiver.requests.length).toBe(1);
    expect(receiver.requests[0]!.headers['x-hookdesk-event']).toBe('invoice.paid');
    await page.keyboard.press('Escape');
    await expect(ui.inspector.getByRole('list', { name: 'Replays' })).toContainText('webhook Local service: HTTP 200');
  });

  test('checks relay settings inline, keeps the stored secret when only the tolerance changes, and switches verification off', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('Custom sender');
    await ui.view('Relay settings').click();

    // Inline errors from the shared schema, next to their fields, before anything is sent.
    await ui.field('Forward to URL').fill('ftp://127.0.0.1/x');
    await expect(ui.settingsGroup('Forward').getByText('must be an http or https URL')).toBeVisible();
    await ui.field('Forward to URL').fill(receiver.url);
    await ui.field('Scheme').selectOption('hmac');
    await ui.field('Signed payload').fill('{timestamp}.{body}');
    await ui.settings.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(ui.settings.getByRole('alert')).toContainText('see the marked fields');
    await expect(ui.field('Secret')).toHaveAccessibleDescription(/must not be empty/);
    await expect(ui.field('Timestamp header')).toHaveAccessibleDescription(/is required when the signed payload uses \{timestamp\}/);

    await ui.field('Secret').fill('k3y');
    await ui.field('Signature header').fill('X-Sig');
    await ui.field('Prefix').fill('sha256=');
    await ui.field('Timestamp header').fill('X-Ts');
    await ui.field('Tolerance (seconds)').fill('60');
    await ui.save();

    // Change only the tolerance: the masked secret goes back and the stored one is kept.
    await ui.field('Tolerance (seconds)').fill('120');
    await ui.save();
    await expect(ui.field('Tolerance (seconds)')).toHaveValue('120');
    const body = '{"hello":"world"}';
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', 'k3y').update(`${ts}.${body}`).digest('hex')}`;
    await request.post(captureUrl, { headers: { 'content-type': 'application/json', 'x-sig': signature, 'x-ts': ts }, data: body });
    await ui.view('Events').click();
    await expect(ui.eventLog('Custom sender').getByRole('option').first()).toHaveAccessibleName(/Verified/);

    // Off: no badge on new events.
    await ui.view('Relay settings').click();
    await ui.field('Scheme').selectOption('');
    await ui.field('Forward to URL').fill('');
    await ui.save();
    await expect(page.getByText('Signatures: not checked')).toBeVisible();
  });

  test('browses the inferred schema of each event type by keyboard', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('Shapes');
    for (const body of [{ type: 'order.created', id: 1, total: 9.5 }, { type: 'order.created', id: 2, total: 3, note: 'gift' }, { type: 'user.deleted', user: 'u1' }]) {
      await request.post(captureUrl, { headers: { 'content-type': 'application/json' }, data: JSON.stringify(body) });
    }
    await expect(ui.eventLog('Shapes').getByRole('option')).toHaveCount(3);

    // The second order.created brought a field the first lacked: its shape drifted.
    const drifted = ui.eventLog('Shapes').getByRole('option', { name: /order\.created.*Shape changed/ });
    await expect(drifted).toHaveCount(1);
    await drifted.click();
    await expect(ui.inspector.getByRole('region', { name: 'Shape changed' })).toContainText(/added\s*\$\.note/);
    await ui.view('Schemas').click();
    const types = page.getByRole('listbox', { name: 'Event types' });
    await expect(types.getByRole('option', { name: /order\.created.*2 events/ })).toBeVisible();
    await expect(types.getByRole('option', { name: /user\.deleted.*1 event/ })).toBeVisible();
    await types.focus();
    await page.keyboard.press('Home');
    const first = types.getByRole('option', { selected: true });
    const firstName = (await first.textContent()) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect(types.getByRole('option', { selected: true })).not.toHaveText(firstName);
    const selectedType = /^(order\.created|user\.deleted)/.exec((await types.getByRole('option', { selected: true }).textContent()) ?? '')?.[1] ?? '';
    const schema = page.getByRole('group', { name: `JSON Schema of ${selectedType}` });
    await expect(schema).toContainText('"properties"');
    await expect(schema).toContainText(selectedType === 'order.created' ? '"total"' : '"user"');
  });
});
