import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, test } from './fixtures';
import { ConnectorsUi } from './pages/connectors-ui';
import { githubSignature, RelayUi } from './pages/relay-ui';
import { Receiver } from './receiver';
import { horizontalOverflow } from './pages/layout-probes';

const SHOTS = process.env.HOOKDESK_SHOTS_DIR;
const SECRET = 'debugger-secret-for-the-browser';

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await Receiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});

test('a mis-signed capture: the inspector says why verification failed, and that the forward went byte for byte', async ({ page, engine, request }, testInfo) => {
  const connectors = new ConnectorsUi(page);
  const ui = new RelayUi(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(engine.openUrl);
  const { captureUrl } = await connectors.create('Debugged');
  await ui.configure({ forwardUrl: receiver.url, scheme: 'github', secret: SECRET });

  // The sender signed compact JSON; a proxy on the way pretty-printed it.
  const signed = JSON.stringify({ action: 'opened', pull_request: { number: 7, title: 'Café' } });
  const sent = JSON.stringify(JSON.parse(signed), null, 2);
  const signature = githubSignature(SECRET, signed);
  await request.post(captureUrl, { headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, data: sent });

  await ui.view('Events').click();
  const row = ui.eventLog('Debugged').getByRole('option', { name: /Signature failed/ });
  await expect(row).toHaveAccessibleName(/→ 200/);
  await row.click();

  const why = ui.inspector.getByRole('region', { name: 'Why did verification fail?' });
  await expect(why).toContainText('The sender signed the body as compact JSON (JSON.stringify of the parsed body), not the bytes that arrived');
  await expect(why).toContainText('What to do: Sign the exact bytes that are sent');
  const signatures = why.getByRole('definition');
  await expect(signatures.nth(0)).toHaveText(signature);
  await expect(signatures.nth(1)).toHaveText(githubSignature(SECRET, sent));
  await expect(signatures.nth(2)).toHaveText(`${SECRET.length} characters, no whsec_ prefix`);
  await expect(why).not.toContainText(SECRET);
  await expect(why.getByLabel('Signed content')).toHaveText(sent);

  // Relay fidelity: the forward sent the bytes received; the hop header is the one header added.
  const fidelity = ui.inspector.getByRole('group', { name: 'Forward fidelity' });
  await expect(fidelity).toContainText('Body forwarded byte for byte · header: 1 added');
  const digest = createHash('sha256').update(sent).digest('hex');
  await expect(fidelity.getByRole('definition').nth(0)).toContainText(digest);
  await expect(fidelity.getByRole('definition').nth(1)).toContainText(`${digest} (${Buffer.byteLength(sent)} bytes), the same`);
  await expect(fidelity.getByRole('list', { name: 'Header changes' })).toHaveText('Headers added: x-hookdesk-forwarded-by');
  await expect.poll(() => receiver.requests.length).toBe(1);
  expect(receiver.requests[0]!.body).toBe(sent);

  await expectNoSeriousA11yViolations(page, 'the signature debugger');
  await why.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('signature-debugger-1024x700.png') });
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'signature-debugger-1024x700.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(why).toBeVisible();
  const overflow = await horizontalOverflow(page);
  expect(overflow.document, 'the document scrolls sideways').toBeLessThanOrEqual(0);
  expect(overflow.panels, 'a panel scrolls sideways').toEqual([]);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'signature-debugger-1440x900.png') });
  await fidelity.scrollIntoViewIfNeeded();
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'relay-fidelity-1440x900.png') });
});
