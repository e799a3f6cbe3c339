import { describe, expect, it } from 'vitest';
import { FAULT_TOKEN } from './support/engine-process';
import { engineStarter } from './support/engines';
import { anyFileContains, journalBytes, until } from './support/files';
import { deepObject } from './support/malformed';
import { openSse } from './support/sse';

/**
 * Poison inputs at ingest (issue 11): each was found to crash the engine or poison later reads.
 * The fixed behaviour: the item is kept (as raw bytes with a note when over the depth bound),
 * acknowledged once, and every later read, the stream and compaction keep working.
 */
const DEEP = deepObject(10_000); // 60 kB of {"a": ... }, under the 64 kB --max-body

describe('poison inputs at ingest', () => {
  const start = engineStarter();

  it('deep JSON sent to a capture URL: stored, answered, and the engine stays up', async () => {
    const e = await start();
    const c = await e.createConnector();
    const answer = await e.request({ method: 'POST', path: c.capturePath, headers: { 'content-type': 'application/json' }, body: DEEP });
    expect(answer.status).toBe(200);
    expect(e.alive).toBe(true);
    expect(await e.probe()).toBeLessThan(2_000);
    const list = await e.api('GET', `/events?connectorId=${c.id}`);
    expect(list.status).toBe(200);
    const items = (list.json as { items: { id: string; bodyBase64?: string }[] }).items;
    expect(items).toHaveLength(1);
    // The exact bytes are kept, whatever happens to the parsed view.
    expect(Buffer.from(items[0]!.bodyBase64 ?? '', 'base64').toString('utf8')).toBe(DEEP);
    expect((await e.api('GET', `/events/${items[0]!.id}`)).status).toBe(200);
    expect(await e.stop()).toBe(0);
    const again = await start({ dataDir: e.dataDir });
    expect((await again.api('GET', `/events/${items[0]!.id}`)).status).toBe(200);
  });

  it('deep JSON pushed: acknowledged once; every list and read afterwards answers 200, also after a restart', async () => {
    const e = await start();
    const c = await e.createConnector();
    const answer = await e.push(c, DEEP);
    expect(answer.status).toBe(200);
    const ids = (answer.json as { ids: string[] }).ids;
    expect(ids).toHaveLength(1);
    expect(e.alive).toBe(true);
    expect((await e.api('GET', '/events')).status).toBe(200);
    expect((await e.api('GET', `/events?connectorId=${c.id}&q=a`)).status).toBe(200);
    expect((await e.api('GET', `/events/${ids[0]}`)).status).toBe(200);
    expect((await e.api('GET', `/connectors/${c.id}/schemas`)).status).toBe(200);
    expect(await e.stop()).toBe(0);
    const again = await start({ dataDir: e.dataDir });
    const list = await again.api('GET', `/events?connectorId=${c.id}`);
    expect(list.status).toBe(200);
    expect((list.json as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(ids);
  });

  it('deep JSON pushed while a live-stream client is connected: 200 and stored exactly once', async () => {
    const e = await start();
    const c = await e.createConnector();
    const stream = await openSse(e.url, FAULT_TOKEN);
    try {
      const answer = await e.push(c, DEEP);
      expect(answer.status).toBe(200);
      const [id] = (answer.json as { ids: string[] }).ids;
      // The stream still works: a good event pushed afterwards reaches it.
      const good = await e.push(c, JSON.stringify({ type: 'after.poison' }));
      expect(good.status).toBe(200);
      await stream.waitFor('after.poison');
      const list = await e.api('GET', `/events?connectorId=${c.id}`);
      expect(list.status).toBe(200);
      expect((list.json as { items: { id: string }[] }).items.filter((i) => i.id === id)).toHaveLength(1);
      expect((list.json as { total: number }).total).toBe(2);
    } finally {
      stream.close();
    }
    expect(e.alive).toBe(true);
  });

  it('a push carrying both API_KEY and api-key stores neither key (API, stream, files)', async () => {
    const e = await start();
    const c = await e.createConnector();
    const decoy = 'second-key-that-must-not-be-stored-7f3a';
    const stream = await openSse(e.url, FAULT_TOKEN);
    try {
      const answer = await e.request({
        method: 'POST',
        path: '/api/1.0/webhook/push',
        headers: [
          ['content-type', 'application/json'],
          ['API_KEY', c.apiKey],
          ['api-key', decoy],
        ],
        body: JSON.stringify({ type: 'two.keys' }),
      });
      expect(answer.status).toBe(200);
      const [id] = (answer.json as { ids: string[] }).ids;
      await stream.waitFor('two.keys');
      const read = await e.api('GET', `/events/${id}`);
      expect(read.text).not.toContain(decoy);
      expect(read.text).not.toContain(c.apiKey);
      expect(stream.text()).not.toContain(decoy);
      expect(stream.text()).not.toContain(c.apiKey);
    } finally {
      stream.close();
    }
    expect(await e.stop()).toBe(0);
    expect(await anyFileContains(e.dataDir, decoy)).toBeNull();
    expect(await anyFileContains(e.dataDir, c.apiKey)).toBeNull();
  });

  it('compaction still runs while a poison event is live: the journal shrinks to the live events', async () => {
    const e = await start();
    const poisonConnector = await e.createConnector();
    const busy = await e.createConnector({ retention: 100 });
    const poison = await e.push(poisonConnector, DEEP);
    expect(poison.status).toBe(200);
    const [poisonId] = (poison.json as { ids: string[] }).ids;
    // 21,000 events on a connector keeping 100: past the journal's 20,000-record slack, so a
    // compaction must run (and, with the poison event live, must not fail).
    const batch = (n: number): string => JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ type: 'busy', n, i, pad: 'x'.repeat(200) })));
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let n = next++; n < 420; n = next++) {
          const answer = await e.push(busy, batch(n));
          expect(answer.status).toBe(200);
        }
      }),
    );
    // Without compaction the journal would hold all 21,000 records (over 5 MB).
    await until(async () => (await journalBytes(e.dataDir)) < 1024 * 1024, 'compaction to shrink the journal below 1 MiB', 30_000);
    expect(e.alive).toBe(true);
    expect((await e.api('GET', `/events/${poisonId}`)).status).toBe(200);
    expect(await e.stop()).toBe(0);
    const again = await start({ dataDir: e.dataDir });
    expect((await again.api('GET', `/events/${poisonId}`)).status).toBe(200);
    const busyList = await again.api('GET', `/events?connectorId=${busy.id}&pageSize=1`);
    expect((busyList.json as { total: number }).total).toBe(100);
  });
});
