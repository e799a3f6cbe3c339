import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Har } from 'har-format';
import { harProblems } from '../unit/shared/interop/har-validate';
import { expect, test } from './fixtures';
import { apiOf, ConnectorsUi } from './pages/connectors-ui';

const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x27, 0x0a]);

test.describe('events out and in', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Export on the event list downloads a HAR; Import… adds a file to another connector, marked Imported', async ({ page, engine, request }) => {
    const connectors = new ConnectorsUi(page);
    await page.goto(engine.openUrl);
    const { captureUrl } = await connectors.create('Shop');
    expect((await request.post(`${captureUrl}/orders?x=1`, { headers: { 'content-type': 'application/json' }, data: '{"type": "order.created"}' })).status()).toBe(200);
    expect((await request.post(`${captureUrl}/files`, { headers: { 'content-type': 'application/octet-stream' }, data: BINARY })).status()).toBe(200);
    await expect(connectors.eventLog('Shop').getByRole('option')).toHaveCount(2);

    const exports = page.getByRole('group', { name: 'Export and import events' });
    const download = page.waitForEvent('download');
    await exports.getByRole('button', { name: 'Export', exact: true }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Shop-events.har');
    const har = JSON.parse(await readFile(await saved.path(), 'utf8')) as Har;
    expect(await harProblems(har)).toEqual([]);
    expect(har.log.entries).toHaveLength(2);
    await expect(exports.getByRole('status')).toContainText('Exported 2 events');

    // Import that file into a second connector through the page.
    await connectors.create('Colleague');
    const colleague = page.getByRole('group', { name: 'Export and import events' });
    await colleague.getByLabel('File to import').setInputFiles({ name: 'shop.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(har)) });
    await expect(colleague.getByRole('status')).toHaveText(/^Imported 2 events\./);
    const rows = connectors.eventLog('Colleague').getByRole('option');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAccessibleName(/Imported/);
    await rows.first().click();
    await expect(connectors.inspector.getByText(/from a HAR file; it was evt_/)).toBeVisible();

    // The bytes came through: the binary body is the same as the original's.
    const api = apiOf(engine);
    const colleagueId = (await api.listConnectors()).items.find((c) => c.name === 'Colleague')!.id;
    const imported = (await api.listEvents({ connectorId: colleagueId })).items;
    expect(imported.map((e) => e.bodyBase64)).toContain(BINARY.toString('base64'));

    // A file that is not one is refused in words.
    await colleague.getByLabel('File to import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"log": 1}') });
    await expect(colleague.getByRole('status')).toContainText('Import failed: The file is not a HAR file');
  });

  test('Copy received request as curl sends the same bytes and headers again', async ({ page, engine, request }) => {
    const seen: Array<{ url: string; headers: IncomingHttpHeaders; body: Buffer }> = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const connectors = new ConnectorsUi(page);
      await page.goto(engine.openUrl);
      const { captureUrl } = await connectors.create('Binary');
      expect((await request.post(`${captureUrl}/up?y=2`, { headers: { 'content-type': 'application/octet-stream', 'x-sig': "a'b" }, data: BINARY })).status()).toBe(200);
      await connectors.eventLog('Binary').getByRole('option').first().click();
      await connectors.inspector.getByRole('button', { name: 'Copy received request as curl' }).click();
      const command = await page.evaluate<string>('navigator.clipboard.readText()');
      expect(command).toContain('--data-binary @-');
      // Sent to the local server instead of the capture URL: the same path, query, headers and bytes arrive.
      const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/x`;
      await new Promise<void>((resolve, reject) => execFile('bash', ['-c', command.replace(captureUrl, local)], (error) => (error ? reject(error) : resolve())));
      expect(seen).toHaveLength(1);
      expect(seen[0]!.url).toBe('/hooks/x/up?y=2');
      expect(seen[0]!.headers['x-sig']).toBe("a'b");
      expect(seen[0]!.body.equals(BINARY)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
