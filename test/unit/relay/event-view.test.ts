import { describe, expect, it } from 'vitest';
import { toEventView } from '../../../electron/engine/relay/event-view';
import { eventBodyBytes } from '../../../electron/engine/relay/replay-request';
import { sseMessage } from '../../../electron/engine/server/sse-message';
import { HookdeskError } from '../../../shared/errors';
import { depthNote } from '../../../shared/json/bounded-json';
import type { HookEvent } from '../../../shared/schemas/event';

/** A value nested `n` objects deep, built in code (as older data on disk could hold). */
function deepValue(n: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < n; i += 1) value = { a: value };
  return value;
}

function event(body: unknown, extra: Partial<HookEvent> = {}): HookEvent {
  return {
    id: 'evt_1',
    connectorId: 'con_1',
    source: 'push',
    dataSource: 'generic',
    type: 'x',
    receivedTime: '2026-01-01T00:00:00.000Z',
    headers: {},
    body,
    size: 1,
    remoteAddress: null,
    ...extra,
  };
}

describe('event view of a body nested deeper than the bound (older data)', () => {
  it('shows the body as null with the note, and leaves the stored event as it is', () => {
    const stored = event(deepValue(10_000));
    const view = toEventView(stored);
    expect(view.body).toBeNull();
    expect(view.bodyNote).toBe(depthNote());
    expect(view.forward).toBeNull();
    expect(() => JSON.stringify(view)).not.toThrow();
    expect(stored.body).not.toBeNull();
  });

  it('shows an ordinary body as it is', () => {
    const body = { a: [1, { b: 2 }] };
    expect(toEventView(event(body)).body).toBe(body);
    expect(toEventView(event(body)).bodyNote).toBeUndefined();
  });

  it('a replay cannot rebuild such a body: a 400 naming the body, with the reason, not a crash', () => {
    let caught: unknown;
    try {
      eventBodyBytes(event(deepValue(10_000)));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HookdeskError);
    expect((caught as HookdeskError).status).toBe(400);
    expect((caught as HookdeskError).message).toMatch(/nested deeper than/);
    // Kept bytes are sent as they are, whatever the parsed body.
    expect(eventBodyBytes(event(null, { bodyBase64: Buffer.from('{"a":1}').toString('base64') })).toString()).toBe('{"a":1}');
  });
});

describe('stream messages', () => {
  it('are written as event and data lines, and left out (null) when their data cannot be JSON', () => {
    expect(sseMessage('event.received', { id: 1 })).toBe('event: event.received\ndata: {"id":1}\n\n');
    expect(sseMessage('event.received', deepValue(10_000))).toBeNull();
  });
});
