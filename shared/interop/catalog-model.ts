import { isSystemEventType } from '../events/dispatch-event';
import type { JsonSchema } from '../inference/json-schema';
import { jsonTextTooDeep, parseBoundedJson } from '../json/bounded-json';
import { selectorNamesSystemEvents } from '../matching/match-event';
import { globMatches } from '../matching/glob';
import { USER_AGENT } from '../outbound/build-request';
import { HOOKDESK_SIGNATURE_HEADER } from '../signing/hookdesk-signature';
import { entityOf } from '../template/envelope';
import { renderRequestBody } from '../template/render-request-body';
import type { CatalogAuth, CatalogEventType, CatalogInput, CatalogWebhook } from './catalog-input';
import { canonicalSchema, schemaOfValue, unionOf, withoutDialect } from './catalog-schema';

/**
 * What a receiver gets for each event type, worked out once for both catalogs: one `CatalogRequest`
 * per webhook that sends the type (the default webhook's when none does), with its method, body
 * schema and example, headers, auth and the answer it expects. Bounded: at most
 * `MAX_CATALOG_EVENT_TYPES` types, `MAX_WEBHOOKS_PER_TYPE` requests a type, examples of at most
 * `MAX_EXAMPLE_BYTES` each and `MAX_EXAMPLE_TOTAL_BYTES` in all; everything sorted, so the same
 * workspace gives the same file.
 */

export const MAX_CATALOG_EVENT_TYPES = 1_000;
export const MAX_WEBHOOKS_PER_TYPE = 50;
export const MAX_EXAMPLE_BYTES = 16 * 1024;
export const MAX_EXAMPLE_TOTAL_BYTES = 4 * 1024 * 1024;
/** Nesting an example may have (it is data copied into the file as is). */
const MAX_EXAMPLE_DEPTH = 64;

export interface CatalogHeaderSpec {
  /** As Hookdesk writes it (`X-Hookdesk-Event-Id`, `webhook-id`). */
  name: string;
  description: string;
  schema: JsonSchema;
  /** A value to show; never a credential. */
  example?: string;
}

export interface CatalogRequest {
  /** The webhook that sends it; null: the defaults a new webhook would send (no webhook sends this type yet). */
  webhook: { id: string; name: string } | null;
  method: 'POST' | 'GET';
  /** Null for GET (no body). */
  contentType: 'application/json' | 'application/x-www-form-urlencoded' | null;
  bodySchema: JsonSchema | null;
  /** Says where the body schema comes from (inferred, template, ...). */
  bodyNote: string;
  /** The body rendered for the type's sample (form bodies as their fields), or why there is none. */
  example: { value: unknown } | { omitted: string } | null;
  headers: CatalogHeaderSpec[];
  auth: CatalogAuth;
  timeoutSeconds: number;
  /** Words on what answer counts as delivered. */
  answer: string;
}

export interface CatalogEntry {
  type: string;
  origin: 'received' | 'system';
  /** Connectors whose bodies the schema was inferred from (sorted names). */
  connectors: string[];
  /** The entity's schema (the event body as webhooks see it). */
  entitySchema: JsonSchema;
  requests: CatalogRequest[];
  /** Webhooks that send the type but are not detailed (past MAX_WEBHOOKS_PER_TYPE). */
  moreWebhooks: number;
}

export interface CatalogModel {
  entries: CatalogEntry[];
  /** Known types left out past MAX_CATALOG_EVENT_TYPES. */
  omittedTypes: number;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Does this webhook send events of this type? (`events` selectors by type; filters and version/severity narrow per event, not per type.) */
export function webhookSendsType(webhook: Pick<CatalogWebhook, 'events'>, type: string, system: boolean): boolean {
  if (system) return webhook.events !== 'all' && webhook.events.some((s) => selectorNamesSystemEvents(s) && globMatches(s.type, type));
  return webhook.events === 'all' || webhook.events.some((s) => globMatches(s.type, type));
}

/** The defaults of `POST /webhooks`: what a webhook created for this type would send. */
const DEFAULT_WEBHOOK: CatalogWebhook = {
  id: 'whk_…',
  name: '(default)',
  method: 'POST',
  contentType: 'application/json',
  includeEntity: true,
  bodyTemplate: null,
  jsonPayloadEnabled: false,
  events: 'all',
  signature: 'hmac-sha1',
  signed: true,
  auth: { type: 'none' },
  headers: [],
  timeoutSeconds: 10,
  validators: [],
};

export function buildCatalogModel(input: CatalogInput): CatalogModel {
  const seen = new Map<string, CatalogEventType>();
  for (const t of input.eventTypes) if (!seen.has(t.type)) seen.set(t.type, t);
  const types = [...seen.values()].sort((a, b) => byCodeUnit(a.type, b.type));
  const kept = types.slice(0, MAX_CATALOG_EVENT_TYPES);
  const webhooks = [...input.webhooks].sort((a, b) => byCodeUnit(a.name, b.name) || byCodeUnit(a.id, b.id));
  const budget = { left: MAX_EXAMPLE_TOTAL_BYTES };
  return {
    entries: kept.map((t) => entryOf(t, webhooks, input.apiBaseUrl, budget)),
    omittedTypes: types.length - kept.length,
  };
}

function entryOf(eventType: CatalogEventType, webhooks: CatalogWebhook[], apiBaseUrl: string, budget: { left: number }): CatalogEntry {
  const system = eventType.origin === 'system' || isSystemEventType(eventType.type);
  const sending = webhooks.filter((w) => webhookSendsType(w, eventType.type, system));
  const detailed = sending.slice(0, MAX_WEBHOOKS_PER_TYPE);
  const entitySchema = eventType.inferred.length > 0 ? unionOf(eventType.inferred.map((i) => withoutDialect(i.schema))) : schemaOfValue(eventType.sample.body);
  const requests =
    detailed.length > 0
      ? detailed.map((w) => requestOf(w, false, eventType, entitySchema, apiBaseUrl, budget))
      : [requestOf(DEFAULT_WEBHOOK, true, eventType, entitySchema, apiBaseUrl, budget)];
  return {
    type: eventType.type,
    origin: system ? 'system' : 'received',
    connectors: [...new Set(eventType.inferred.map((i) => i.connectorName))].sort(byCodeUnit),
    entitySchema: canonicalSchema(entitySchema),
    requests,
    moreWebhooks: sending.length - detailed.length,
  };
}

const STRING: JsonSchema = { type: 'string' };

/** The default body (no template): the envelope, with the entity's schema inside. */
function envelopeSchema(type: string, webhook: CatalogWebhook, entity: JsonSchema, form: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    eventId: { type: 'string', description: 'The event id; the same on every attempt of one delivery (deduplicate by it).' },
    eventType: { type: 'string', const: type },
    webhookId: { type: 'string', description: 'The webhook that sent it.' },
    entityId: { type: 'string', description: "The entity's own `id` when it has one, else the event id." },
    entityUrl: { type: 'string', format: 'uri', description: "The event in Hookdesk's management API." },
    timestamp: { type: 'string', format: 'date-time', description: 'When Hookdesk received the event.' },
  };
  const required = ['eventId', 'eventType', 'webhookId', 'entityId', 'entityUrl', 'timestamp'];
  if (webhook.includeEntity) {
    properties.entity = form
      ? { type: 'string', contentMediaType: 'application/json', contentSchema: entity, description: 'The entity as JSON text (a string entity as it is).' }
      : { ...entity, description: 'The event body as received (the entity of a published event).' };
    required.push('entity');
  }
  return { type: 'object', properties, required };
}

function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    Object.defineProperty(fields, key, { value: key in fields ? `${fields[key]},${value}` : value, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

function formSchema(fields: Record<string, string>): JsonSchema {
  const names = Object.keys(fields).sort(byCodeUnit);
  const properties: Record<string, JsonSchema> = {};
  for (const name of names) Object.defineProperty(properties, name, { value: STRING, enumerable: true, writable: true, configurable: true });
  return { type: 'object', properties, required: names };
}

/** The example, within its bounds and the document's budget. */
function exampleOf(text: string, value: unknown, budget: { left: number }): CatalogRequest['example'] {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_EXAMPLE_BYTES) return { omitted: `The sample body is ${bytes} bytes; examples are kept up to ${MAX_EXAMPLE_BYTES}.` };
  if (bytes > budget.left) return { omitted: `The catalog's examples reached ${MAX_EXAMPLE_TOTAL_BYTES} bytes in all.` };
  budget.left -= bytes;
  return { value };
}

function requestOf(
  webhook: CatalogWebhook,
  isDefault: boolean,
  eventType: CatalogEventType,
  entitySchema: JsonSchema,
  apiBaseUrl: string,
  budget: { left: number },
): CatalogRequest {
  const form = webhook.contentType === 'application/x-www-form-urlencoded';
  const base = {
    webhook: isDefault ? null : { id: webhook.id, name: webhook.name },
    method: webhook.method,
    headers: headersOf(webhook, eventType.type, isDefault),
    auth: webhook.auth,
    timeoutSeconds: webhook.timeoutSeconds,
    answer: answerOf(webhook),
  };
  if (webhook.method === 'GET') {
    return { ...base, contentType: null, bodySchema: null, bodyNote: 'A GET request: no body; the event is in the X-Hookdesk-* headers.', example: null };
  }
  const sample = { ...eventType.sample, type: eventType.type };
  const rendered = renderRequestBody({ webhook: { ...webhook, id: isDefault ? 'whk_example' : webhook.id }, event: sample, apiBaseUrl });
  let bodySchema: JsonSchema;
  let bodyNote: string;
  let example: CatalogRequest['example'] = null;
  if (webhook.bodyTemplate === null) {
    let entity = entitySchema;
    // A JSON payload held in a string body goes out parsed: describe what goes out.
    if (webhook.jsonPayloadEnabled && typeof sample.body === 'string') entity = schemaOfValue(entityOf(sample, true));
    bodySchema = envelopeSchema(eventType.type, webhook, entity, form);
    bodyNote =
      eventType.inferred.length > 0
        ? 'The envelope; `entity` has the schema inferred from every body received of this type.'
        : "The envelope; `entity` has the schema of the type's sample event.";
  } else if (rendered.ok && rendered.body !== null) {
    bodySchema = form ? formSchema(formFields(rendered.body)) : schemaOfRendered(rendered.body);
    bodyNote = "The body template's output for the type's sample event; its schema is inferred from that one body.";
  } else {
    bodySchema = {};
    bodyNote = `The body template could not be rendered for the sample event (${rendered.ok ? 'no body' : rendered.reason}).`;
  }
  if (rendered.ok && rendered.body !== null) {
    if (form) example = exampleOf(rendered.body, formFields(rendered.body), budget);
    else if (jsonTextTooDeep(rendered.body, MAX_EXAMPLE_DEPTH)) example = { omitted: `The sample body nests deeper than ${MAX_EXAMPLE_DEPTH} levels.` };
    else {
      const parsed = parseBoundedJson(rendered.body, MAX_EXAMPLE_DEPTH);
      example = parsed.ok ? exampleOf(rendered.body, parsed.value, budget) : { omitted: parsed.reason };
    }
  } else if (!rendered.ok) {
    example = { omitted: rendered.reason };
  }
  return { ...base, contentType: webhook.contentType, bodySchema: canonicalSchema(bodySchema), bodyNote, example };
}

function schemaOfRendered(body: string): JsonSchema {
  const parsed = parseBoundedJson(body);
  return parsed.ok ? schemaOfValue(parsed.value) : {};
}

function answerOf(webhook: CatalogWebhook): string {
  const parts = [`Any 2xx status within ${webhook.timeoutSeconds} s acknowledges the delivery; another status, no answer or a broken connection fails the attempt, and it is retried on the webhook's schedule.`];
  if (webhook.validators.length > 0) {
    const checks = webhook.validators.map((v) => `${v.path} is one of ${JSON.stringify(v.expected)}`).join('; ');
    parts.push(`The answer's JSON body must also pass: ${checks}.`);
  }
  parts.push('After 5 failed attempts in a row the webhook stops sending and holds new events until it is restarted.');
  return parts.join(' ');
}

function headersOf(webhook: CatalogWebhook, type: string, isDefault: boolean): CatalogHeaderSpec[] {
  const headers: CatalogHeaderSpec[] = [];
  // Custom headers first: later ones of the same name (ignoring case) win, as the engine sends them.
  for (const h of webhook.headers) {
    headers.push({
      name: h.name,
      description: h.value === null ? 'A header set on the webhook (a credential, or a value from a variable: not shown).' : 'A header set on the webhook.',
      schema: STRING,
      ...(h.value === null ? {} : { example: h.value }),
    });
  }
  headers.push({ name: 'User-Agent', description: 'Hookdesk and its version.', schema: STRING, example: USER_AGENT });
  if (webhook.auth.type === 'apiKey') headers.push({ name: webhook.auth.header, description: 'The API key set on the webhook (value not shown).', schema: STRING });
  headers.push(
    { name: 'X-Hookdesk-Event-Id', description: 'The event id: the same on every attempt of one delivery, so receivers can deduplicate.', schema: STRING },
    { name: 'X-Hookdesk-Event', description: 'The event type (characters outside printable ASCII percent-encoded).', schema: STRING, example: type },
    { name: 'X-Hookdesk-Webhook-Id', description: 'The webhook that sent the request.', schema: STRING, ...(isDefault ? {} : { example: webhook.id }) },
    { name: 'X-Hookdesk-Entity-Id', description: "The entity's own id when it has one, else the event id.", schema: STRING },
    { name: 'X-Hookdesk-Entity-URL', description: "The event (or connector/webhook for system events) in Hookdesk's management API.", schema: { type: 'string', format: 'uri' } },
  );
  if (webhook.signed || isDefault) {
    const when = isDefault ? ' Sent when the webhook has a secret.' : '';
    if (webhook.signature === 'hmac-sha1') {
      headers.push({
        name: HOOKDESK_SIGNATURE_HEADER,
        description: `Hex HMAC-SHA1 of the exact body bytes, keyed by the webhook's secret: compare it in constant time before trusting the body.${when}`,
        schema: { type: 'string', pattern: '^[0-9a-f]{40}$' },
      });
    } else {
      headers.push(
        { name: 'webhook-id', description: 'Standard Webhooks message id (the event id; the same on every attempt).', schema: STRING },
        { name: 'webhook-timestamp', description: 'Standard Webhooks: Unix seconds when signed; refuse old ones.', schema: { type: 'string', pattern: '^[0-9]+$' } },
        {
          name: 'webhook-signature',
          description: 'Standard Webhooks: `v1,<base64 HMAC-SHA256>` of `id.timestamp.body` keyed by the `whsec_` secret (check with a Standard Webhooks or Svix library).',
          schema: { type: 'string', pattern: '^v1,' },
        },
      );
    }
  }
  // One entry per name (ignoring case), the last one winning, sorted for a stable file.
  const byLower = new Map<string, CatalogHeaderSpec>();
  for (const h of headers) byLower.set(h.name.toLowerCase(), h);
  return [...byLower.values()].sort((a, b) => byCodeUnit(a.name.toLowerCase(), b.name.toLowerCase()));
}
