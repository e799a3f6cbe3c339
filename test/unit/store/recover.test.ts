import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOO_DEEP_NOTE } from '../../../electron/engine/store/journal-line';
import type { Store } from '../../../electron/engine/store/open-store';
import { StoreCorruptError } from '../../../electron/engine/store/store-errors';
import { tempDir } from '../../helpers/temp-dir';
import { anEvent, deepText, storeIn } from './store-test-kit';

/** Hardening finding: `--recover` on one corrupt line set the whole segment aside (37,065 events -> 0). */
describe('Damaged journal lines: refuse with the line named, or --recover keeps every readable record', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let segment: string;
  const logs: string[] = [];
  let store: Store | null = null;

  async function storeWith(count: number): Promise<string[]> {
    const s = await storeIn(dir.path, logs);
    const events = Array.from({ length: count }, () => anEvent());
    await s.events.append(events);
    await s.close();
    return events.map((e) => e.id);
  }

  async function replaceLines(replacements: Record<number, string>): Promise<string> {
    const lines = (await readFile(segment, 'utf8')).split('\n');
    for (const [n, text] of Object.entries(replacements)) lines[Number(n) - 1] = text;
    const damaged = lines.join('\n');
    await writeFile(segment, damaged);
    return damaged;
  }

  const asideFiles = async (kind: string): Promise<string[]> => (await readdir(join(dir.path, 'events'))).filter((n) => n.includes(`.${kind}-`));

  beforeEach(async () => {
    dir = await tempDir();
    segment = join(dir.path, 'events', '00000001.jsonl');
    logs.length = 0;
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    await dir.remove();
  });

  it('without --recover refuses to start, naming the file and the line, and changes nothing', async () => {
    await storeWith(100);
    const damaged = await replaceLines({ 37: '{"op":"put","event":{"id":"evt_', 80: 'garbage' });
    const error = await storeIn(dir.path, logs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toContain(segment);
    expect((error as Error).message).toContain('line 37 is not valid JSON');
    expect((error as Error).message).toContain('--recover to load every record that can be read');
    expect(await readFile(segment, 'utf8')).toBe(damaged);
    expect(await asideFiles('corrupt')).toEqual([]);
  });

  it('with --recover loads 98 of 100 events, keeps the file as found, and rewrites the segment without the bad lines', async () => {
    const ids = await storeWith(100);
    const damaged = await replaceLines({ 37: '{"op":"put","event":{"id":"evt_', 80: 'garbage' });

    store = await storeIn(dir.path, logs, { recover: true });
    const kept = ids.filter((_, i) => i !== 36 && i !== 79);
    expect(store.events.list({}).map((e) => e.id).sort()).toEqual(kept.sort());
    const said = logs.join('\n');
    expect(said).toContain('Recovered: 2 line(s)');
    expect(said).toContain('line 37 is not valid JSON; line 80 is not valid JSON');
    expect(said).toContain('the other 98 record(s) were loaded');

    const [copy] = await asideFiles('corrupt');
    expect(copy).toBeDefined();
    expect(said).toContain(copy);
    expect(await readFile(join(dir.path, 'events', copy!), 'utf8')).toBe(damaged);
    expect((await readFile(segment, 'utf8')).trim().split('\n')).toHaveLength(98);

    // The next start needs no --recover, loses nothing more, and sets nothing else aside.
    await store.close();
    store = await storeIn(dir.path, logs);
    expect(store.events.list({})).toHaveLength(98);
    expect(await asideFiles('corrupt')).toHaveLength(1);
  });

  it('treats a line that parses but cannot be applied like an unreadable one', async () => {
    await storeWith(3);
    const text = await readFile(segment, 'utf8');
    await writeFile(segment, `${text}{"op":"from.a.newer.version"}\n`);
    const error = await storeIn(dir.path, logs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toContain('line 4 cannot be loaded');

    store = await storeIn(dir.path, logs, { recover: true });
    expect(store.events.list({})).toHaveLength(3);
    expect(logs.join('\n')).toContain('line 4 cannot be loaded (no part of the store owns the journal record "from.a.newer.version")');
  });

  it('with --recover keeps the readable records of an older segment that ends in the middle of a record', async () => {
    const s = await storeIn(dir.path, logs);
    const first = anEvent();
    await s.events.append([first]);
    await s.close();
    await writeFile(segment, `${await readFile(segment, 'utf8')}{"op":"put","eve`);
    // A newer segment exists, so this one is not the torn tail of the last write.
    await writeFile(join(dir.path, 'events', '00000002.jsonl'), '');
    await expect(storeIn(dir.path, logs)).rejects.toThrow('it ends in the middle of a record');

    store = await storeIn(dir.path, logs, { recover: true });
    expect(store.events.list({}).map((e) => e.id)).toEqual([first.id]);
    expect(logs.join('\n')).toContain('line 2 is not valid JSON');
  });

  it('loads a record nested deeper than the bound (an older version wrote it) with that part replaced by a note, without --recover', async () => {
    await storeWith(1);
    const poisoned = anEvent();
    const line = `{"op":"put","event":${JSON.stringify({ ...poisoned, body: null }).slice(0, -1)},"body":${deepText(10_000)}}}`;
    await writeFile(segment, `${await readFile(segment, 'utf8')}${line}\n`);
    store = await storeIn(dir.path, logs);
    expect(store.events.list({})).toHaveLength(2);
    expect(JSON.stringify(store.events.get(poisoned.id)?.body)).toContain(TOO_DEEP_NOTE);
    expect(logs.join('\n')).toContain('held values nested deeper than 264 levels');
    // The list and the next compaction can walk it: it is bounded in memory.
    expect(store.events.list({ q: 'hookdesk' }).map((e) => e.id)).toEqual([poisoned.id]);
  });
});
