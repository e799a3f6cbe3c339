import { isSystemEventType, type DispatchEvent } from './events/dispatch-event';
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
    id: input.id ?? 'evt_0mock0000000000000',
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
