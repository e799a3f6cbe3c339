import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../../../electron/engine/store/store-errors';
import { WorkspaceDb } from '../../../electron/engine/store/workspace-db';
import { tempDir } from '../../helpers/temp-dir';

describe('workspace.json version 3 -> 4 (environments)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  const open = () => WorkspaceDb.open(file, { recover: false, nowMs: Date.UTC(2026, 0, 2), log: () => undefined });

  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir.path, 'workspace.json');
  });
  afterEach(() => dir.remove());

  it('gains no environments and none active, keeps everything else, and is written back as version 4', async () => {
    const connector = { id: 'con_1', name: 'Shop', verification: null };
    const webhook = { id: 'whk_1', name: 'Orders', url: 'http://127.0.0.1:9/x' };
    await writeFile(file, JSON.stringify({ schemaVersion: 3, connectors: [connector], webhooks: [webhook] }));
    const db = await open();
    expect(db.data).toEqual({ schemaVersion: 4, connectors: [connector], webhooks: [webhook], environments: {}, activeEnvironment: null });
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk.schemaVersion).toBe(4);
    expect(onDisk.environments).toEqual({});
    expect(onDisk.activeEnvironment).toBeNull();
  });

  it('keeps stored environments and the active one across reopen', async () => {
    const db = await open();
    db.data.environments = { local: { TARGET: 'http://127.0.0.1:1' }, staging: { TARGET: 'https://staging.example' } };
    db.data.activeEnvironment = 'staging';
    await db.commit();
    const again = await open();
    expect(again.data.environments.staging).toEqual({ TARGET: 'https://staging.example' });
    expect(again.data.activeEnvironment).toBe('staging');
  });

  it('refuses a file whose environments are not text variables, or whose active environment does not exist', async () => {
    await writeFile(file, JSON.stringify({ schemaVersion: 4, connectors: [], webhooks: [], environments: { local: { A: 1 } }, activeEnvironment: null }));
    await expect(open()).rejects.toBeInstanceOf(StoreCorruptError);
    await writeFile(file, JSON.stringify({ schemaVersion: 4, connectors: [], webhooks: [], environments: {}, activeEnvironment: 'gone' }));
    await expect(open()).rejects.toThrow(/activeEnvironment/);
  });
});
