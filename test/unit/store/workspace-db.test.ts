import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError, StoreTooNewError } from '../../../electron/engine/store/store-errors';
import { CURRENT_SCHEMA_VERSION, type StoredWebhookConfig } from '../../../electron/engine/store/workspace-data';
import { WorkspaceDb } from '../../../electron/engine/store/workspace-db';
import { tempDir } from '../../helpers/temp-dir';

/** The store treats webhooks as opaque records: a stand-in object is enough here. */
const fakeWebhook = (value: object): StoredWebhookConfig => value as unknown as StoredWebhookConfig;

describe('WorkspaceDb', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  const logs: string[] = [];
  const open = (recover = false) => WorkspaceDb.open(file, { recover, nowMs: Date.UTC(2026, 0, 2), log: (l) => logs.push(l) });

  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir.path, 'workspace.json');
    logs.length = 0;
  });
  afterEach(() => dir.remove());

  it('creates a versioned file, owner-only, and keeps committed changes across reopen', async () => {
    const db = await open();
    db.data.webhooks.push(fakeWebhook({ id: 'whk_1' }));
    await db.commit();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = await open();
    expect(again.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(again.data.webhooks).toEqual([{ id: 'whk_1' }]);
  });

  it('leaves no temp files behind after many concurrent commits', async () => {
    const db = await open();
    await Promise.all(Array.from({ length: 50 }, (_, i) => (db.data.webhooks.push(fakeWebhook({ i })), db.commit())));
    expect((await readdir(dir.path)).sort()).toEqual(['workspace.json']);
    expect(JSON.parse(await readFile(file, 'utf8')).webhooks).toHaveLength(50);
  });

  for (const [what, content] of [
    ['truncated', '{"schemaVersion": 1, "connectors": ['],
    ['empty', ''],
    ['whitespace only', '   \n'],
    ['not an object', '[1, 2]'],
  ] as const) {
    it(`refuses a ${what} file, names it, and does not touch it`, async () => {
      await writeFile(file, content);
      const error = await open().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreCorruptError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toContain('--recover');
      expect(await readFile(file, 'utf8')).toBe(content);
    });
  }

  it('with recover, moves the unreadable file aside and starts empty', async () => {
    await writeFile(file, '{oops');
    const db = await open(true);
    expect(db.data.connectors).toEqual([]);
    const names = await readdir(dir.path);
    const aside = names.find((n) => n.startsWith('workspace.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir.path, aside!), 'utf8')).toBe('{oops');
    expect(logs.join('\n')).toContain(aside!);
  });

  it('migrates a file written before the schema carried a version', async () => {
    await writeFile(file, JSON.stringify({ connectors: [] }));
    const db = await open();
    expect(db.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.data.webhooks).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('migrates a version 1 file: connectors gain verification off, everything else kept', async () => {
    const connector = { id: 'con_1', name: 'Billing', dataSource: null, forwardTo: { url: 'http://localhost:3000/in' }, retention: 10 };
    await writeFile(file, JSON.stringify({ schemaVersion: 1, connectors: [connector], webhooks: [{ id: 'whk_1' }] }));
    const db = await open();
    expect(db.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.data.connectors).toEqual([{ ...connector, verification: null }]);
    expect(db.data.webhooks).toEqual([{ id: 'whk_1' }]);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number; connectors: unknown[] };
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(onDisk.connectors).toEqual([{ ...connector, verification: null }]);
  });

  it('migrates a version 2 file: a verifying connector checks capture requests only and forwards everything, as before', async () => {
    const verifying = { id: 'con_1', name: 'Stripe', verification: { scheme: 'stripe', secret: 'whsec_x', toleranceSeconds: 600 } };
    const plain = { id: 'con_2', name: 'Plain', verification: null };
    await writeFile(file, JSON.stringify({ schemaVersion: 2, connectors: [verifying, plain], webhooks: [] }));
    const db = await open();
    expect(db.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const expected = [{ ...verifying, verification: { ...verifying.verification, verifyOn: 'capture', forwardOnlyVerified: false } }, plain];
    expect(db.data.connectors).toEqual(expected);
    expect((JSON.parse(await readFile(file, 'utf8')) as { connectors: unknown[] }).connectors).toEqual(expected);
  });

  it('refuses a file from a newer Hookdesk', async () => {
    await writeFile(file, JSON.stringify({ schemaVersion: 99, connectors: [], webhooks: [] }));
    await expect(open()).rejects.toBeInstanceOf(StoreTooNewError);
  });
});
