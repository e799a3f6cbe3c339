import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine } from '../../helpers/test-engine';
import { tempDir } from '../../helpers/temp-dir';
import { readJsonencode } from '../../unit/shared/interop/terraform-hcl-reader';
import { runHookdeskFromSource } from './run-hookdesk';

// HashiCorp's HCL parser (hcl2json): the written file must parse.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (name: string, text: string) => Promise<{ resource?: Record<string, Record<string, Array<Record<string, unknown>>>>; variable?: Record<string, Array<Record<string, unknown>>> }>;
};

const runCli = runHookdeskFromSource;

const SECRETS = {
  ORDERS_PUSH_KEY: 'hdk_push_key_from_the_environment_0123456789',
  STRIPE_SIGNING: 'whsec_stripe_signing_secret_in_clear',
  ERP_TOKEN: 'erp-bearer-token-in-clear',
};

const FILE = {
  kind: 'hookdesk.workspace',
  version: 1,
  connectors: [
    {
      name: 'orders',
      dataSource: 'Stripe',
      apiKey: '${ORDERS_PUSH_KEY}',
      verification: { scheme: 'stripe', secret: '${STRIPE_SIGNING}' },
      forwardTo: { url: 'http://127.0.0.1:9/dev' },
    },
  ],
  webhooks: [
    {
      name: 'orders to ERP',
      url: 'http://127.0.0.1:9/erp',
      auth: { type: 'bearer', token: '${ERP_TOKEN}' },
      events: [{ type: 'charge.*' }],
      bodyTemplate: '{"charge": {{data.data.object.id}}}',
    },
  ],
};

// Each step is a fresh Node process running the CLI from source (several seconds each on a busy machine).
describe('hookdesk export terraform-hookdeck', { timeout: 240_000 }, () => {
  let dir: { path: string; remove: () => Promise<void> };
  let dataDir: string;
  beforeAll(async () => {
    dir = await tempDir();
    dataDir = join(dir.path, 'data');
    const file = join(dir.path, 'workspace.hookdesk.json');
    await writeFile(file, JSON.stringify(FILE));
    const applied = await runCli(['apply', file, '--data-dir', dataDir], SECRETS);
    expect(applied.code, applied.stderr).toBe(0);
  }, 240_000);
  afterAll(() => dir.remove());

  it('writes main.tf from a data dir: resources and references parse, secrets are variables, what does not map is listed', async () => {
    const out = join(dir.path, 'main.tf');
    const run = await runCli(['export', 'terraform-hookdeck', '--data-dir', dataDir, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const text = await readFile(out, 'utf8');
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const parsed = await parse('main.tf', text);
    expect(parsed.resource?.hookdeck_source?.orders?.[0]).toMatchObject({ name: 'orders', type: 'STRIPE' });
    expect(readJsonencode(parsed.resource?.hookdeck_source?.orders?.[0]?.config)).toEqual({ auth: { webhook_secret_key: { var: 'STRIPE_SIGNING' } } });
    expect(parsed.resource?.hookdeck_connection?.orders_to_orders_to_erp?.[0]).toMatchObject({
      source_id: '${hookdeck_source.orders.id}',
      destination_id: '${hookdeck_destination.orders_to_erp.id}',
    });
    expect(parsed.resource?.hookdeck_connection?.orders_forward?.[0]).toMatchObject({ destination_id: '${hookdeck_destination.orders_forward.id}' });
    expect(Object.keys(parsed.resource?.hookdeck_transformation ?? {})).toEqual(['orders_to_erp']);
    expect(parsed.variable?.STRIPE_SIGNING?.[0]).toMatchObject({ sensitive: true });
    expect(parsed.variable?.ERP_TOKEN?.[0]).toMatchObject({ sensitive: true });
    expect(run.stderr).toContain(`Wrote ${out}.`);
    expect(run.stderr).toMatch(/Not mapped to Hookdeck \(\d+; each is a comment beside its resource\):/);
    expect(run.stderr).toContain('connector "orders": the push API key');
    expect(run.stderr).toContain('  STRIPE_SIGNING (sensitive)');
    expect(run.stderr).toContain('  ERP_TOKEN (sensitive)');

    // Plain export is still the workspace file.
    const plain = await runCli(['export', '--data-dir', dataDir]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ kind: 'hookdesk.workspace', connectors: [{ name: 'orders' }] });

    // A running engine over --url gives the same file.
    const engine = await startTestEngine({}, { dataDir });
    try {
      const remote = await runCli(['export', 'terraform-hookdeck', '--url', engine.url, '--token', engine.token]);
      expect(remote.code, remote.stderr).toBe(0);
      expect(remote.stdout).toBe(text);
    } finally {
      await engine.stop();
    }
  });

  it('has its own usage, refuses unknown formats and a data dir without a workspace', async () => {
    const help = await runCli(['export', 'terraform-hookdeck', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run hookdesk -- export terraform-hookdeck/);
    const unknown = await runCli(['export', 'cloudformation', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"export cloudformation" is not a format');
    const empty = await runCli(['export', 'terraform-hookdeck', '--data-dir', join(dir.path, 'nothing-here')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('No Hookdesk workspace in');
  });
});
