import { JSONPath } from 'jsonpath-plus';
import { GENERIC, type EventHeaders } from './data-source';

/** Longest `type` kept; longer ones are cut. */
export const MAX_TYPE_LENGTH = 200;

/** Top-level fields tried in order when no per-connector path finds a type. */
export const DEFAULT_TYPE_FIELDS = ['event_type', 'eventType', 'type', 'event', 'action'] as const;

function asType(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.slice(0, MAX_TYPE_LENGTH);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function objectOf(body: unknown): Record<string, unknown> | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

/** The first scalar a JSONPath finds in `body`, or null (also for a path that does not parse). */
export function typeAtPath(body: unknown, path: string): string | null {
  if (typeof body !== 'object' || body === null) return null;
  try {
    const found: unknown[] = JSONPath({ path, json: body, wrap: true, eval: 'safe' }) ?? [];
    for (const value of found) {
      const type = asType(value);
      if (type !== null) return type;
    }
  } catch {
    // A path that does not parse finds nothing; the defaults apply.
  }
  return null;
}

/** The type a known sender puts in its own header or field. */
function senderType(dataSource: string, headers: EventHeaders, body: Record<string, unknown> | null): string | null {
  switch (dataSource) {
    case 'GitHub': {
      const event = asType(headers['x-github-event']);
      const action = asType(body?.action);
      if (event !== null && action !== null) return `${event}.${action}`.slice(0, MAX_TYPE_LENGTH);
      return event;
    }
    case 'CloudEvents':
      return asType(headers['ce-type']) ?? asType(body?.type);
    case 'AWS SNS':
      return asType(headers['x-amz-sns-message-type']) ?? asType(body?.Type);
    case 'Shopify':
      return asType(headers['x-shopify-topic']);
    case 'GitLab':
      return asType(body?.object_kind) ?? asType(headers['x-gitlab-event']);
    case 'Jira':
      return asType(body?.webhookEvent);
    case 'Slack':
      return asType(objectOf(body?.event)?.type);
    default:
      return null;
  }
}

/**
 * An event's `type`: the connector's JSONPath when it finds a value, else what the sender's own
 * convention says, else the first of the usual top-level fields, else "generic". Pure.
 */
export function discoverType(dataSource: string, headers: EventHeaders, body: unknown, typePath: string | null): string {
  if (typePath !== null) {
    const type = typeAtPath(body, typePath);
    if (type !== null) return type;
  }
  const object = objectOf(body);
  const fromSender = senderType(dataSource, headers, object);
  if (fromSender !== null) return fromSender;
  if (object !== null) {
    for (const name of DEFAULT_TYPE_FIELDS) {
      const type = asType(object[name]);
      if (type !== null) return type;
    }
  }
  return GENERIC;
}
