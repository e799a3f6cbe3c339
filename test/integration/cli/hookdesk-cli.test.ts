import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { runHookdesk, runHookdeskFromSource, startHookdeskServe } from './run-hookdesk';

const TOKEN = 'cli-test-token';
const PUSH_KEY = 'hdk_push_key_from_the_environment_0123456789';

/** A workspace file as a person would write or commit it: secrets are ${VAR} references. */
function workspaceFile(secret = '${ERP_SECRET}'): object {
  return {
    kind: 'hookdesk.workspace',
    version: 1,
    environments: {},
    connectors: [{ name: 'orders', apiKey: '${ORDERS_PUSH_KEY}' }],
    webhooks: [{ name: 'orders-to-erp', url: 'http://127.0.0.1:9/erp', secret }],
  };
}

const VARIABLES = { ORDERS_PUSH_KEY: PUSH_KEY, ERP_SECRET: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=' };

// Every step is a fresh Node process (about a second each even on an idle machine).
describe('npm run hookdesk (the built CLI)', { timeout: 120_000 }, () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  let dataDir: string;
  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir.path, 'workspace.hookdesk.json');
    dataDir = join(dir.path, 'data');
    await writeFile(file, JSON.stringify(workspaceFile(), null, 2));
  });
  afterEach(() => dir.remove());

  it('says how to use each command with --help, and refuses an unknown command', async () => {
    for (const command of ['export', 'plan', 'apply', 'serve']) {
      const help = await runHookdesk([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/^Usage: npm run (hookdesk -- )?\w+/);
    }
    const unknown = await runHookdesk(['deploy-everything']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"deploy-everything" is not a hookdesk command');
  });

  it('plan exits 2 with changes, apply applies, plan then exits 0; export writes the file to stdout', async () => {
    const planned = await runHookdesk(['plan', file, '--data-dir', dataDir], VARIABLES);
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain('+ connector "orders"');
    expect(planned.stdout).toContain('+ webhook "orders-to-erp"');
    expect(planned.stdout).toContain('2 to create.');

    const applied = await runHookdesk(['apply', file, '--data-dir', dataDir], VARIABLES);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('2 created.');

    const again = await runHookdesk(['plan', file, '--data-dir', dataDir], VARIABLES);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('2 unchanged.');

    const exported = await runHookdesk(['export', '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    const text = JSON.parse(exported.stdout) as { kind: string; connectors: { name: string }[]; webhooks: { name: string; secret: string }[] };
    expect(text.kind).toBe('hookdesk.workspace');
    expect(text.connectors.map((c) => c.name)).toEqual(['orders']);
    expect(text.webhooks[0]!.secret).toMatch(/^\$\{[A-Z0-9_]+\}$/); // a reference, never the secret
    expect(exported.stderr).toMatch(/Set these variables/);

    // --secrets include --out: a secret typed in clear comes out in clear, in a file only its owner can read, and it says so.
    await writeFile(file, JSON.stringify(workspaceFile('typed-in-clear-secret-0123456789'), null, 2));
    expect((await runHookdesk(['apply', file, '--data-dir', dataDir], VARIABLES)).code).toBe(0);
    const hidden = await runHookdesk(['export', '--data-dir', dataDir]);
    expect(hidden.stdout).not.toContain('typed-in-clear-secret');
    const out = join(dir.path, 'with-secrets.json');
    const included = await runHookdesk(['export', '--data-dir', dataDir, '--secrets', 'include', '--out', out]);
    expect(included.code).toBe(0);
    expect(included.stderr).toContain('readable by you only (0600)');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await readFile(out, 'utf8')).toContain('typed-in-clear-secret-0123456789');
  });

  it('plan exits 1 and names the problem for an invalid file, a missing file, and a data dir with no workspace', async () => {
    await writeFile(file, JSON.stringify({ kind: 'hookdesk.workspace', version: 7 }));
    const invalid = await runHookdesk(['plan', file, '--data-dir', dataDir]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('version');

    const missing = await runHookdesk(['plan', join(dir.path, 'nope.json'), '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');

    const noWorkspace = await runHookdesk(['export', '--data-dir', join(dir.path, 'empty')]);
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.stderr).toContain('No Hookdesk workspace in');
  });

  // From the sources (no build of out/ needed): the same entry out/main/hookdesk.js is built from.
  it('plan and apply --env NAME refuse (exit 1: for plan 2 means changes) an environment neither the data dir nor the file has, naming the ones that exist, and write nothing', async () => {
    const noEnvironments = `There are no environments yet: create one in the app (Edit environments), with PUT /api/v1/environments, or in the workspace file's "environments".`;
    for (const command of ['plan', 'apply']) {
      const fresh = await runHookdeskFromSource([command, file, '--data-dir', dataDir, '--env', 'prod'], VARIABLES);
      expect(fresh.code, command).toBe(1);
      expect(fresh.stderr).toBe(`--env prod: there is no environment named "prod" in ${dataDir} or ${file}. ${noEnvironments}\n`);
      expect(fresh.stdout).toBe('');
    }
    expect(await readdir(dir.path)).not.toContain('data'); // not even an empty workspace was made

    // The data dir holds "local" and "staging"; the file about to be applied defines "production".
    const stored = join(dir.path, 'environments.json');
    await writeFile(stored, JSON.stringify({ kind: 'hookdesk.workspace', version: 1, environments: { local: {}, staging: {} }, connectors: [], webhooks: [] }));
    expect((await runHookdeskFromSource(['apply', stored, '--data-dir', dataDir])).code).toBe(0);
    await writeFile(file, JSON.stringify({ ...workspaceFile(), environments: { production: { ERP_SECRET: 'whsec_cHJvZHVjdGlvbi1zZWNyZXQ=' } } }));
    const before = await readFile(join(dataDir, 'workspace.json'), 'utf8');
    for (const command of ['plan', 'apply']) {
      const typo = await runHookdeskFromSource([command, file, '--data-dir', dataDir, '--env', 'Staging'], VARIABLES);
      expect(typo.code, command).toBe(1);
      expect(typo.stderr).toBe(`--env Staging: there is no environment named "Staging" in ${dataDir} or ${file}. Environments: "local", "production", "staging".\n`);
      expect(typo.stdout).toBe('');
    }
    expect(await readFile(join(dataDir, 'workspace.json'), 'utf8')).toBe(before);
    expect(await readdir(dataDir)).not.toContain('engine.lock'); // the refused run let the data dir go

    // One the data dir has, and one only the file defines, are used as before.
    const planned = await runHookdeskFromSource(['plan', file, '--data-dir', dataDir, '--env', 'staging'], VARIABLES);
    expect(planned.stdout).toContain('+ webhook "orders-to-erp"');
    const applied = await runHookdeskFromSource(['apply', file, '--data-dir', dataDir, '--env', 'production'], { ORDERS_PUSH_KEY: PUSH_KEY });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('2 created.');
    expect(applied.stdout).not.toContain('Missing variables'); // ERP_SECRET came from the file's "production"
  });

  it('plan and apply reach a running engine with --url and --token', async () => {
    const serve = await startHookdeskServe(['--port', '0', '--data-dir', dataDir], { HOOKDESK_TOKEN: TOKEN, ...VARIABLES });
    try {
      const planned = await runHookdesk(['plan', file, '--url', serve.url, '--token', TOKEN], VARIABLES);
      expect(planned.code).toBe(2);
      expect((await runHookdesk(['apply', file, '--url', serve.url, '--token', TOKEN], VARIABLES)).code).toBe(0);
      expect((await runHookdesk(['plan', file, '--url', serve.url, '--token', TOKEN], VARIABLES)).code).toBe(0);
      const wrongToken = await runHookdesk(['plan', file, '--url', serve.url, '--token', 'nope']);
      expect(wrongToken.code).toBe(1);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('serve --config refuses to start with exit 2, listing every missing variable, and writes nothing', async () => {
    const refused = await runHookdesk(['serve', '--config', file, '--port', '0', '--data-dir', dataDir], { HOOKDESK_TOKEN: TOKEN });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('ORDERS_PUSH_KEY');
    expect(refused.stderr).toContain('ERP_SECRET');
    expect(refused.stdout).toBe('');
    const exported = await runHookdesk(['export', '--data-dir', dataDir]);
    expect((JSON.parse(exported.stdout) as { connectors: unknown[] }).connectors).toEqual([]);
  });

  it('serve --config with --ingest-port: push answers only on the ingest port, the API and UI only on the main one', async () => {
    const serve = await startHookdeskServe(['--config', file, '--port', '0', '--ingest-port', '0', '--data-dir', dataDir], { HOOKDESK_TOKEN: TOKEN, ...VARIABLES });
    try {
      expect(serve.lines[1]).toMatch(/^Hookdesk ingest: http:\/\/127\.0\.0\.1:\d+$/);
      const ingest = serve.ingestUrl!;
      const push = (base: string): Promise<Response> =>
        fetch(`${base}/api/1.0/webhook/push`, { method: 'POST', headers: { 'content-type': 'application/json', API_KEY: PUSH_KEY }, body: JSON.stringify({ type: 'order.paid' }) });

      // The key the file's variable set is the one that works, on the ingest listener only.
      expect((await push(ingest)).status).toBe(200);
      const onMain = await push(serve.url);
      expect(onMain.status).toBe(404);
      expect(((await onMain.json()) as { error: { message: string } }).error.message).toContain(ingest);

      // A public Host name reaches ingest (it faces the internet behind a proxy)...
      const viaProxy = await fetch(`${ingest}/api/1.0/webhook/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', API_KEY: PUSH_KEY, host: 'hooks.example.com' },
        body: '{"type":"x"}',
      });
      expect(viaProxy.status).toBe(200);

      // ...but the management API, health and the UI are not there.
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect((await fetch(`${ingest}/api/v1/connectors`, { headers: auth })).status).toBe(404);
      expect((await fetch(`${ingest}/healthz`)).status).toBe(404);
      expect((await fetch(`${ingest}/`)).status).toBe(404);
      const list = (await (await fetch(`${serve.url}/api/v1/connectors`, { headers: auth })).json()) as { items: { name: string; pushUrl: string }[] };
      expect(list.items.map((c) => c.name)).toEqual(['orders']);
      // The URLs a connector shows point at the ingest listener.
      expect(list.items[0]!.pushUrl).toBe(`${ingest}/api/1.0/webhook/push`);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('managed resources: PATCH, DELETE and reset-key answer 409 managed_by_config; --allow-edits allows them', async () => {
    const env = { HOOKDESK_TOKEN: TOKEN, ...VARIABLES };
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const serve = await startHookdeskServe(['--config', file, '--port', '0', '--data-dir', dataDir], env);
    let webhookId = '';
    try {
      const webhooks = (await (await fetch(`${serve.url}/api/v1/webhooks`, { headers: auth })).json()) as {
        items: { id: string; managed: boolean; managedReason: string | null }[];
      };
      const webhook = webhooks.items[0]!;
      webhookId = webhook.id;
      expect(webhook.managed).toBe(true);
      expect(webhook.managedReason).toContain(file);

      const patch = await fetch(`${serve.url}/api/v1/webhooks/${webhook.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ url: 'http://127.0.0.1:9/other' }) });
      expect(patch.status).toBe(409);
      const body = (await patch.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('managed_by_config');
      expect(body.error.message).toBe(`Webhook "orders-to-erp" is managed by the config file ${file}; change the file and apply it, or start with --allow-edits.`);
      expect((await fetch(`${serve.url}/api/v1/webhooks/${webhook.id}`, { method: 'DELETE', headers: auth })).status).toBe(409);

      const connector = ((await (await fetch(`${serve.url}/api/v1/connectors`, { headers: auth })).json()) as { items: { id: string }[] }).items[0]!;
      expect((await fetch(`${serve.url}/api/v1/connectors/${connector.id}/reset-key`, { method: 'POST', headers: auth })).status).toBe(409);
      expect((await fetch(`${serve.url}/api/v1/connectors/${connector.id}`, { method: 'PATCH', headers: auth, body: '{"retention":5}' })).status).toBe(409);
      // Still as the file says.
      expect(((await (await fetch(`${serve.url}/api/v1/webhooks/${webhook.id}`, { headers: auth })).json()) as { url: string }).url).toBe('http://127.0.0.1:9/erp');
    } finally {
      expect(await serve.stop()).toBe(0);
    }

    const editable = await startHookdeskServe(['--config', file, '--allow-edits', '--port', '0', '--data-dir', dataDir], env);
    try {
      const patch = await fetch(`${editable.url}/api/v1/webhooks/${webhookId}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ url: 'http://127.0.0.1:9/other' }) });
      expect(patch.status).toBe(200);
      expect(((await patch.json()) as { managedReason: string | null }).managedReason).toBeNull();
    } finally {
      expect(await editable.stop()).toBe(0);
    }
  });

  it('--no-ui serves no workspace: / says so in a sentence, the API still answers', async () => {
    const serve = await startHookdeskServe(['--no-ui', '--port', '0', '--data-dir', dataDir], { HOOKDESK_TOKEN: TOKEN });
    try {
      expect(serve.lines[0]).toContain('no UI');
      expect(serve.lines[0]).not.toContain(TOKEN); // a server's log is no place for the token
      const root = await fetch(`${serve.url}/`);
      expect(root.status).toBe(404);
      expect(await root.text()).toContain('started with --no-ui');
      expect((await fetch(`${serve.url}/index.html`)).status).toBe(404);
      expect((await fetch(`${serve.url}/api/v1/connectors`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});
