import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { ConnectorsUi } from './pages/connectors-ui';
import { RelayUi } from './pages/relay-ui';

/** A local server that answers every request with the bytes it received, as a binary file. */
async function startEcho(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`, server };
}

/** 4,357 bytes that are not UTF-8, starting like a PNG. */
function binaryBody(): Buffer {
  const bytes = Buffer.alloc(4357);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  for (let i = 8; i < bytes.length; i += 1) bytes[i] = (i * 131 + 7) % 256;
  return bytes;
}

let echo: { url: string; server: Server };
test.beforeEach(async () => {
  echo = await startEcho();
});
test.afterEach(async () => {
  echo.server.closeAllConnections();
  await new Promise<void>((resolve) => echo.server.close(() => resolve()));
});

test.describe('binary bodies', () => {
  test('a binary forward answer shows as "Binary, N bytes" with a hex dump and downloads byte for byte', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('Binary files');
    await ui.configure({ forwardUrl: echo.url });
    const bytes = binaryBody();
    expect((await request.post(captureUrl, { headers: { 'content-type': 'application/octet-stream' }, data: bytes })).status()).toBe(200);

    await ui.view('Events').click();
    const row = ui.eventLog('Binary files').getByRole('option').first();
    await expect(row).toHaveAccessibleName(/→ 200/);
    await row.click();
    const forward = ui.inspector.getByRole('region', { name: 'Forward' });
    for (const which of ['Request body', 'Response body']) {
      await expect(forward.getByLabel(`${which} size`)).toHaveText('Binary, 4,357 bytes');
      const dump = forward.getByLabel(which, { exact: true });
      await expect(dump).toContainText('00000000  89 50 4e 47 0d 0a 1a 0a');
      await expect(dump).not.toContainText('\uFFFD');
      await expect(forward.getByRole('button', { name: `Copy ${which.toLowerCase()} as base64` })).toBeVisible();
    }
    await expect(forward.getByText('The first 4.0 KiB of 4.3 KiB are shown')).toHaveCount(2);

    const download = page.waitForEvent('download');
    await forward.getByRole('link', { name: 'Download response body' }).click();
    const file = await (await download).path();
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  test('a gzip capture shows its decoded body under Pretty and says what Raw holds', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    const ui = new RelayUi(page);
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('Compressed');
    const compressed = gzipSync(Buffer.from(JSON.stringify({ type: 'order.created', order: { id: 42 } })));
    const sent = await request.post(captureUrl, { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, data: compressed });
    expect(sent.status()).toBe(200);
    await ui.eventLog('Compressed').getByRole('option').first().click();
    await expect(ui.inspector.getByRole('note', { name: 'Content encoding' })).toHaveText(
      `Sent with Content-Encoding: gzip. Pretty shows the body decoded; Raw shows the ${compressed.length} bytes as received.`,
    );
    await expect(ui.inspector.getByRole('group', { name: 'Event body' })).toContainText('order.created');
  });
});
