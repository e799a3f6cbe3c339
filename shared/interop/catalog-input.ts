import type { DispatchEvent } from '../events/dispatch-event';
import type { JsonSchema } from '../inference/json-schema';
import { isSensitiveHeader } from '../schemas/webhook-mask';
import type { ResponseValidator, WebhookConfig, WebhookEvents } from '../schemas/webhook';

/**
 * What the event catalogs (OpenAPI 3.1 webhooks, AsyncAPI 3) are built from. The engine gathers it;
 * the builders are pure. Webhooks come in as `CatalogWebhook`, which holds no secret value at all
 * (only whether there is one), so no catalog can leak one.
 */
export interface CatalogInput {
  /** Base URL of the management API (the envelope's `entityUrl` in examples). */
  apiBaseUrl: string;
  /** Known event types, any order (the builders sort them). */
  eventTypes: CatalogEventType[];
  webhooks: CatalogWebhook[];
}

export interface CatalogEventType {
  type: string;
  /** `system`: raised by Hookdesk itself (goes only to webhooks that name it). */
  origin: 'received' | 'system';
  /** The inferred schema of its bodies on each connector that saw it (draft 2020-12, as `/connectors/:id/schemas` answers). */
  inferred: { connectorName: string; schema: JsonSchema }[];
  /** The event the examples are rendered from: the latest stored one of the type, else a mock. */
  sample: DispatchEvent;
}

/** A custom header: its value, or null when it is a credential (never copied). */
export interface CatalogHeader {
  name: string;
  value: string | null;
}

export type CatalogAuth =
  | { type: 'none' }
  | { type: 'basic' }
  | { type: 'bearer' }
  | { type: 'apiKey'; header: string }
  | { type: 'oauth2'; tokenUrl: string; scopes: string[] };

export interface CatalogWebhook {
  id: string;
  name: string;
  method: WebhookConfig['method'];
  contentType: WebhookConfig['contentType'];
  includeEntity: boolean;
  bodyTemplate: string | null;
  jsonPayloadEnabled: boolean;
  events: WebhookEvents;
  signature: WebhookConfig['signature'];
  /** Whether a signing secret is set: the signature headers are sent only then. */
  signed: boolean;
  auth: CatalogAuth;
  headers: CatalogHeader[];
  timeoutSeconds: number;
  validators: ResponseValidator[];
}

/** A value that names a `${VAR}`: resolved only when sent, so the catalog shows no value for it. */
function holdsVariable(value: string): boolean {
  return /(^|[^$])\$\{/.test(value);
}

/**
 * The catalog's view of a stored webhook: secret, credentials, credential-like header values and
 * values from `${VAR}` references dropped here, once, before any builder sees the webhook.
 */
export function catalogWebhookOf(config: WebhookConfig & { id: string; name: string }): CatalogWebhook {
  return {
    id: config.id,
    name: config.name,
    method: config.method,
    contentType: config.contentType,
    includeEntity: config.includeEntity,
    bodyTemplate: config.bodyTemplate,
    jsonPayloadEnabled: config.jsonPayloadEnabled,
    events: config.events,
    signature: config.signature,
    signed: config.secret !== null && config.secret !== '',
    auth: catalogAuthOf(config.auth),
    headers: Object.entries(config.headers).map(([name, value]) => ({ name, value: isSensitiveHeader(name) || holdsVariable(value) ? null : value })),
    timeoutSeconds: config.timeoutSeconds,
    validators: config.validators,
  };
}

function catalogAuthOf(auth: WebhookConfig['auth']): CatalogAuth {
  switch (auth.type) {
    case 'none':
    case 'basic':
    case 'bearer':
      return { type: auth.type };
    case 'apiKey':
      return { type: 'apiKey', header: auth.header };
    case 'oauth2':
      return { type: 'oauth2', tokenUrl: holdsVariable(auth.tokenUrl) ? '' : auth.tokenUrl, scopes: auth.scopes ?? [] };
  }
}
