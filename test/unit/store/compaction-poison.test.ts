import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../../electron/engine/store/delivery-state';
import { TOO_DEEP_NOTE } from '../../../electron/engine/store/journal-line';
import type { Store } from '../../../electron/engine/store/open-store';
import { MAX_RECORD_DEPTH, valueTooDeep } from '../../../shared/json/bounded-json';
import { tempDir } from '../../helpers/temp-dir';
import { aDelivery, anEvent, deepObject, storeIn } from './store-test-kit';

async function journalBytes(dataDir: string): Promise<number> {
  const dir = join(dataDir, 'events');
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

/**
 * Hardening finding: while one event too deep to serialize was stored, every compaction failed and
 * the journal grew without bound (18 MB for 101 live events).
 */
describe('Compaction with a record that cannot be written as it is', () => {
  let dir: { path: string; remove: () => Promise<void> };
  const logs: string[] = [];
  let store: Store | null = null;

  beforeEach(async () => {
    dir = await tempDir();
    logs.length = 0;
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    await dir.remove();
  });

  it('succeeds, shrinks the journal, and keeps the poisoned event and delivery with the over-deep parts replaced by a note', async () => {
    store = await storeIn(dir.path, logs, { compactSlack: 100 });
    const poisoned = anEvent();
    const plain = anEvent();
    await store.events.append([poisoned, plain]);
    const delivery: DeliveryRecord = { op: 'dlv.put', delivery: aDelivery('dlv_1', poisoned.id) };
    await store.journal.append([delivery]);
    // Appends refuse such values now (see append-isolation); a journal written by an older version,
    // or a bug, can still leave one in memory, and compaction must survive it.
    store.events.get(poisoned.id)!.body = deepObject(10_000);
    (store.deliveries.get('dlv_1') as unknown as { note: unknown }).note = deepObject(10_000) as never;

    // Superseded records pile up (1 kB patches of the plain event) until compaction runs.
    const pad = 'x'.repeat(1024);
    for (let i = 0; i < 300; i += 1) await store.events.patch(plain.id, { headers: { pad: `${i}${pad}` } });
    await store.close();
    store = null;

    expect(logs.join('\n')).not.toContain('Compacting the event log failed');
    expect(logs.join('\n')).toContain(`Compaction kept 2 record(s) with parts nested deeper than 264 levels replaced by a note`);
    // 300 kB of patches were written; after compaction only the live state and the newest patches remain.
    expect(await journalBytes(dir.path)).toBeLessThan(150 * 1024);

    store = await storeIn(dir.path, logs);
    const body = store.events.get(poisoned.id)?.body;
    expect(body).toBeDefined();
    expect(valueTooDeep(body, MAX_RECORD_DEPTH)).toBe(false);
    expect(JSON.stringify(body)).toContain(TOO_DEEP_NOTE);
    expect(store.events.get(plain.id)?.headers.pad).toBe(`299${pad}`);
    expect(store.deliveries.get('dlv_1')?.status).toBe('pending');
  });

  it('leaves out, by name, a record that cannot be written at all, and still compacts', async () => {
    store = await storeIn(dir.path, logs, { compactSlack: 50 });
    const broken = anEvent();
    const plain = anEvent();
    await store.events.append([broken, plain]);
    store.events.get(broken.id)!.body = { big: 10n } as never; // BigInt: no JSON for it at all
    for (let i = 0; i < 120; i += 1) await store.events.patch(plain.id, { headers: { n: String(i) } });
    await store.close();
    store = null;
    expect(logs.join('\n')).toContain(`Compaction left out 1 record(s) that cannot be written as JSON: a "restore" record (${broken.id})`);
    store = await storeIn(dir.path, logs);
    expect(store.events.get(plain.id)?.headers.n).toBe('119');
  });
});
