import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { expect, test } from './fixtures';
import { horizontalOverflow } from './pages/layout-probes';
import { ReceiverCheckUi } from './pages/receiver-check-ui';

/**
 * A receiver as an integrator writes it: it verifies Standard Webhooks signatures with the official
 * library (raw bytes, timestamp tolerance, every signature in the header), but it is not idempotent:
 * a delivery whose webhook-id it has seen is answered 409 instead of 2xx. `idempotent` fixes that.
 */
class NotIdempotentReceiver {
  secret = '';
  idempotent = false;
  /** While set, every request waits for it before it is answered (the test sees the run in progress). */
  hold: Promise<void> | null = null;
  readonly seen = new Set<string>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<NotIdempotentReceiver> {
    let self: NotIdempotentReceiver | null = null;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => void (self!.hold ?? Promise.resolve()).then(() => {
        const answer = (status: number, body: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        const receiver = self!;
        try {
          new Webhook(receiver.secret).verify(Buffer.concat(chunks), req.headers as Record<string, string>);
        } catch (error) {
          answer(401, { error: (error as Error).message });
          return;
        }
        const id = String(req.headers['webhook-id']);
        if (receiver.seen.has(id) && !receiver.idempotent) {
          answer(409, { error: `event ${id} was already processed` });
          return;
        }
        receiver.seen.add(id);
        answer(200, { status: 'processed' });
      }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new NotIdempotentReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`);
    return self;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The Standard Webhooks battery, in the order it runs. */
const CASES = [
  'Valid signed delivery',
  'Tampered body',
  'Signed with another secret',
  'No signature header',
  'Replayed delivery (timestamp 1 h old)',
  'Same delivery twice',
  /^Burst of \d+ duplicates$/,
  'Out-of-order delivery',
  /^Concurrent burst of \d+$/,
  /^Large body \(\d+ KiB\)$/,
  'Unicode and big numbers',
  'Two signatures (secret rotation)',
] as const;
const FLAWED = ['Same delivery twice', 'Burst of'];

let receiver: NotIdempotentReceiver;
test.beforeEach(async () => {
  receiver = await NotIdempotentReceiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});

test('a check from the page flags exactly the flaw, explains it, and keeps the run in the history', async ({ page, engine }) => {
  test.setTimeout(120_000);
  await page.goto(engine.openUrl);
  const ui = new ReceiverCheckUi(page);
  await ui.open();

  // The integrator generates a secret on the page and puts it in the receiver.
  await ui.profile.selectOption('standard-webhooks');
  await expect(ui.profile.locator('option:checked')).toHaveText(/Standard Webhooks.*waits 15 s/);
  await expect(ui.secret).toHaveAttribute('type', 'password');
  await ui.form.getByRole('button', { name: 'Generate secret' }).click();
  await ui.form.getByRole('button', { name: 'Show secret' }).click();
  await expect(ui.secret).toHaveAttribute('type', 'text');
  const secret = await ui.secret.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  receiver.secret = secret;

  await ui.url.fill(receiver.url);
  // The receiver holds its first answer until the test has seen the run in progress, live.
  let release = (): void => undefined;
  receiver.hold = new Promise<void>((resolve) => (release = resolve));
  // Ctrl/Cmd+Enter from any field runs the check.
  await ui.url.press('ControlOrMeta+Enter');
  await expect(ui.status).toHaveText('Running: 0 of 12 cases done, now Valid signed delivery…');
  await expect(ui.progress).toHaveAttribute('value', '0');
  await expect(ui.progress).toHaveAttribute('max', '12');
  await expect(ui.runButton).toHaveText('Checking…');
  await expect(ui.runButton).toBeDisabled();
  await expect(ui.caseRow('Valid signed delivery').getByRole('cell').first()).toHaveText(/Pending$/);
  receiver.hold = null;
  release();
  await expect(ui.status).toHaveText(/^Done: 10 passed, 2 failed\.$/, { timeout: 60_000 });
  await expect(ui.progress).toHaveCount(0);
  await expect(ui.runButton).toHaveText('Run check');
  await expect(ui.runButton).toBeEnabled();

  // The scorecard: every case, its verdict in words; only the idempotency cases fail.
  const rows = ui.scorecard.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(CASES.length);
  for (const [i, name] of CASES.entries()) {
    const row = rows.nth(i);
    await expect(row.getByRole('rowheader')).toHaveText(name);
    const header = (await row.getByRole('rowheader').textContent()) ?? '';
    const flawed = FLAWED.some((f) => header.startsWith(f));
    await expect(row.getByRole('cell').first(), header).toHaveText(flawed ? /Fail$/ : /Pass$/);
    await expect(row.getByRole('cell').nth(1), `${header}: time`).toHaveText(/^\d+(\.\d)? m?s$/);
  }
  await expect(ui.summary('10 passed, 2 failed')).toBeVisible();

  // The failed case's details: what was sent, what came back, what to change.
  await ui.detailsButton('Same delivery twice').click();
  await expect(ui.detailsButton('Same delivery twice')).toHaveAttribute('aria-expanded', 'true');
  const sent = ui.sent('Same delivery twice');
  await expect(sent).toContainText(`POST ${receiver.url}`);
  await expect(sent).toContainText('2 requests');
  await expect(sent.getByRole('table', { name: 'Headers sent: Same delivery twice' }).getByRole('rowheader', { name: 'webhook-signature' })).toBeVisible();
  await expect(sent.getByLabel('Body sent: Same delivery twice')).toContainText('invoice.updated');
  const back = ui.cameBack('Same delivery twice');
  await expect(back).toContainText('HTTP 409');
  await expect(back.getByLabel('Body received: Same delivery twice')).toContainText('already processed');
  await expect(ui.scorecard.getByText(/What to change:.*treat a repeat of the webhook-id header as success/)).toBeVisible();
  // The secret went to the receiver only: nothing on the scorecard shows it.
  await expect(ui.scorecard).not.toContainText(secret.slice('whsec_'.length, 20));
  await ui.detailsButton('Same delivery twice').click();
  await expect(ui.sent('Same delivery twice')).toHaveCount(0);

  // The run is in the history.
  await expect(ui.history.getByRole('listitem')).toHaveCount(1);
  await expect(ui.history.getByRole('button')).toContainText(receiver.url);
  await expect(ui.history.getByRole('button')).toContainText('10 passed, 2 failed');

  // The integrator fixes the receiver and runs the check again with the button.
  receiver.idempotent = true;
  await ui.runButton.click();
  await expect(ui.status).toHaveText(/^Done: 12 passed\.$/, { timeout: 60_000 });
  await expect(ui.history.getByRole('listitem')).toHaveCount(2);
  await expect(ui.history.getByRole('button').first()).toContainText('12 passed');
  await expect(ui.history.getByRole('button').first()).toHaveAttribute('aria-current', 'true');

  // Picking the older run shows its scorecard again.
  await ui.history.getByRole('button').nth(1).click();
  await expect(ui.history.getByRole('button').nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(ui.caseRow('Same delivery twice').getByRole('cell').first()).toHaveText(/Fail$/);
  await expect(ui.summary('10 passed, 2 failed')).toBeVisible();

  // The history survives a reload (the engine keeps it), and the page comes back with the form filled in, the secret not.
  await page.reload();
  await ui.heading.waitFor();
  await expect(ui.history.getByRole('listitem')).toHaveCount(2);
  await expect(ui.url).toHaveValue(receiver.url);
  await expect(ui.secret).toHaveValue('');
});

test('the retry timeline follows the profile and the down time as they are typed, with nothing sent', async ({ page, engine }) => {
  await page.goto(engine.openUrl);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
  // Opened from the command palette this time.
  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('receiver check');
  await page.keyboard.press('Enter');
  const ui = new ReceiverCheckUi(page);
  await ui.heading.waitFor();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await ui.profile.selectOption('standard-webhooks');
  await ui.downFor.fill('10 min');
  await expect(ui.timeline.getByRole('listitem')).toHaveText([/at once.*Attempt 1 fails/, /after 5 s.*Attempt 2 fails/, /after 5 min 5 s.*Attempt 3 fails/, /after 10 min.*back up/, /after 35 min 5 s.*Attempt 4 gets through/]);

  await ui.downFor.fill('6 d');
  await expect(ui.timeline.getByRole('listitem').last()).toHaveText(/after 5 d.*disables the endpoint/);
  await expect(ui.timeline.getByRole('listitem').filter({ hasText: 'gives up on the event' })).toHaveCount(1);
  await expect(ui.timeline.getByRole('listitem').filter({ hasText: /Attempt \d+ fails/ })).toHaveCount(8);

  await ui.profile.selectOption('github');
  await expect(ui.timeline.getByRole('listitem')).toHaveText([/at once.*Attempt 1 fails/, /at once.*gives up/]);
  await expect(ui.form).toContainText('GitHub waits 10 s for an answer');

  await ui.downFor.fill('soon');
  await expect(ui.downFor).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.main.getByText('Fix “Down for” to see the retry timeline.')).toBeVisible();
  await expect(ui.timeline).toHaveCount(0);

  // Run check with nothing filled in says what is missing, by field, and sends nothing.
  await ui.url.fill('');
  await ui.runButton.click();
  await expect(ui.url).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.secret).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.downFor).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.status).toHaveText('The check was not started: fix the marked fields, then run it again.');
  expect(requests.filter((url) => url.includes('/receiver-checks'))).toEqual([]);
});

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}×${viewport.height} the page fits without sideways scrolling, details open`, async ({ page, engine }, testInfo) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await page.goto(engine.openUrl);
    const ui = new ReceiverCheckUi(page);
    await ui.open();
    await ui.form.getByRole('button', { name: 'Generate secret' }).click();
    receiver.secret = await ui.secret.inputValue();
    await ui.url.fill(receiver.url);
    await ui.downFor.fill('6 d');
    await ui.runAndWait();
    await ui.detailsButton('Same delivery twice').click();
    await ui.scorecard.getByRole('button', { name: /^Details: Large body/ }).click();
    const overflow = await horizontalOverflow(page);
    expect(overflow.document, 'the document scrolls sideways').toBeLessThanOrEqual(0);
    expect(overflow.panels, 'a panel scrolls sideways').toEqual([]);
    // For people to look at: the page from the top, scrolled to the details, in both themes.
    const panel = page.locator('#main-panel');
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      for (const [i, top] of [0, 600, 1200, 1800].entries()) {
        await panel.evaluate((el: { scrollTo(x: number, y: number): void }, y: number) => el.scrollTo(0, y), top);
        await page.screenshot({ path: testInfo.outputPath(`receiver-check-${viewport.width}-${colorScheme}-${i}.png`) });
      }
    }
  });
}
