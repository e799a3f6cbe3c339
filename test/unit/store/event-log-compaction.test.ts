import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventLog } from '../../../electron/engine/store/event-log';
import { tempDir } from '../../helpers/temp-dir';

/** A tiny state: a counter per key, rebuilt from `add` records; `reset` starts a snapshot. */
type Rec = { op: 'reset' } | { op: 'add'; key: string; n: number } | { op: 'set'; key: string; total: number };

function counterLog(dir: string, totals: Map<string, number>): EventLog<Rec> {
  return new EventLog<Rec>(dir, {
    apply: (r) => {
      if (r.op === 'reset') totals.clear();
      else if (r.op === 'add') totals.set(r.key, (totals.get(r.key) ?? 0) + r.n);
      else totals.set(r.key, r.total);
    },
    recover: false,
    nowMs: () => Date.UTC(2026, 0, 2),
    log: () => undefined,
  });
}

/** A snapshot of many big records, so it takes many chunks to write. */
function bigSnapshot(totals: Map<string, number>): Rec[] {
  const pad = 'x'.repeat(1024);
  const records: Rec[] = [{ op: 'reset' }];
  for (const [key, total] of totals) records.push({ op: 'set', key, total });
  for (let i = 0; i < 20_000; i += 1) records.push({ op: 'set', key: `pad-${i}-${pad}`, total: 0 });
  return records;
}

describe('EventLog compaction beside appends', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('acknowledges appends while a big snapshot is still being written, and loses none of them', async () => {
    const totals = new Map<string, number>();
    const log = counterLog(dir.path, totals);
    await log.open();
    for (let i = 0; i < 50; i += 1) await log.append([{ op: 'add', key: 'a', n: 1 }]);

    let compacted = false;
    const compaction = log.compact(() => bigSnapshot(totals)).then(() => {
      compacted = true;
    });
    await log.append([{ op: 'add', key: 'a', n: 10 }]);
    // About 20 MiB of snapshot is written in small pieces; one append does not wait for all of it.
    expect(compacted).toBe(false);
    const during = Array.from({ length: 20 }, () => log.append([{ op: 'add', key: 'b', n: 1 }]));
    await Promise.all([compaction, ...during]);
    await log.append([{ op: 'add', key: 'a', n: 100 }]);
    expect(totals.get('a')).toBe(160);
    await log.close();

    const segments = (await readdir(dir.path)).filter((n) => n.endsWith('.jsonl'));
    expect(segments).not.toContain('00000001.jsonl');
    const again = new Map<string, number>();
    const reopened = counterLog(dir.path, again);
    await reopened.open();
    expect(again.get('a')).toBe(160);
    expect(again.get('b')).toBe(20);
    expect(reopened.diskRecords).toBe(1 + 2 + 20_000 + 21);
    await reopened.close();
  });

  it('ignores and removes a snapshot a crash cut short before its rename', async () => {
    const totals = new Map<string, number>();
    const log = counterLog(dir.path, totals);
    await log.open();
    await log.append([{ op: 'add', key: 'a', n: 5 }]);
    await log.close();
    await writeFile(join(dir.path, '00000002.jsonl.tmp'), '{"op":"reset"}\n{"op":"set","key":"a","to');
    const again = new Map<string, number>();
    const reopened = counterLog(dir.path, again);
    await reopened.open();
    expect(again.get('a')).toBe(5);
    expect(await readdir(dir.path)).toEqual(['00000001.jsonl']);
    await reopened.close();
  });
});
