import { describe, expect, it } from 'vitest';
import { DeliveryState, type DeliveryRecord, type StoredDelivery } from '../../../electron/engine/store/delivery-state';
import type { JournalRecord } from '../../../electron/engine/store/journal';
import { recordLine } from '../../../electron/engine/store/journal-line';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function delivery(n: number, webhookId = 'whk_1'): StoredDelivery {
  return {
    id: `dlv_${n}`,
    webhookId,
    eventId: `evt_${n}`,
    eventType: 'x',
    trigger: 'scheduled',
    status: 'pending',
    createdTime: iso(T0 + n),
    updatedTime: iso(T0 + n),
    nextAttemptTime: iso(T0 + n),
    redeliveryOf: null,
    note: null,
    attempts: [],
  };
}

function attempt(n: number, ok: boolean, status: StoredDelivery['status'], timeMs = T0): DeliveryRecord {
  return {
    op: 'dlv.attempt',
    id: `dlv_${n}`,
    status,
    nextAttemptTime: null,
    note: null,
    attempt: {
      attempt: 1,
      time: iso(timeMs),
      ok,
      request: { method: 'POST', url: 'http://127.0.0.1:1/', headers: {}, body: '{}' },
      response: ok ? { status: 200, headers: {}, body: '' } : null,
      error: ok ? null : 'refused',
      durationMs: 1,
      validators: [],
    },
  };
}

/** Typed apply: the records a test writes are delivery records. */
const apply = (state: DeliveryState, record: DeliveryRecord): void => state.apply(record);

describe('DeliveryState (deliveries and webhook runtime in the journal)', () => {
  it('derives FAILED from the fifth consecutive failed attempt; a success in between resets the count', () => {
    const state = new DeliveryState(100);
    for (let n = 1; n <= 10; n += 1) apply(state, { op: 'dlv.put', delivery: delivery(n) });
    for (const n of [1, 2, 3, 4]) state.apply(attempt(n, false, 'failed'));
    state.apply(attempt(5, true, 'succeeded', T0 + 60_000));
    expect(state.runtimeOf('whk_1')).toMatchObject({ failed: false, consecutiveFailures: 0, lastSuccessMs: T0 + 60_000 });
    for (const n of [6, 7, 8, 9]) state.apply(attempt(n, false, 'failed'));
    expect(state.runtimeOf('whk_1').failed).toBe(false);
    state.apply(attempt(10, false, 'held'));
    expect(state.runtimeOf('whk_1')).toMatchObject({ failed: true, consecutiveFailures: 5 });
    apply(state, { op: 'whk.restart', webhookId: 'whk_1' });
    expect(state.runtimeOf('whk_1')).toMatchObject({ failed: false, consecutiveFailures: 0 });
    expect(state.runtimeOf('whk_1').hourly[String(Math.floor(T0 / 3_600_000))]).toEqual({ succeeded: 1, failed: 9 });
  });

  it('keeps every unfinished delivery and at least the newest finished ones, trimming at twice the cap', () => {
    const state = new DeliveryState(3);
    for (let n = 1; n <= 8; n += 1) apply(state, { op: 'dlv.put', delivery: delivery(n) });
    for (const n of [1, 2, 3, 4, 5]) apply(state, attempt(n, true, 'succeeded'));
    expect(state.ofWebhook('whk_1')).toHaveLength(8);
    apply(state, attempt(6, true, 'succeeded'));
    expect(state.ofWebhook('whk_1').map((d) => d.id)).toEqual(['dlv_8', 'dlv_7', 'dlv_6', 'dlv_5', 'dlv_4']);
    apply(state, attempt(7, false, 'failed'));
    expect(state.ofWebhook('whk_1').map((d) => d.id)).toEqual(['dlv_8', 'dlv_7', 'dlv_6', 'dlv_5', 'dlv_4']);
    expect(state.unfinished().map((d) => d.id)).toEqual(['dlv_8']);
    expect(state.get('dlv_3')).toBeUndefined();
  });

  it('a snapshot taken before later attempts, replayed with them, gives the live state (compaction beside appends)', () => {
    const state = new DeliveryState(100);
    apply(state, { op: 'dlv.put', delivery: delivery(1) });
    const snapshot = state.snapshot();
    const later = attempt(1, false, 'pending');
    apply(state, later);
    const rebuilt = new DeliveryState(100);
    for (const record of [...snapshot, later]) rebuilt.apply(record);
    expect(rebuilt.ofWebhook('whk_1')).toEqual(state.ofWebhook('whk_1'));
    expect(rebuilt.get('dlv_1')?.attempts).toHaveLength(1);
    expect(rebuilt.runtimeOf('whk_1')).toEqual(state.runtimeOf('whk_1'));
  });

  it('a snapshot writes each delivery as it was when taken, also when it changes before its line is written (copy on write)', () => {
    const state = new DeliveryState(100);
    for (const n of [1, 2, 3]) apply(state, { op: 'dlv.put', delivery: delivery(n) });
    const snapshot = state.snapshot();
    const lineOf = (id: string): StoredDelivery => {
      const record = snapshot.find((r) => (r as { delivery?: StoredDelivery }).delivery?.id === id) as JournalRecord;
      const line = recordLine(record);
      if (!line.ok) throw new Error(line.reason);
      return (JSON.parse(line.text) as { delivery: StoredDelivery }).delivery;
    };
    // dlv_1's line is written first; then all three change; then dlv_2's and dlv_3's lines are written.
    const first = lineOf('dlv_1');
    state.apply(attempt(1, true, 'succeeded'));
    state.apply(attempt(2, false, 'pending'));
    apply(state, { op: 'dlv.status', id: 'dlv_3', status: 'held', nextAttemptTime: null, note: 'held', time: iso(T0 + 5) });
    expect(first).toMatchObject({ status: 'pending', attempts: [] });
    expect(lineOf('dlv_2')).toMatchObject({ status: 'pending', attempts: [] });
    expect(lineOf('dlv_3')).toMatchObject({ status: 'pending', note: null });
    // The live state has every change.
    expect(state.get('dlv_1')).toMatchObject({ status: 'succeeded', attempts: [{ ok: true }] });
    expect(state.get('dlv_2')?.attempts).toHaveLength(1);
    expect(state.get('dlv_3')).toMatchObject({ status: 'held', note: 'held' });
    // Replaying the written lines and the later records gives the live state.
    const rebuilt = new DeliveryState(100);
    for (const id of ['dlv_1', 'dlv_2', 'dlv_3']) rebuilt.apply({ op: 'dlv.put', delivery: id === 'dlv_1' ? first : lineOf(id) } as DeliveryRecord);
    rebuilt.apply(attempt(1, true, 'succeeded'));
    rebuilt.apply(attempt(2, false, 'pending'));
    apply(rebuilt, { op: 'dlv.status', id: 'dlv_3', status: 'held', nextAttemptTime: null, note: 'held', time: iso(T0 + 5) });
    expect(rebuilt.ofWebhook('whk_1')).toEqual(state.ofWebhook('whk_1'));
  });

  it('rebuilds exactly from its own snapshot (compaction)', () => {
    const state = new DeliveryState(100);
    for (let n = 1; n <= 3; n += 1) apply(state, { op: 'dlv.put', delivery: delivery(n, n === 3 ? 'whk_2' : 'whk_1') });
    state.apply(attempt(1, false, 'pending'));
    apply(state, { op: 'dlv.status', id: 'dlv_2', status: 'held', nextAttemptTime: null, note: 'held', time: iso(T0) });
    const copy = new DeliveryState(100);
    for (const record of state.snapshot()) copy.apply(record);
    expect(copy.ofWebhook('whk_1')).toEqual(state.ofWebhook('whk_1'));
    expect(copy.ofWebhook('whk_2')).toEqual(state.ofWebhook('whk_2'));
    expect(copy.runtimeOf('whk_1')).toEqual(state.runtimeOf('whk_1'));
    apply(copy, { op: 'whk.drop', webhookId: 'whk_1' });
    expect(copy.ofWebhook('whk_1')).toEqual([]);
    expect(copy.get('dlv_1')).toBeUndefined();
  });
});
