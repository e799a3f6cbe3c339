import type { StoredDelivery } from '../../../electron/engine/store/delivery-state';
import { openStore, type Store } from '../../../electron/engine/store/open-store';
import type { HookEvent } from '../../../shared/schemas/event';

/** Shared by the store hardening tests: events, deliveries and over-deep values built in code. */

let seq = 0;

export function anEvent(overrides: Partial<HookEvent> = {}): HookEvent {
  seq += 1;
  return {
    id: `evt_${String(seq).padStart(6, '0')}`,
    connectorId: 'con_a',
    source: 'push',
    dataSource: 'generic',
    type: 'order.created',
    receivedTime: '2026-01-01T12:00:00.000Z',
    headers: {},
    body: { n: seq },
    size: 10,
    remoteAddress: '127.0.0.1',
    ...overrides,
  };
}

export function aDelivery(id: string, eventId: string): StoredDelivery {
  return {
    id,
    webhookId: 'whk_1',
    eventId,
    eventType: 'order.created',
    trigger: 'scheduled',
    status: 'pending',
    createdTime: '2026-01-01T12:00:00.000Z',
    updatedTime: '2026-01-01T12:00:00.000Z',
    nextAttemptTime: '2026-01-01T12:00:00.000Z',
    redeliveryOf: null,
    note: null,
    attempts: [],
  };
}

/** `{"a":{"a":...1}}` `levels` deep, built without recursion (as a hostile body parses to). */
export function deepObject(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < levels; i += 1) value = { a: value };
  return value;
}

export const deepText = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** A store over a temp data dir; `logs` collects what it logs. */
export async function storeIn(dataDir: string, logs: string[], options: { recover?: boolean; compactSlack?: number } = {}): Promise<Store> {
  return openStore({
    dataDir,
    recover: options.recover ?? false,
    nowMs: () => Date.UTC(2026, 0, 2),
    log: (line) => logs.push(line),
    ...(options.compactSlack === undefined ? {} : { compactSlack: options.compactSlack }),
  });
}
