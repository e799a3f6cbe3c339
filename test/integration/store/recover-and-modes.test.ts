import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../../../electron/engine/store/store-errors';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { tempDir } from '../../helpers/temp-dir';
import { createConnector, push } from '../inbound/inbound-helpers';

/** The engine as a user runs it: a damaged journal line costs that one event, and the data dir is owner-only. */
describe('engine start over a damaged journal', () => {
  const engines: TestEngine[] = [];
  let removeDir: (() => Promise<void>) | null = null;
  afterEach(async () => {
    for (const t of engines.splice(0)) await t.stop().catch(() => undefined);
    await removeDir?.();
  });

  it('refuses to start naming the file, then with --recover serves every event but the damaged one', async () => {
    const dir = await tempDir();
    removeDir = dir.remove;
    const first = await startTestEngine({}, { dataDir: dir.path });
    engines.push(first);
    const con = await createConnector(first.client, { name: 'Recover' });
    const sent = await push(con.pushUrl, con.apiKey, Array.from({ length: 50 }, (_, i) => ({ event_type: 'order.created', n: i })));
    expect(sent.status).toBe(200);
    const ids = (sent.json as { ids: string[] }).ids;
    await first.stop();
    engines.length = 0;

    const segment = join(dir.path, 'events', '00000001.jsonl');
    const lines = (await readFile(segment, 'utf8')).split('\n');
    const victim = ids[17]!;
    const at = lines.findIndex((l) => l.includes(`"id":"${victim}"`));
    lines[at] = lines[at]!.slice(0, 40); // a record cut in the middle (a disk error, an editor)
    await writeFile(segment, lines.join('\n'));

    const refused = await startTestEngine({}, { dataDir: dir.path }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreCorruptError);
    expect((refused as Error).message).toContain(`${segment} cannot be read (line ${at + 1} is not valid JSON)`);

    const recovered = await startTestEngine({ recover: true }, { dataDir: dir.path });
    engines.push(recovered);
    const listed = (await recovered.client.listEvents({ connectorId: con.id, pageSize: 100 })).items.map((e) => e.id);
    expect(listed.sort()).toEqual(ids.filter((id) => id !== victim).sort());
    expect(recovered.logs.join('\n')).toMatch(/Recovered: 1 line\(s\) of .* could not be read and were set aside/);
    expect((await readdir(join(dir.path, 'events'))).some((n) => n.startsWith('00000001.jsonl.corrupt-'))).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('keeps the data dir, events/ and every file in them owner-only', async () => {
    // No token given: the engine generates one and keeps it in the data dir.
    const t = await startTestEngine({ token: undefined });
    engines.push(t);
    removeDir = () => rm(t.dataDir, { recursive: true, force: true });
    const con = await createConnector(t.client, { name: 'Modes' });
    expect((await push(con.pushUrl, con.apiKey, { event_type: 'a' })).status).toBe(200);
    expect((await stat(t.dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(t.dataDir, 'events'))).mode & 0o777).toBe(0o700);
    for (const name of await readdir(join(t.dataDir, 'events'))) expect([name, (await stat(join(t.dataDir, 'events', name))).mode & 0o777]).toEqual([name, 0o600]);
    expect((await stat(join(t.dataDir, 'workspace.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(t.dataDir, 'token'))).mode & 0o777).toBe(0o600);
  });
});

