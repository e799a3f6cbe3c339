import type { HookEvent } from '../schemas/event';

/**
 * What outbound logic needs of an event (a stored `HookEvent` fits as is): matching, rendering,
 * mock events and the test button all take this.
 */
export type DispatchEvent = Pick<HookEvent, 'id' | 'type' | 'dataSource' | 'receivedTime' | 'body' | 'connectorId'> &
  Partial<Pick<HookEvent, 'version' | 'severity' | 'source' | 'bodyJson' | 'bodyBase64'>>;

/**
 * The event with another body. `bodyJson` and `bodyBase64` are the text `body` was parsed from (so
 * that rendering keeps the sender's digits, see shared/template/lossless-body.ts); with a new body
 * they would describe the old one, so they go.
 */
export function withBody<E extends DispatchEvent>(event: E, body: unknown): E {
  const { bodyJson: _json, bodyBase64: _bytes, ...rest } = event;
  return { ...rest, body } as E;
}

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
  return withBody(event, (event.body as { entity: unknown }).entity);
}
