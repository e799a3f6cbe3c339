import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../shared/schemas/event';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';

describe('events API and live stream', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('streams event.received to a subscriber once the event is stored', async () => {
    const received: HookEvent[] = [];
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    let got: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (got = resolve));
    const sub = t.client.stream({
      onOpen: opened,
      onMessage: (name, data) => {
        if (name === 'event.received') {
          received.push(data as HookEvent);
          got();
        }
      },
    });
    await open;
    const published = await t.client.publishEvent({ type: 'stream.check', severity: 'high', entity: { id: 7 } });
    await arrived;
    sub.close();
    expect(received[0]).toMatchObject({ id: published.id, type: 'stream.check', severity: 'high' });
    expect(await t.client.getEvent(published.id)).toEqual(published);
  });

  it('answers 404 not_found for an unknown event id', async () => {
    await expect(t.client.getEvent('evt_missing')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('clears synthetic events with DELETE /events', async () => {
    await t.client.publishEvent({ type: 'to.clear' });
    await t.client.clearEvents();
    expect((await t.client.listEvents()).items).toEqual([]);
  });

  it('keeps published events across an engine restart', async () => {
    const event = await t.client.publishEvent({ type: 'durable.one' });
    t = await t.restart();
    expect(await t.client.getEvent(event.id)).toMatchObject({ type: 'durable.one' });
  });
});
