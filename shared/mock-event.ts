import { isSystemEventType, type DispatchEvent } from './events/dispatch-event';
import { randomIdPart } from './ids';
import { systemEventSample, systemEventSeverity } from './events/system-event-samples';

export { sampleFromSchema } from './events/sample-from-schema';
export { systemEventSample } from './events/system-event-samples';
export { templateFieldPaths } from './template/field-paths';

export interface MockEventInput {
  type: string;
  /** ISO time used as the event's `receivedTime` (injected: no clock here). */
  now: string;
  /** A sample body: the latest event of this type, an entity given to the test button, or one from a schema. */
  sample?: unknown;
  id?: string;
  version?: string;
  severity?: string;
  connectorId?: string | null;
  dataSource?: string;
}

/**
 * The id of a built-in sample in previews. Never sent: every test goes out under its own
 * `testEventId()`, since a receiver that deduplicates by id would drop a second test with this one.
 */
export const PREVIEW_EVENT_ID = 'evt_0mock0000000000000';

/**
 * A fresh id for one test request (`X-Hookdesk-Event-Id`, `webhook-id`, the envelope's `eventId`):
 * `evt_test_` + base36 time + 12 random characters, so no two tests share it, none equals a real
 * event's id, and a receiver's log shows which requests were tests.
 */
export function testEventId(nowMs: number): string {
  return `evt_test_${nowMs.toString(36).padStart(9, '0')}${randomIdPart(12)}`;
}

const GENERIC_SAMPLE = (type: string, now: string) => ({
  id: 'mock_0000000000000001',
  type,
  message: 'This is a test event sent by Hookdesk.',
  createdTime: now,
});

/** A mock event of the chosen type for the Send test button: the sample when given, else a built-in one. */
export function mockEvent(input: MockEventInput): DispatchEvent {
  const { type, now } = input;
  const system = isSystemEventType(type);
  const body = input.sample !== undefined ? input.sample : system ? systemEventSample(type, now) : GENERIC_SAMPLE(type, now);
  const status = system && typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
  const severity = input.severity ?? (system ? systemEventSeverity(type, typeof status === 'string' ? status : undefined) : undefined);
  return {
    id: input.id ?? PREVIEW_EVENT_ID,
    type,
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(severity !== undefined ? { severity } : {}),
    connectorId: input.connectorId ?? null,
    dataSource: input.dataSource ?? (system ? 'hookdesk' : 'generic'),
    receivedTime: now,
    body,
    source: system ? 'system' : 'api',
  };
}
