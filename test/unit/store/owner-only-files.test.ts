import { appendFile, chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/engine/store/open-store';
import { loadOrCreateToken } from '../../../electron/engine/token';
import { tempDir } from '../../helpers/temp-dir';
import { anEvent, storeIn } from './store-test-kit';

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

/** Every file and dir under `dir` with its permission bits, relative names. */
async function modesUnder(dir: string, prefix = ''): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    out[prefix + entry.name] = await modeOf(path);
    if (entry.isDirectory()) Object.assign(out, await modesUnder(path, `${prefix}${entry.name}/`));
  }
  return out;
}

/** Hardening finding: `events/` was 0755. The data dir holds secrets, the token and every body received. */
describe.skipIf(process.platform === 'win32')('The data dir is owner-only', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let dataDir: string;
  const logs: string[] = [];
  let store: Store | null = null;
  let umask = 0;

  beforeEach(async () => {
    dir = await tempDir();
    dataDir = join(dir.path, 'data');
    logs.length = 0;
    // The loosest usual umask, so nothing passes only because the environment is strict.
    umask = process.umask(0o022);
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    process.umask(umask);
    await dir.remove();
  });

  it('creates dirs 0700 and files 0600: segments, snapshots, torn copies, workspace.json, token', async () => {
    store = await storeIn(dataDir, logs, { compactSlack: 20 });
    const event = anEvent();
    await store.events.append([event]);
    for (let i = 0; i < 40; i += 1) await store.events.patch(event.id, { headers: { n: String(i) } }); // compacts
    await store.close();
    store = null;
    await loadOrCreateToken(dataDir, undefined);
    const segments = (await readdir(join(dataDir, 'events'))).filter((n) => n.endsWith('.jsonl'));
    await appendFile(join(dataDir, 'events', segments.at(-1)!), '{"op":"put","ev'); // a torn last write
    store = await storeIn(dataDir, logs);

    const modes = await modesUnder(dataDir);
    expect(Object.keys(modes).some((n) => n.includes('.torn-'))).toBe(true);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['events', 'workspace.json', 'token']));
    expect(await modeOf(dataDir)).toBe(0o700);
    for (const [name, mode] of Object.entries(modes)) expect([name, mode]).toEqual([name, name === 'events' ? 0o700 : 0o600]);
  });

  it('fixes the modes of a data dir made by an older version, including copies kept aside', async () => {
    store = await storeIn(dataDir, logs);
    await store.events.append([anEvent()]);
    await store.close();
    store = null;
    await loadOrCreateToken(dataDir, undefined);
    await writeFile(join(dataDir, 'events', '00000001.jsonl.corrupt-2026-01-01T00-00-00-000Z'), 'x\n');
    await writeFile(join(dataDir, 'workspace.json.corrupt-2026-01-01T00-00-00-000Z'), 'x');
    for (const file of ['workspace.json', 'token', 'workspace.json.corrupt-2026-01-01T00-00-00-000Z', 'events/00000001.jsonl', 'events/00000001.jsonl.corrupt-2026-01-01T00-00-00-000Z']) {
      await chmod(join(dataDir, file), 0o644);
    }
    await chmod(join(dataDir, 'events'), 0o755);
    await chmod(dataDir, 0o755);
    // Not the store's: left as it is (in the desktop app the data dir is shared with Chromium's files).
    await mkdir(join(dataDir, 'Cache'), { mode: 0o755 });
    await chmod(join(dataDir, 'Cache'), 0o755);

    store = await storeIn(dataDir, logs);
    await loadOrCreateToken(dataDir, undefined);
    const modes = await modesUnder(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(modes).toEqual({
      Cache: 0o755,
      events: 0o700,
      'events/00000001.jsonl': 0o600,
      'events/00000001.jsonl.corrupt-2026-01-01T00-00-00-000Z': 0o600,
      token: 0o600,
      'workspace.json': 0o600,
      'workspace.json.corrupt-2026-01-01T00-00-00-000Z': 0o600,
    });
  });

  it('keeps the copy --recover sets aside owner-only too', async () => {
    store = await storeIn(dataDir, logs);
    await store.events.append([anEvent(), anEvent()]);
    await store.close();
    store = null;
    const segment = join(dataDir, 'events', '00000001.jsonl');
    await writeFile(segment, `garbage\n${await readFile(segment, 'utf8')}`);
    await chmod(segment, 0o644);
    store = await storeIn(dataDir, logs, { recover: true });
    expect(store.events.list({})).toHaveLength(2);
    const modes = await modesUnder(join(dataDir, 'events'));
    expect(Object.keys(modes).some((n) => n.includes('.corrupt-'))).toBe(true);
    for (const [name, mode] of Object.entries(modes)) expect([name, mode]).toEqual([name, 0o600]);
  });
});
