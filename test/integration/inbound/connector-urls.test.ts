import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest } from './inbound-helpers';

describe('push and capture URLs are always on the connector; the API key is shown once', () => {
  let t: TestEngine;
  afterEach(() => t.dispose());

  it('get and list answer the capture URL shown at create, which works, also after a restart; reset shows the new one', async () => {
    t = await startTestEngine();
    const created = await createConnector(t.client, { name: 'Shop' });
    const read = await t.client.getConnector(created.id);
    expect(read).toMatchObject({ pushUrl: `${t.url}/api/1.0/webhook/push`, captureUrl: created.captureUrl });
    expect(JSON.stringify(await t.client.listConnectors())).not.toContain(created.apiKey);
    expect((await t.client.listConnectors()).items[0]?.captureUrl).toBe(created.captureUrl);
    expect((await rawRequest(`${read.captureUrl}/orders`, { method: 'POST', body: 'x' })).status).toBe(200);

    t = await t.restart();
    const after = await t.client.getConnector(created.id);
    expect(after.captureUrl?.split('/hooks/')[1]).toBe(created.captureUrl.split('/hooks/')[1]);
    expect((await rawRequest(after.captureUrl ?? '', { method: 'POST', body: 'y' })).status).toBe(200);

    const reset = await t.client.resetConnectorKey(created.id);
    expect((await t.client.getConnector(created.id)).captureUrl).toBe(reset.captureUrl);
    expect((await rawRequest(after.captureUrl ?? '', { method: 'POST', body: 'z' })).status).toBe(404);
    expect((await push(reset.pushUrl, reset.apiKey, { event_type: 'a' })).status).toBe(200);
  });

  it('a connector from before capture tokens were kept answers captureUrl null (its URL still works) until its key is reset', async () => {
    t = await startTestEngine();
    const created = await createConnector(t.client, { name: 'Old' });
    await t.stop();
    // What an older version wrote: only the hash of the capture token.
    const file = join(t.dataDir, 'workspace.json');
    const data = JSON.parse(await readFile(file, 'utf8')) as { connectors: Record<string, unknown>[] };
    for (const connector of data.connectors) delete connector.captureToken;
    await writeFile(file, JSON.stringify(data), { mode: 0o600 });

    t = await t.restart();
    expect(await t.client.getConnector(created.id)).toMatchObject({ captureUrl: null, pushUrl: `${t.url}/api/1.0/webhook/push` });
    const token = created.captureUrl.split('/hooks/')[1];
    expect((await rawRequest(`${t.url}/hooks/${token}`, { method: 'POST', body: 'x' })).status).toBe(200);
    const reset = await t.client.resetConnectorKey(created.id);
    expect((await t.client.getConnector(created.id)).captureUrl).toBe(reset.captureUrl);
  });
});
