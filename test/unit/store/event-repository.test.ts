import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventRepository } from '../../../electron/engine/store/event-repository';
import { Journal } from '../../../electron/engine/store/journal';
import { StoreCorruptError } from '../../../electron/engine/store/store-errors';
import type { HookEvent } from '../../../shared/schemas/event';
import { tempDir } from '../../helpers/temp-dir';

let seq = 0;
function event(connectorId: string | null, type = 'order.created', receivedTime = '2026-01-01T12:00:00.000Z'): HookEvent {
  seq += 1;
  return {
    id: `evt_${String(seq).padStart(6, '0')}`,
    connectorId,
    source: 'push',
    dataSource: 'generic',
    type,
    receivedTime,
    headers: {},
    body: { n: seq, note: `event number ${seq}` },
    size: 10,
    remoteAddress: '127.0.0.1',
  };
}

describe('EventRepository', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let eventsDir: string;
  const logs: string[] = [];
  let retention = 10_000;
  const journals: Journal[] = [];

  /** An event repository over a journal in the temp dir; `close()` closes the journal. */
  async function open(options: { recover?: boolean; compactSlack?: number; segmentMaxBytes?: number } = {}) {
    const journal = new Journal({
      dir: eventsDir,
      recover: options.recover ?? false,
      nowMs: () => Date.UTC(2026, 0, 2),
      log: (l) => logs.push(l),
      ...options,
    });
    const repo = new EventRepository(journal, () => retention);
    await journal.open();
    journals.push(journal);
    return Object.assign(repo, { close: () => journal.close() });
  }

  beforeEach(async () => {
    dir = await tempDir();
    eventsDir = join(dir.path, 'events');
    logs.length = 0;
    retention = 10_000;
  });
  afterEach(async () => {
    for (const journal of journals.splice(0)) await journal.close();
    await dir.remove();
  });

  it('keeps every acknowledged event across a reopen, newest first', async () => {
    const repo = await open();
    await Promise.all([repo.append([event('con_a')]), repo.append([event('con_a'), event('con_b')])]);
    await repo.close();
    const again = await open();
    expect(again.list({}).map((e) => e.connectorId)).toEqual(['con_b', 'con_a', 'con_a']);
    expect(again.list({ connectorId: 'con_a' })).toHaveLength(2);
    expect(again.countersOf('con_a').eventCount).toBe(2);
  });

  it('groups concurrent appends into few disk writes', async () => {
    const repo = await open();
    await Promise.all(Array.from({ length: 200 }, () => repo.append([event('con_a')])));
    const text = await readFile(join(eventsDir, '00000001.jsonl'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(200);
    expect(repo.list({ connectorId: 'con_a' })).toHaveLength(200);
  });

  it('filters by type and by text in the body', async () => {
    const repo = await open();
    await repo.append([event('con_a', 'a.created'), event('con_a', 'a.deleted'), event('con_a', 'a.created')]);
    expect(repo.list({ type: 'a.created' })).toHaveLength(2);
    expect(repo.list({ q: 'EVENT NUMBER' })).toHaveLength(3);
    const one = repo.list({})[1]!;
    expect(repo.list({ q: `"n":${(one.body as { n: number }).n}` }).map((e) => e.id)).toEqual([one.id]);
  });

  it('trims each connector to its retention, oldest first, without changing its counts', async () => {
    retention = 3;
    const repo = await open();
    for (let i = 0; i < 5; i += 1) await repo.append([event('con_a')]);
    const kept = repo.list({ connectorId: 'con_a' });
    expect(kept).toHaveLength(3);
    expect(repo.countersOf('con_a').eventCount).toBe(5);
    await repo.close();
    const again = await open();
    expect(again.list({ connectorId: 'con_a' }).map((e) => e.id)).toEqual(kept.map((e) => e.id));
    expect(again.countersOf('con_a').eventCount).toBe(5);
  });

  it('compacts the log so disk use stays bounded, keeping live events and counts', async () => {
    retention = 10;
    const repo = await open({ compactSlack: 50 });
    for (let i = 0; i < 30; i += 1) await repo.append(Array.from({ length: 10 }, () => event('con_a')));
    await repo.close();
    const lines = (await Promise.all((await readdir(eventsDir)).map((f) => readFile(join(eventsDir, f), 'utf8'))))
      .join('')
      .trim()
      .split('\n');
    expect(lines.length).toBeLessThan(100);
    const again = await open({ compactSlack: 50 });
    expect(again.list({ connectorId: 'con_a' })).toHaveLength(10);
    expect(again.countersOf('con_a').eventCount).toBe(300);
  });

  it('writes a body given as JSON text as is, and reads it back as the same value', async () => {
    const repo = await open();
    const raw = '{\n  "order": {"id": 7, "note": "a\\nb"},\r\n  "tags": ["x"]\n}';
    const e = { ...event('con_a'), body: JSON.parse(raw) as unknown };
    await repo.append([e, event('con_a')], [raw, undefined]);
    await repo.close();
    const text = await readFile(join(eventsDir, '00000001.jsonl'), 'utf8');
    expect(text.split('\n')[0]).toContain('"body":{   "order": {"id": 7, "note": "a\\nb"},    "tags": ["x"] }');
    const again = await open();
    expect(again.get(e.id)?.body).toEqual({ order: { id: 7, note: 'a\nb' }, tags: ['x'] });
    expect(again.list({})).toHaveLength(2);
  });

  it('clear removes events but keeps counts; drop removes both', async () => {
    const repo = await open();
    await repo.append([event('con_a'), event('con_b')]);
    await repo.clear('con_a');
    expect(repo.list({ connectorId: 'con_a' })).toEqual([]);
    expect(repo.countersOf('con_a').eventCount).toBe(1);
    await repo.drop('con_b');
    expect(repo.countersOf('con_b').eventCount).toBe(0);
    await repo.close();
    const again = await open();
    expect(again.list({})).toEqual([]);
  });

  it('cuts off a torn last write (never acknowledged), keeping a copy of the file as found', async () => {
    const repo = await open();
    await repo.append([event('con_a')]);
    await repo.close();
    const segment = join(eventsDir, '00000001.jsonl');
    await appendFile(segment, '{"op":"put","event":{"id":"evt_half');
    const again = await open();
    expect(again.list({})).toHaveLength(1);
    expect((await readdir(eventsDir)).some((n) => n.includes('.torn-'))).toBe(true);
    expect(logs.join('\n')).toContain('cut short');
    await again.append([event('con_a')]);
    await again.close();
    expect((await open()).list({})).toHaveLength(2);
  });

  it('refuses a segment with a damaged record in the middle, and leaves it as it was', async () => {
    const repo = await open();
    await repo.append([event('con_a')]);
    await repo.close();
    const segment = join(eventsDir, '00000001.jsonl');
    const damaged = `not json\n${await readFile(segment, 'utf8')}`;
    await writeFile(segment, damaged);
    const error = await open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toContain(segment);
    expect(await readFile(segment, 'utf8')).toBe(damaged);
    // --recover sets aside only the damaged line and loads the event beside it.
    const recovered = await open({ recover: true });
    expect(recovered.list({})).toHaveLength(1);
    expect((await readdir(eventsDir)).some((n) => n.includes('.corrupt-'))).toBe(true);
  });

  it('starts a new segment past the size limit and replays all of them in order', async () => {
    const repo = await open({ segmentMaxBytes: 600 });
    for (let i = 0; i < 10; i += 1) await repo.append([event('con_a')]);
    await repo.close();
    expect((await readdir(eventsDir)).filter((n) => n.endsWith('.jsonl')).length).toBeGreaterThan(2);
    const again = await open({ segmentMaxBytes: 600 });
    expect(again.list({}).map((e) => (e.body as { n: number }).n)).toEqual(
      repo.list({}).map((e) => (e.body as { n: number }).n),
    );
  });
});
