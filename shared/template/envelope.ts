import type { DispatchEvent } from '../events/dispatch-event';
import { isLosslessNumber, parseLossless } from '../json/lossless-json';

/** The default payload when a webhook has no template (Etlworks-style), in this key order. */
export interface WebhookEnvelope {
  eventId: string;
  eventType: string;
  webhookId: string;
  entityId: string;
  entity?: unknown;
  entityUrl: string;
  timestamp: string;
}

/**
 * The event's entity: its body, or with `jsonPayloadEnabled` the JSON held in a string body, parsed
 * with its numbers as written (within the depth bound: a string that does not parse, or nests too
 * deep, stays a string). Pass an event through `withLosslessBody` first to keep the digits of a
 * parsed body too.
 */
export function entityOf(event: Pick<DispatchEvent, 'body'>, jsonPayloadEnabled: boolean): unknown {
  if (!jsonPayloadEnabled || typeof event.body !== 'string') return event.body;
  const parsed = parseLossless(event.body);
  return parsed.ok ? parsed.value : event.body;
}

/** The entity's own `id` when it has a string or number one (as the sender wrote it), else the event id. */
export function entityIdOf(event: Pick<DispatchEvent, 'id'>, entity: unknown): string {
  if (typeof entity === 'object' && entity !== null && !isLosslessNumber(entity) && Object.hasOwn(entity, 'id')) {
    const id = (entity as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number' || isLosslessNumber(id)) return String(id);
  }
  return event.id;
}

/** encodeURIComponent that cannot throw: a lone surrogate (a sender can put one in an id) becomes U+FFFD. */
function encodePart(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** The management API URL that returns the entity: the connector or webhook for system events, else the event. */
export function entityUrlOf(event: Pick<DispatchEvent, 'id' | 'type'>, entityId: string, apiBaseUrl: string): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  if (event.type.startsWith('connector.') && entityId.startsWith('con_')) return `${base}/api/v1/connectors/${encodePart(entityId)}`;
  if (event.type.startsWith('webhook.') && entityId.startsWith('whk_')) return `${base}/api/v1/webhooks/${encodePart(entityId)}`;
  return `${base}/api/v1/events/${encodePart(event.id)}`;
}

export interface EnvelopeInput {
  webhook: { id: string; includeEntity: boolean; jsonPayloadEnabled: boolean };
  event: DispatchEvent;
  /** Base URL of the management API, e.g. `http://127.0.0.1:8787`. */
  apiBaseUrl: string;
}

/** `{eventId, eventType, webhookId, entityId, entity (only with includeEntity), entityUrl, timestamp}`. */
export function buildEnvelope({ webhook, event, apiBaseUrl }: EnvelopeInput): WebhookEnvelope {
  const entity = entityOf(event, webhook.jsonPayloadEnabled);
  const entityId = entityIdOf(event, entity);
  return {
    eventId: event.id,
    eventType: event.type,
    webhookId: webhook.id,
    entityId,
    ...(webhook.includeEntity ? { entity: entity === undefined ? null : entity } : {}),
    entityUrl: entityUrlOf(event, entityId, apiBaseUrl),
    timestamp: event.receivedTime,
  };
}
