import type { HookEvent } from '../schemas/event';

/**
 * What outbound logic needs of an event (a stored `HookEvent` fits as is): matching, rendering,
 * mock events and the test button all take this.
 */
export type DispatchEvent = Pick<HookEvent, 'id' | 'type' | 'dataSource' | 'receivedTime' | 'body' | 'connectorId'> &
  Partial<Pick<HookEvent, 'version' | 'severity' | 'source'>>;

/** Event types Hookdesk raises itself, so that webhooks can notify about integrations. */
export const SYSTEM_EVENT_TYPES = ['connector.status_changed', 'webhook.failed', 'webhook.restarted'] as const;
export type SystemEventType = (typeof SYSTEM_EVENT_TYPES)[number];

export function isSystemEventType(type: string): type is SystemEventType {
  return (SYSTEM_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * What webhooks see of a stored event: for events published through `POST /events`
 * (`{type, version, severity, entity}`), the entity is the payload; others as received.
 */
export function toDispatchEvent(event: HookEvent): DispatchEvent {
  if (event.source !== 'api' || typeof event.body !== 'object' || event.body === null || !('entity' in event.body)) return event;
  return { ...event, body: (event.body as { entity: unknown }).entity };
}
