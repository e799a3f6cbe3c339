import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import { ConnectorAnnouncer } from '../../../electron/engine/ingest/connector-announcer';
import { nextStatusChangeAt, statusAt } from '../../../electron/engine/ingest/connector-status';
import { StatusWatcher } from '../../../electron/engine/ingest/status-watcher';
import type { ConnectorStatus } from '../../../shared/schemas/connector';

const HOUR = 3_600_000;

describe('statusAt and nextStatusChangeAt', () => {
  it('follow OFFLINE, ACTIVE, IDLE at 12 h, NOT_RECEIVING_DATA at 24 h', () => {
    expect(statusAt(null, 0)).toBe('OFFLINE');
    expect(statusAt(0, 12 * HOUR - 1)).toBe('ACTIVE');
    expect(statusAt(0, 12 * HOUR)).toBe('IDLE');
    expect(statusAt(0, 24 * HOUR - 1)).toBe('IDLE');
    expect(statusAt(0, 24 * HOUR)).toBe('NOT_RECEIVING_DATA');
    expect(nextStatusChangeAt(null, 5)).toBeNull();
    expect(nextStatusChangeAt(0, 1)).toBe(12 * HOUR);
    expect(nextStatusChangeAt(0, 12 * HOUR)).toBe(24 * HOUR);
    expect(nextStatusChangeAt(0, 24 * HOUR)).toBeNull();
  });
});

describe('StatusWatcher', () => {
  function setup() {
    const clock = new ManualClock(0);
    const last = new Map<string, number>();
    const changes: [string, ConnectorStatus, ConnectorStatus][] = [];
    const watcher = new StatusWatcher(clock, (id) => last.get(id) ?? null, (id, status, previous) => changes.push([id, status, previous]));
    const receive = (id: string): boolean => {
      last.set(id, clock.now());
      return watcher.eventsArrived(id);
    };
    return { clock, watcher, changes, receive };
  }

  it('announces each change once, at the moment it happens', () => {
    const { clock, watcher, changes, receive } = setup();
    watcher.track('c');
    expect(watcher.statusOf('c')).toBe('OFFLINE');
    expect(receive('c')).toBe(true);
    expect(receive('c')).toBe(false);
    clock.advance(12 * HOUR - 1);
    expect(changes).toEqual([['c', 'ACTIVE', 'OFFLINE']]);
    clock.advance(1);
    expect(watcher.statusOf('c')).toBe('IDLE');
    clock.advance(12 * HOUR);
    expect(changes.map((c) => c[1])).toEqual(['ACTIVE', 'IDLE', 'NOT_RECEIVING_DATA']);
    clock.advance(1000 * HOUR);
    expect(changes).toHaveLength(3);
  });

  it('follows the last event without re-arming on every event', () => {
    const { clock, watcher, changes, receive } = setup();
    watcher.track('c');
    receive('c');
    for (let h = 0; h < 30; h += 1) {
      clock.advance(HOUR);
      receive('c');
    }
    expect(changes.map((c) => c[1])).toEqual(['ACTIVE']);
    clock.advance(12 * HOUR);
    expect(changes.map((c) => c[1])).toEqual(['ACTIVE', 'IDLE']);
  });

  it('stops watching forgotten connectors', () => {
    const { clock, watcher, changes, receive } = setup();
    watcher.track('c');
    receive('c');
    watcher.forget('c');
    clock.advance(48 * HOUR);
    expect(changes).toHaveLength(1);
  });
});

describe('ConnectorAnnouncer', () => {
  it('sends the first count change at once and folds the rest of the window into one', () => {
    const clock = new ManualClock(0);
    const sent: string[] = [];
    const announcer = new ConnectorAnnouncer(clock, (id) => sent.push(`${id}@${clock.now()}`), 250);
    announcer.soon('a');
    announcer.soon('a');
    announcer.soon('b');
    clock.advance(100);
    announcer.soon('a');
    expect(sent).toEqual(['a@0', 'b@0']);
    clock.advance(150);
    expect(sent).toEqual(['a@0', 'b@0', 'a@250']);
    clock.advance(1000);
    announcer.soon('a');
    expect(sent.at(-1)).toBe('a@1250');
  });

  it('sends urgent changes at once, replacing a pending count announcement', () => {
    const clock = new ManualClock(0);
    const sent: number[] = [];
    const announcer = new ConnectorAnnouncer(clock, () => sent.push(clock.now()), 250);
    announcer.soon('a');
    announcer.soon('a');
    clock.advance(10);
    announcer.now('a');
    clock.advance(1000);
    expect(sent).toEqual([0, 10]);
  });
});
