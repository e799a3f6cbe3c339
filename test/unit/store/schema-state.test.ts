import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchemaTracker } from '../../../electron/engine/inference/schema-tracker';
import { EventRepository } from '../../../electron/engine/store/event-repository';
import { Journal } from '../../../electron/engine/store/journal';
import { SchemaState } from '../../../electron/engine/store/schema-state';
import { toJsonSchema } from '../../../shared/inference/json-schema';
import type { HookEvent } from '../../../shared/schemas/event';
import { tempDir } from '../../helpers/temp-dir';

let seq = 0;
function event(body: unknown, options: { connectorId?: string | null; type?: string; source?: HookEvent['source']; second?: number } = {}): HookEvent {
  seq += 1;
  return {
    id: `evt_${String(seq).padStart(6, '0')}`,
    connectorId: options.connectorId === undefined ? 'con_a' : options.connectorId,
    source: options.source ?? 'push',
    dataSource: 'generic',
    type: options.type ?? 'order.created',
    receivedTime: new Date(Date.UTC(2026, 0, 1, 12, 0, options.second ?? 0)).toISOString(),
    headers: {},
    body,
    size: 10,
    remoteAddress: '127.0.0.1',
  };
}

describe('SchemaState and SchemaTracker over the journal', () => {
  let dir: { path: string; remove: () => Promise<void> };
  const journals: Journal[] = [];

  async function open(options: { compactSlack?: number; maxTypesPerConnector?: number } = {}) {
    const journal = new Journal({
      dir: join(dir.path, 'events'),
      recover: false,
      nowMs: () => Date.UTC(2026, 0, 2),
      log: () => undefined,
      ...(options.compactSlack === undefined ? {} : { compactSlack: options.compactSlack }),
    });
    const events = new EventRepository(journal, () => 5);
    const schemas = new SchemaState();
    journal.register(schemas);
    await journal.open();
    journals.push(journal);
    const tracker = new SchemaTracker(schemas, options.maxTypesPerConnector === undefined ? {} : { maxTypesPerConnector: options.maxTypesPerConnector });
    events.addAppendHook((batch) => tracker.recordsFor(batch));
    return { journal, events, schemas, close: () => journal.close() };
  }

  async function schemaRecordsOnDisk(): Promise<number> {
    const files = await readdir(join(dir.path, 'events'));
    const text = (await Promise.all(files.map((f) => readFile(join(dir.path, 'events', f), 'utf8')))).join('');
    return text.split('\n').filter((line) => line.includes('"op":"schema.put"')).length;
  }

  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    for (const journal of journals.splice(0)) await journal.close();
    await dir.remove();
  });

  it('writes a schema record only when a shape changed, in the same write as the events', async () => {
    const store = await open();
    await store.events.append([event({ a: 1 }), event({ a: 2 })]);
    expect(await schemaRecordsOnDisk()).toBe(1);
    for (let i = 0; i < 5; i += 1) await store.events.append([event({ a: i })]);
    expect(await schemaRecordsOnDisk()).toBe(1);
    await store.events.append([event({ a: 1, b: true })]);
    expect(await schemaRecordsOnDisk()).toBe(2);
    expect(store.schemas.get('con_a', 'order.created')?.eventCount).toBe(8);
  });

  it('sees batches not yet written: two concurrent appends report a new field once', async () => {
    const store = await open();
    await store.events.append([event({ a: 1 })]);
    const first = [event({ a: 2, x: 'new' })];
    const second = [event({ a: 3, x: 'new' })];
    await Promise.all([store.events.append(first), store.events.append(second)]);
    expect(first[0]?.drift?.added).toEqual(['$.x']);
    expect(second[0]?.drift).toBeUndefined();
    expect(store.schemas.get('con_a', 'order.created')?.eventCount).toBe(3);
  });

  it('infers received events only (push and capture with a connector), per connector and type', async () => {
    const store = await open();
    await store.events.append([
      event({ a: 1 }),
      event({ a: 'published' }, { source: 'api', connectorId: null }),
      event({ status: 'x' }, { source: 'system', connectorId: null, type: 'webhook.failed' }),
      event({ b: 1 }, { connectorId: 'con_b' }),
      event('text body', { source: 'capture', type: 'raw' }),
    ]);
    expect(store.schemas.ofConnector('con_a').map((s) => [s.type, s.eventCount])).toEqual([
      ['order.created', 1],
      ['raw', 1],
    ]);
    expect(store.schemas.ofType('order.created').map((s) => s.connectorId)).toEqual(['con_a', 'con_b']);
    expect(store.schemas.ofType('webhook.failed')).toEqual([]);
  });

  it('rebuilds shapes, counts and times exactly after a reopen, also across a compaction', async () => {
    let store = await open({ compactSlack: 20 });
    await store.events.append([event({ a: 1, list: [{ x: 1 }] }, { second: 1 })]);
    for (let i = 0; i < 40; i += 1) await store.events.append([event({ a: i, list: [] }, { second: 2 })]);
    await store.events.append([event({ a: 1, list: [{ x: 1, y: 'new' }] }, { second: 3 })]);
    for (let i = 0; i < 7; i += 1) await store.events.append([event({ a: i, list: [] }, { second: 4 })]);
    const before = store.schemas.get('con_a', 'order.created');
    expect(before?.eventCount).toBe(49);
    await store.close();
    const files = await readdir(join(dir.path, 'events'));
    expect(files).not.toContain('00000001.jsonl'); // compacted: the snapshot replaced the first segment

    store = await open({ compactSlack: 20 });
    const after = store.schemas.get('con_a', 'order.created');
    expect(after).toMatchObject({ eventCount: 49, firstSeenTime: '2026-01-01T12:00:01.000Z', lastSeenTime: '2026-01-01T12:00:04.000Z' });
    expect(toJsonSchema(after?.shape ?? { root: { types: [], count: 0 }, nodes: 1 })).toEqual(toJsonSchema(before?.shape ?? { root: { types: [], count: 0 }, nodes: 1 }));
    const next = [event({ a: 1, list: [], z: null })];
    await store.events.append(next);
    expect(next[0]?.drift?.added).toEqual(['$.z']);
  });

  it('drops a connector’s shapes with its drop record and keeps them through a clear', async () => {
    const store = await open();
    await store.events.append([event({ a: 1 }), event({ b: 1 }, { connectorId: 'con_b' })]);
    await store.events.clear('con_a');
    expect(store.schemas.typeCount('con_a')).toBe(1);
    await store.events.drop('con_a');
    expect(store.schemas.ofConnector('con_a')).toEqual([]);
    expect(store.schemas.typeCount('con_b')).toBe(1);
    // A later event of the dropped connector starts afresh: no drift against the old shape.
    const again = [event({ c: 1 })];
    await store.events.append(again);
    expect(again[0]?.drift).toBeUndefined();
    await store.close();
    const reopened = await open();
    expect(reopened.schemas.ofConnector('con_a').map((s) => s.eventCount)).toEqual([1]);
  });

  it('tracks at most maxTypesPerConnector types per connector', async () => {
    const store = await open({ maxTypesPerConnector: 2 });
    await store.events.append([event({ a: 1 }, { type: 't1' }), event({ a: 1 }, { type: 't2' }), event({ a: 1 }, { type: 't3' })]);
    const third = [event({ a: 'x' }, { type: 't3' })];
    await store.events.append(third);
    expect(store.schemas.ofConnector('con_a').map((s) => s.type)).toEqual(['t1', 't2']);
    expect(third[0]?.drift).toBeUndefined();
  });
});
