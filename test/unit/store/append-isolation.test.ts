import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../../electron/engine/store/delivery-state';
import type { Store } from '../../../electron/engine/store/open-store';
import { StoreRecordError } from '../../../electron/engine/store/store-errors';
import { tempDir } from '../../helpers/temp-dir';
import { aDelivery, anEvent, deepObject, deepText, storeIn } from './store-test-kit';

const putDelivery = (id: string, eventId: string): DeliveryRecord => ({ op: 'dlv.put', delivery: aDelivery(id, eventId) });

/** Hardening finding: one record that cannot be serialized made the engine exit (the rejection was unhandled). */
describe('Journal appends: one bad record fails only its own append', () => {
  let dir: { path: string; remove: () => Promise<void> };
  const logs: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  let store: Store | null = null;

  beforeEach(async () => {
    dir = await tempDir();
    logs.length = 0;
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    process.off('unhandledRejection', onUnhandled);
    await store?.close();
    store = null;
    await dir.remove();
  });

  it('refuses a 10,000-deep event with the reason, and acknowledges the appends of the same batch', async () => {
    store = await storeIn(dir.path, logs);
    const good1 = anEvent();
    const poison = anEvent({ body: deepObject(10_000) });
    const good2 = anEvent();
    // Concurrent appends share one flush: the poison is in the middle of the batch.
    const results = await Promise.allSettled([store.events.append([good1]), store.events.append([poison]), store.events.append([good2])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (results[1] as PromiseRejectedResult).reason as Error;
    expect(error).toBeInstanceOf(StoreRecordError);
    expect(error.message).toContain(poison.id);
    expect(error.message).toContain('Nothing of it was written');

    expect(store.events.list({}).map((e) => e.id)).toEqual([good2.id, good1.id]);
    // The engine goes on: later appends are stored, and everything survives a restart.
    const later = anEvent();
    await store.events.append([later]);
    await store.close();
    store = await storeIn(dir.path, logs);
    expect(store.events.list({}).map((e) => e.id)).toEqual([later.id, good2.id, good1.id]);
    expect(unhandled).toEqual([]);
  });

  it('refuses a pushed body kept as raw JSON text when that text is nested too deep (the capture URL crash)', async () => {
    store = await storeIn(dir.path, logs);
    const text = deepText(10_000); // about 60 kB, as in the finding
    const poison = anEvent({ body: null });
    const good = anEvent();
    const results = await Promise.allSettled([store.events.append([poison], [text]), store.events.append([good], ['{"ok":true}'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(((results[0] as PromiseRejectedResult).reason as Error).message).toContain('deeper than 264 levels');
    const segment = await readFile(join(dir.path, 'events', '00000001.jsonl'), 'utf8');
    expect(segment).not.toContain(poison.id);
    await store.close();
    store = await storeIn(dir.path, logs);
    expect(store.events.get(good.id)?.body).toEqual({ ok: true });
    expect(unhandled).toEqual([]);
  });

  it('refuses a delivery attempt holding a receiver answer 6,000 deep, and keeps the delivery and the other writes', async () => {
    store = await storeIn(dir.path, logs);
    const event = anEvent();
    await store.events.append([event]);
    await store.journal.append([putDelivery('dlv_1', event.id)]);
    const attempt = (value: unknown): DeliveryRecord => ({
      op: 'dlv.attempt',
      id: 'dlv_1',
      status: 'succeeded',
      nextAttemptTime: null,
      note: null,
      attempt: {
        attempt: 1,
        time: '2026-01-01T12:00:01.000Z',
        ok: true,
        request: { method: 'POST', url: 'http://127.0.0.1:1/', headers: {}, body: '{}' },
        response: { status: 200, headers: {}, body: '{}' },
        error: null,
        durationMs: 1,
        validators: [{ path: '$.a', expected: [], actual: value, ok: true }],
      },
    });
    const other = anEvent();
    const results = await Promise.allSettled([store.journal.append([attempt(deepObject(6_000))]), store.events.append([other])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(((results[0] as PromiseRejectedResult).reason as Error).message).toContain('"dlv.attempt" record (dlv_1)');
    // The delivery is as it was (pending, no attempt), so it can still be recorded as failed in words.
    expect(store.deliveries.get('dlv_1')).toMatchObject({ status: 'pending', attempts: [] });
    await store.journal.append([attempt('fine')]);
    expect(store.deliveries.get('dlv_1')).toMatchObject({ status: 'succeeded' });
    expect(unhandled).toEqual([]);
  });

  it('acknowledges stored events although a listener of new events throws (no 500, so no duplicate from a retry)', async () => {
    store = await storeIn(dir.path, logs);
    store.events.onAppended(() => {
      throw new Error('the SSE hub fell over');
    });
    const event = anEvent();
    await expect(store.events.append([event])).resolves.toBeUndefined();
    expect(store.events.get(event.id)).toBeDefined();
    expect(logs.join('\n')).toContain('the SSE hub fell over');
  });

  it('applies a whole delivery attempt although a delivery listener throws', async () => {
    store = await storeIn(dir.path, logs);
    store.deliveries.onDelivery(() => {
      throw new Error('listener bug');
    });
    await store.journal.append([putDelivery('dlv_1', 'evt_x')]);
    expect(store.deliveries.unfinished('whk_1').map((d) => d.id)).toEqual(['dlv_1']);
    expect(logs.join('\n')).toContain('listener bug');
  });

  it('lists and searches events although one in memory has a body too deep to write (no 500 on every list)', async () => {
    store = await storeIn(dir.path, logs);
    const event = anEvent({ body: { note: 'findme' } });
    const other = anEvent();
    await store.events.append([event, other]);
    // Cannot get in through append any more; an older version's memory or a bug could still hold one.
    store.events.get(other.id)!.body = deepObject(10_000);
    expect(store.events.list({ q: 'findme' }).map((e) => e.id)).toEqual([event.id]);
  });
});
