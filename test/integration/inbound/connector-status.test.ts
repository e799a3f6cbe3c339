import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import type { IngestModule } from '../../../electron/engine/ingest/ingest-module';
import type { Connector, ConnectorStatus } from '../../../shared/schemas/connector';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { connectorUpdate, createConnector, openStream, push } from './inbound-helpers';

const HOUR = 3_600_000;

describe('connector status: OFFLINE, ACTIVE, IDLE after 12 h, NOT_RECEIVING_DATA after 24 h', () => {
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 8, 0, 0));
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({}, { clock });
  });
  afterAll(() => t.dispose());

  it('moves with the clock and announces each change on the stream and to listeners', async () => {
    const heard: { id: string; status: ConnectorStatus; previous: ConnectorStatus }[] = [];
    const off = engineIngest(t).onStatusChanged((c, previous) => heard.push({ id: c.id, status: c.status, previous }));
    const c = await createConnector(t.client, { name: 'Watched' });
    expect(c.status).toBe('OFFLINE');
    const stream = await openStream(t.client);

    // Time passing without any event leaves it OFFLINE.
    clock.advance(30 * HOUR);
    expect((await t.client.getConnector(c.id)).status).toBe('OFFLINE');

    expect((await push(c.pushUrl, c.apiKey, { a: 1 })).status).toBe(200);
    const active = await stream.next(connectorUpdate(c.id, (x) => x.status === 'ACTIVE'));
    expect((active.data as Connector).eventCount).toBe(1);
    expect((active.data as Connector).lastEventTime).toBe(new Date(clock.now()).toISOString());
    expect((await t.client.getConnector(c.id)).status).toBe('ACTIVE');

    // An event 6 h later pushes the IDLE moment to 12 h after it.
    clock.advance(6 * HOUR);
    await push(c.pushUrl, c.apiKey, { a: 2 });
    clock.advance(12 * HOUR - 1);
    expect((await t.client.getConnector(c.id)).status).toBe('ACTIVE');
    expect(stream.messages.some(connectorUpdate(c.id, (x) => x.status === 'IDLE'))).toBe(false);
    clock.advance(1);
    await stream.next(connectorUpdate(c.id, (x) => x.status === 'IDLE'));
    expect((await t.client.getConnector(c.id)).status).toBe('IDLE');

    clock.advance(12 * HOUR);
    await stream.next(connectorUpdate(c.id, (x) => x.status === 'NOT_RECEIVING_DATA'));
    expect((await t.client.getConnector(c.id)).status).toBe('NOT_RECEIVING_DATA');

    // Data again: ACTIVE at once.
    await push(c.pushUrl, c.apiKey, { a: 3 });
    await stream.next((m) => connectorUpdate(c.id, (x) => x.status === 'ACTIVE')(m) && stream.messages.indexOf(m) > stream.messages.findIndex(connectorUpdate(c.id, (x) => x.status === 'NOT_RECEIVING_DATA')));
    stream.close();
    off();

    expect(heard.filter((h) => h.id === c.id)).toEqual([
      { id: c.id, status: 'ACTIVE', previous: 'OFFLINE' },
      { id: c.id, status: 'IDLE', previous: 'ACTIVE' },
      { id: c.id, status: 'NOT_RECEIVING_DATA', previous: 'IDLE' },
      { id: c.id, status: 'ACTIVE', previous: 'NOT_RECEIVING_DATA' },
    ]);
  });

  it('coalesces count-only announcements to one per connector per 250 ms', async () => {
    const c = await createConnector(t.client, { name: 'Busy' });
    await push(c.pushUrl, c.apiKey, { first: true }); // OFFLINE -> ACTIVE, announced at once
    const stream = await openStream(t.client);
    for (let i = 0; i < 5; i += 1) await push(c.pushUrl, c.apiKey, { i });
    expect(stream.messages.filter(connectorUpdate(c.id))).toHaveLength(0);
    clock.advance(250);
    const update = await stream.next(connectorUpdate(c.id));
    expect((update.data as Connector).eventCount).toBe(6);
    // After a quiet window the next count change goes out at once.
    clock.advance(1000);
    await push(c.pushUrl, c.apiKey, { late: true });
    const next = await stream.next(connectorUpdate(c.id, (x) => x.eventCount === 7));
    expect((next.data as Connector).status).toBe('ACTIVE');
    stream.close();
  });

  it('computes the status after a restart from the stored last event time', async () => {
    const c = await createConnector(t.client, { name: 'Restarted' });
    await push(c.pushUrl, c.apiKey, { a: 1 });
    t = await t.restart();
    expect((await t.client.getConnector(c.id)).status).toBe('ACTIVE');
    const stream = await openStream(t.client);
    clock.advance(12 * HOUR);
    await stream.next(connectorUpdate(c.id, (x) => x.status === 'IDLE'));
    stream.close();
  });
});

/** The ingest module of a running test engine. */
function engineIngest(engine: TestEngine): IngestModule {
  const found = engine.engine.modules.find((m) => m.name === 'ingest');
  if (!found) throw new Error('no ingest module');
  return found as IngestModule;
}
