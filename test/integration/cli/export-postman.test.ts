import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportPostmanCommand } from '../../../electron/cli/commands/export-postman-command';
import { tempDir } from '../../helpers/temp-dir';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { loadCollection } from '../../unit/shared/interop/postman-sandbox';

const SECRET = 'typed-in-clear-signing-secret-0123';

/** Runs the command in this process and keeps what it wrote to stderr. */
async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { code: await exportPostmanCommand(argv), stderr: lines.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('hookdesk export-postman', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let t: TestEngine;
  beforeEach(async () => {
    dir = await tempDir();
    t = await startTestEngine({}, { dataDir: join(dir.path, 'data') });
    await t.client.createWebhook({ name: 'orders', url: 'http://127.0.0.1:9/orders', secret: SECRET, auth: { type: 'basic', username: 'u', password: 'basic-password-0123' } });
  });
  afterEach(async () => {
    await t.stop();
    await dir.remove();
  });

  it('writes the collection of a data dir to --out, and lists the variables to set (the secrets are never written)', async () => {
    await t.stop();
    const out = join(dir.path, 'hookdesk.postman_collection.json');
    const { code, stderr } = await run(['--data-dir', join(dir.path, 'data'), '--out', out]);
    expect(code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('basic-password-0123');
    const { item } = loadCollection(JSON.parse(text) as unknown);
    expect(item('orders').request.url.toString()).toBe('{{base_url}}/orders');
    expect(stderr).toContain(`Wrote ${out}.`);
    expect(stderr).toMatch(/Set these collection variables[^\n]*\n {2}webhook_orders_password\n {2}webhook_orders_secret\n/);
  });

  it('reads a running engine with --url and --token, and gives the same requests', async () => {
    const out = join(dir.path, 'remote.json');
    const { code } = await run(['--url', t.url, '--token', t.token, '--out', out]);
    expect(code).toBe(0);
    const { item } = loadCollection(JSON.parse(await readFile(out, 'utf8')) as unknown);
    expect(item('orders').request.method).toBe('POST');
  });

  it('refuses a data dir with no workspace, and --data-dir with --url', async () => {
    await expect(run(['--data-dir', join(dir.path, 'nothing-here')])).rejects.toThrow(/No Hookdesk workspace in/);
    await expect(run(['--data-dir', dir.path, '--url', t.url, '--token', 'x'])).rejects.toThrow(/not both/);
  });
});
