import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventRepository } from '../../../electron/engine/store/event-repository';
import { Journal } from '../../../electron/engine/store/journal';
import { StoreCorruptError } from '../../../electron/engine/store/store-errors';
import type { HookEvent } from '../../../shared/schemas/event';
import { tempDir } from '../../helpers/temp-dir';

/**
 * Stored events keep their bodies in the journal, not in memory (store/cold-body.ts): what a user
 * sees is the same body, read back from disk, through every change the journal goes through.
 */

let seq = 0;
function event(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): HookEvent {
  seq += 1;
  return {
    id: `evt_cold${String(seq).padStart(6, '0')}`,
    connectorId: 'con_cold',
    source: 'push',
    dataSource: 'generic',
    type: 'order.created',
    receivedTime: '2026-01-01T12:00:00.000Z',
    headers,
    body,
    size: 10,
    remoteAddress: '127.0.0.1',
  };
}

describe('Event bodies kept in the journal, read when asked for', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let eventsDir: string;
  const logs: string[] = [];
  const journals: Journal[] = [];

  async function open(options: { recover?: boolean; compactSlack?: number; segmentMaxBytes?: number } = {}) {
    const journal = new Journal({ dir: eventsDir, recover: options.recover ?? false, nowMs: () => Date.UTC(2026, 0, 2), log: (l) => logs.push(l), ...options });
    const repo = new EventRepository(journal, () => 10_000);
    await journal.open();
    journals.push(journal);
    return Object.assign(repo, { compactNow: () => journal.maybeCompact(), close: () => journal.close() });
  }

  const segments = async (): Promise<string[]> => (await readdir(eventsDir)).filter((n) => /^\d{8}\.jsonl$/.test(n)).sort();

  beforeEach(async () => {
    dir = await tempDir();
    eventsDir = join(dir.path, 'events');
    logs.length = 0;
  });
  afterEach(async () => {
    for (const journal of journals.splice(0)) await journal.close();
    await dir.remove();
  });

  it('answers the same body after the append, after a restart, spread and as JSON, also with text in any script and escapes', async () => {
    const raw = '{"order": {"id": 7, "note": "Grüße, 東京 🚀 \\"quoted\\" \\\\ back"},\n "tags": ["a","b"], "big": 12345678901234567890}';
    const body: unknown = JSON.parse(raw);
    expect(body).toMatchObject({ order: { note: 'Grüße, 東京 🚀 "quoted" \\ back' }, tags: ['a', 'b'] });
    const repo = await open();
    const stored = event(JSON.parse(raw));
    await repo.append([stored, event({ second: true })], [raw, undefined]);
    const read = repo.get(stored.id)!;
    expect(read.body).toEqual(body);
    expect({ ...read }.body).toEqual(body);
    expect(JSON.parse(JSON.stringify(read)).body).toEqual(body);
    // Written exactly as received (line breaks between tokens become spaces): numbers keep every digit.
    expect(await readFile(join(eventsDir, (await segments())[0]!), 'utf8')).toContain('"big": 12345678901234567890}');
    await repo.close();

    const again = await open();
    expect(again.get(stored.id)!.body).toEqual(body);
    expect(again.list({}).map((e) => e.body)).toEqual([{ second: true }, body]);
    expect(again.list({ q: '東京' }).map((e) => e.id)).toEqual([stored.id]);
  });

  it('writes lines that any JSON reader reads whole, and still loads lines written before bodies were kept on disk', async () => {
    const repo = await open();
    const stored = event({ n: 1 });
    await repo.append([stored]);
    await repo.close();
    const file = join(eventsDir, (await segments())[0]!);
    const line = JSON.parse((await readFile(file, 'utf8')).trim()) as { op: string; event: HookEvent };
    expect(line.op).toBe('put');
    expect(line.event).toEqual(stored);
    // A line of the earlier layout: the whole record as JSON.
    const old = event({ written: 'by an older version' });
    await writeFile(file, `${await readFile(file, 'utf8')}${JSON.stringify({ op: 'put', event: old })}\n`);
    const again = await open();
    expect(again.get(old.id)!.body).toEqual({ written: 'by an older version' });
    expect(again.get(stored.id)!.body).toEqual({ n: 1 });
  });

  it('replays lines longer than its read buffer (1 MiB) and a torn write after them', async () => {
    const repo = await open();
    const big = event({ text: 'x'.repeat(3 * 1024 * 1024), n: 1 });
    const small = event({ n: 2 });
    await repo.append([big, small]);
    await repo.close();
    const file = join(eventsDir, (await segments())[0]!);
    await writeFile(file, `${await readFile(file, 'utf8')}{"op":"put","event":{"id":"evt_torn`);
    const again = await open();
    expect((again.get(big.id)!.body as { text: string }).text).toHaveLength(3 * 1024 * 1024);
    expect(again.get(small.id)!.body).toEqual({ n: 2 });
    expect(logs.some((l) => l.includes('cut short'))).toBe(true);
    expect((await readFile(file, 'utf8')).endsWith('}}\n')).toBe(true);
  });

  it('keeps every body through compactions while older segments are deleted', async () => {
    const repo = await open({ compactSlack: 20, segmentMaxBytes: 4096 });
    const kept: HookEvent[] = [];
    for (let round = 0; round < 6; round += 1) {
      const batch = Array.from({ length: 15 }, (_, i) => event({ round, i, pad: 'p'.repeat(100) }));
      await repo.append(batch);
      kept.push(...batch);
      await repo.remove(batch.slice(0, 10).map((e) => e.id)); // superseded records, so compaction runs
    }
    await repo.compactNow();
    const live = kept.filter((_, k) => k % 15 >= 10);
    for (const e of live) expect(repo.get(e.id)!.body).toEqual(e.body);
    // Past the bodies kept parsed for a while (4,096 events), each is read from its new place on disk.
    await repo.append(Array.from({ length: 4_200 }, (_, i) => event({ filler: i })));
    for (const e of live) expect(repo.get(e.id)!.body).toEqual(e.body);
    await repo.close();
    expect(await segments()).not.toContain('00000001.jsonl');
    const again = await open();
    expect(again.list({}).length).toBe(live.length + 4_200);
    for (const e of live) expect(again.get(e.id)!.body).toEqual(e.body);
  });

  it('refuses to start when a stored body was damaged on disk (its checksum), naming the line; --recover sets only that event aside', async () => {
    const repo = await open();
    const events = [event({ n: 1, text: 'first' }), event({ n: 2, text: 'second' }), event({ n: 3, text: 'third' })];
    await repo.append(events);
    await repo.close();
    const file = join(eventsDir, (await segments())[0]!);
    const damaged = (await readFile(file, 'utf8')).replace('"text":"second"', '"text":"sec0nd"');
    await writeFile(file, damaged);

    const refused = await open().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreCorruptError);
    expect((refused as Error).message).toContain('line 2 has a damaged body');
    expect(await readFile(file, 'utf8')).toBe(damaged);

    const recovered = await open({ recover: true });
    expect(recovered.list({}).map((e) => e.body)).toEqual([{ n: 3, text: 'third' }, { n: 1, text: 'first' }]);
    // The segment was rewritten without the damaged line: the bodies after it moved, and are read from their new place.
    await recovered.close();
    const again = await open();
    expect(again.get(events[2]!.id)!.body).toEqual({ n: 3, text: 'third' });
  });

  it('answers a new event\'s body from memory while it is recent (its deliveries read it at once), then from the journal', async () => {
    const repo = await open();
    const recent = event({ n: 1, note: 'recent' });
    await repo.append([recent]);
    // Change the stored bytes under it (same length, still JSON): a read from disk would see 7.
    const [name] = await segments();
    const file = join(eventsDir, name!);
    const text = await readFile(file, 'utf8');
    expect(text.split('{"n":1,').length).toBe(2);
    await writeFile(file, text.replace('{"n":1,', '{"n":7,'));
    expect(repo.get(recent.id)!.body).toEqual({ n: 1, note: 'recent' });
    // A newer event of more than the bytes kept warm (8 MiB) cools the older ones: the next read is from disk.
    await repo.append([event({ big: 'x'.repeat(9 * 1024 * 1024) })]);
    expect(repo.get(recent.id)!.body).toEqual({ n: 7, note: 'recent' });
  });

  it('answers null for a body that cannot be read any more, with one log line, and does not fail', async () => {
    const repo = await open();
    const events = [event({ n: 1 }), event({ n: 2 })];
    await repo.append(events);
    await repo.close();
    const again = await open();
    await again.close();
    // The segment is gone from under a closed store that something still reads from.
    for (const name of await segments()) await unlink(join(eventsDir, name));
    expect(again.get(events[0]!.id)!.body).toBeNull();
    expect(again.get(events[1]!.id)!.body).toBeNull();
    expect(logs.filter((l) => l.includes('could not be read from the journal'))).toHaveLength(1);
  });
});
