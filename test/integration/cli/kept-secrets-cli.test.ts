import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { runHookdesk } from './run-hookdesk';

const TYPED_SECRET = 'typed-in-clear-secret-0123456789';

function workspaceFile(secret: string): object {
  return {
    kind: 'hookdesk.workspace',
    version: 1,
    environments: {},
    connectors: [],
    webhooks: [{ name: 'orders-to-erp', url: 'http://127.0.0.1:9/erp', secret, auth: { type: 'bearer', token: secret } }],
  };
}

/** `hookdesk plan/apply --data-dir`: a file whose secrets are unset `${VAR}`s keeps the stored secrets and says so. */
describe('plan and apply keep stored secrets when the file\'s variables are not set (built CLI)', { timeout: 120_000 }, () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  let dataDir: string;
  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir.path, 'hookdesk.json');
    dataDir = join(dir.path, 'data');
  });
  afterEach(() => dir.remove());

  it('plan exits 0 saying "kept the stored secret", apply keeps them; with the variable set, the reference is written', async () => {
    await writeFile(file, JSON.stringify(workspaceFile(TYPED_SECRET)));
    expect((await runHookdesk(['apply', file, '--data-dir', dataDir])).code).toBe(0);

    await writeFile(file, JSON.stringify(workspaceFile('${ERP_SECRET}')));
    const planned = await runHookdesk(['plan', file, '--data-dir', dataDir]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('= webhook "orders-to-erp"  unchanged\n');
    expect(planned.stdout).toContain('      secret: kept the stored secret: ${ERP_SECRET} is not set\n');
    expect(planned.stdout).toContain('      auth.token: kept the stored secret: ${ERP_SECRET} is not set\n');
    expect(planned.stdout).not.toContain('Missing variables');

    const applied = await runHookdesk(['apply', file, '--data-dir', dataDir]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('1 unchanged.');
    const kept = await runHookdesk(['export', '--data-dir', dataDir, '--secrets', 'include']);
    const webhook = (JSON.parse(kept.stdout) as { webhooks: Array<{ secret: string; auth: { token: string } }> }).webhooks[0];
    expect(webhook?.secret).toBe(TYPED_SECRET);
    expect(webhook?.auth.token).toBe(TYPED_SECRET);

    // Set in the process environment: plan shows the update, apply stores the reference.
    const withVariable = await runHookdesk(['plan', file, '--data-dir', dataDir], { ERP_SECRET: 'from-the-environment' });
    expect(withVariable.code).toBe(2);
    expect(withVariable.stdout).toContain('~ webhook "orders-to-erp"  update: auth.token, secret\n');
    expect(withVariable.stdout).not.toContain('kept the stored secret');
    expect((await runHookdesk(['apply', file, '--data-dir', dataDir], { ERP_SECRET: 'from-the-environment' })).code).toBe(0);
    const stored = await runHookdesk(['export', '--data-dir', dataDir, '--secrets', 'include']);
    expect((JSON.parse(stored.stdout) as { webhooks: Array<{ secret: string }> }).webhooks[0]?.secret).toBe('${ERP_SECRET}');
  });
});
