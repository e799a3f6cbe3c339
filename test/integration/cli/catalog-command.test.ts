import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest } from '../inbound/inbound-helpers';
import { expectValidAsyncApi, expectValidOpenApi } from '../../unit/shared/interop/catalog-fixtures';
import { runHookdeskFromSource, type Finished } from './run-hookdesk';

/** The CLI from its sources, without a token in the environment. */
const runCli = (args: string[]): Promise<Finished> => runHookdeskFromSource(args, { HOOKDESK_TOKEN: '' });

const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtMTIzNDU2Nzg=';

// Every run is a fresh Node process (several seconds each on a busy machine).
describe('npm run hookdesk -- catalog', { timeout: 180_000 }, () => {
  let dir: { path: string; remove: () => Promise<void> };
  let t: TestEngine;

  beforeAll(async () => {
    dir = await tempDir();
    t = await startTestEngine({}, { dataDir: join(dir.path, 'data') });
    await t.client.createWebhook({ name: 'Orders', url: 'http://127.0.0.1:9/orders', events: [{ type: 'order.*' }], secret: SECRET, signature: 'standard-webhooks' });
    const shop = await createConnector(t.client, { name: 'Shop' });
    expect((await push(`${t.url}/api/1.0/webhook/push`, shop.apiKey, { type: 'order.created', id: 'o_1', amount: 10 })).status).toBe(200);
  });
  afterAll(async () => {
    await t.stop();
    await dir.remove();
  });

  it('says how to use it, and refuses an unknown --format and a data dir with no workspace', async () => {
    const help = await runCli(['catalog', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run hookdesk -- catalog --format openapi\|asyncapi/);
    const unknown = await runCli(['catalog', '--format', 'yaml', '--data-dir', join(dir.path, 'nowhere')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--format "yaml" is not a choice');
    const nowhere = await runCli(['catalog', '--format', 'openapi', '--data-dir', join(dir.path, 'nowhere')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('No Hookdesk workspace');
  });

  it('--url --token: writes the running engine\'s catalog, the same text the API answers', async () => {
    const out = join(dir.path, 'catalog.asyncapi.json');
    const run = await runCli(['catalog', '--format', 'asyncapi', '--out', out, '--url', t.url, '--token', t.token]);
    expect(run.stderr).toContain(`Wrote ${out}.`);
    expect(run.code).toBe(0);
    const text = await readFile(out, 'utf8');
    const api = await rawRequest(`${t.url}/api/v1/catalog/asyncapi`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(text).toBe(api.body.toString('utf8'));
    await expectValidAsyncApi(JSON.parse(text));
    expect(text).not.toContain(SECRET);
  });

  it('--data-dir: opens the workspace in this process and writes OpenAPI to stdout', async () => {
    await t.stop(); // no engine may serve a data dir the CLI opens
    const run = await runCli(['catalog', '--format', 'openapi', '--data-dir', t.dataDir]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { webhooks: Record<string, { post: { parameters: { name: string }[] } }> };
    await expectValidOpenApi(doc);
    expect(Object.keys(doc.webhooks)).toContain('order.created');
    expect(doc.webhooks['order.created']!.post.parameters.map((p) => p.name)).toContain('webhook-signature');
    expect(run.stdout).not.toContain(SECRET);
  });
});
