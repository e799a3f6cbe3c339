import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push } from './inbound-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('retention and stats', () => {
  // 2026-03-10 10:30 UTC
  const clock = new ManualClock(Date.UTC(2026, 2, 10, 10, 30, 0));
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({}, { clock });
  });
  afterAll(() => t.dispose());

  it('keeps only the newest events past the cap; counts and stats are unaffected', async () => {
    const c = await createConnector(t.client, { name: 'Capped' });
    expect(c.retention).toBe(10_000);
    await push(c.pushUrl, c.apiKey, Array.from({ length: 8 }, (_, n) => ({ n })));
    expect((await t.client.listEvents({ connectorId: c.id })).items).toHaveLength(8);

    const patched = await t.client.updateConnector(c.id, { retention: 5 });
    expect(patched).toMatchObject({ retention: 5, eventCount: 8 });
    const kept = (await t.client.listEvents({ connectorId: c.id })).items;
    expect(kept.map((e) => (e.body as { n: number }).n)).toEqual([7, 6, 5, 4, 3]);

    await push(c.pushUrl, c.apiKey, [{ n: 8 }, { n: 9 }]);
    const after = (await t.client.listEvents({ connectorId: c.id })).items;
    expect(after.map((e) => (e.body as { n: number }).n)).toEqual([9, 8, 7, 6, 5]);
    expect((await t.client.getConnector(c.id)).eventCount).toBe(10);
    const stats = await t.client.connectorStats(c.id, '24h');
    expect(stats.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(10);

    // Trimmed stays trimmed after a restart; counts stay too.
    t = await t.restart();
    expect((await t.client.listEvents({ connectorId: c.id })).items).toHaveLength(5);
    expect((await t.client.getConnector(c.id)).eventCount).toBe(10);
  });

  it('refuses a retention below 1 with 400 validation_failed', async () => {
    const c = await createConnector(t.client, { name: 'Bad cap' });
    await expect(t.client.updateConnector(c.id, { retention: 0 })).rejects.toMatchObject({ status: 400, code: 'validation_failed', fields: { retention: expect.any(String) } });
  });

  it('answers 24 hourly buckets and 7 daily buckets, from counters', async () => {
    const c = await createConnector(t.client, { name: 'Charted' });
    const start = clock.now();
    await push(c.pushUrl, c.apiKey, [{ a: 1 }, { a: 2 }]); // day 0, 10:xx
    clock.advance(3 * HOUR); // 13:30
    await push(c.pushUrl, c.apiKey, { a: 3 });
    clock.advance(2 * DAY); // two days later, 13:30
    await push(c.pushUrl, c.apiKey, [{ a: 4 }, { a: 5 }, { a: 6 }]);
    clock.advance(30 * 60_000); // 14:00 of that day

    const hourly = await t.client.connectorStats(c.id, '24h');
    expect(hourly.range).toBe('24h');
    expect(hourly.buckets).toHaveLength(24);
    const last = hourly.buckets.at(-1);
    expect(last?.start).toBe(new Date(Date.UTC(2026, 2, 12, 14, 0, 0)).toISOString());
    expect(hourly.buckets.at(0)?.start).toBe(new Date(Date.UTC(2026, 2, 11, 15, 0, 0)).toISOString());
    expect(hourly.buckets.find((b) => b.start === new Date(Date.UTC(2026, 2, 12, 13, 0, 0)).toISOString())?.count).toBe(3);
    expect(hourly.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3);

    const daily = await t.client.connectorStats(c.id, '7d');
    expect(daily.range).toBe('7d');
    expect(daily.buckets).toHaveLength(7);
    expect(daily.buckets.at(-1)).toEqual({ start: '2026-03-12T00:00:00.000Z', count: 3 });
    expect(daily.buckets.at(-3)).toEqual({ start: new Date(Math.floor(start / DAY) * DAY).toISOString(), count: 3 });
    expect(daily.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(6);

    // Clearing the stored events changes neither counts nor stats.
    await t.client.clearEvents(c.id);
    expect((await t.client.getConnector(c.id)).eventCount).toBe(6);
    expect(await t.client.connectorStats(c.id, '7d')).toEqual(daily);
  });

  it('answers 24h by default and refuses an unknown range', async () => {
    const c = await createConnector(t.client, { name: 'Ranges' });
    const res = await fetch(`${t.url}/api/v1/connectors/${c.id}/stats`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(((await res.json()) as { range: string; buckets: unknown[] }).buckets).toHaveLength(24);
    const bad = await fetch(`${t.url}/api/v1/connectors/${c.id}/stats?range=1y`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({ code: 'validation_failed', fields: { range: expect.any(String) } });
  });
});
