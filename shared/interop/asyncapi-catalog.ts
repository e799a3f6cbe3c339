import type { JsonSchema } from '../inference/json-schema';
import type { CatalogInput } from './catalog-input';
import { CatalogKeys, namespaceOf } from './catalog-keys';
import { buildCatalogModel, type CatalogEntry, type CatalogRequest } from './catalog-model';

/**
 * The event catalog as AsyncAPI 3.0: a channel per event type, a `send` operation per type and
 * HTTP method (Hookdesk sends; the HTTP binding names the method), and a message per webhook
 * that sends the type (the defaults when none does) with its headers (credential values left out),
 * payload schema, an example rendered from the type's sample, and the expected answer. No server
 * is written: receivers' URLs often carry tokens.
 */

type Json = Record<string, unknown>;

export const ASYNCAPI_CATALOG_TITLE = 'Hookdesk event catalog';
const HTTP_BINDING_VERSION = '0.3.0';

export function buildAsyncApiCatalog(input: CatalogInput): Json {
  const model = buildCatalogModel(input);
  const keys = new CatalogKeys();
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  for (const entry of model.entries) {
    const channelKey = keys.keyFor(entry.type);
    const channelMessages: Json = {};
    const messageKeys = new Map<CatalogRequest, string>();
    for (const request of entry.requests) {
      const messageKey = keys.keyFor(`${entry.type}.${request.webhook?.name ?? 'default'}`);
      messageKeys.set(request, messageKey);
      messages[messageKey] = messageOf(entry, request);
      channelMessages[messageKey] = { $ref: `#/components/messages/${messageKey}` };
    }
    channels[channelKey] = {
      address: null,
      title: entry.type,
      description: channelDescription(entry),
      messages: channelMessages,
    };
    for (const method of ['POST', 'GET'] as const) {
      const requests = entry.requests.filter((r) => r.method === method);
      if (requests.length === 0) continue;
      operations[keys.keyFor(method === 'POST' ? `send.${entry.type}` : `send.${entry.type}.get`)] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelKey}` },
        title: `Send ${entry.type}`,
        summary: `Hookdesk sends ${entry.type} to the receiver (HTTP ${method}).`,
        tags: [{ name: namespaceOf(entry.type) }],
        messages: requests.map((r) => ({ $ref: `#/channels/${channelKey}/messages/${messageKeys.get(r) ?? ''}` })),
        bindings: { http: { method, bindingVersion: HTTP_BINDING_VERSION } },
      };
    }
  }
  const document: Json = {
    asyncapi: '3.0.0',
    info: {
      title: ASYNCAPI_CATALOG_TITLE,
      version: '1',
      description: [
        `The events Hookdesk's webhooks send to receivers over HTTP, one channel per event type (${model.entries.length}${model.omittedTypes > 0 ? `; ${model.omittedTypes} more left out past the limit` : ''}).`,
        'Each message is what one webhook sends: headers (signature per scheme), payload schema, an example, and the answer Hookdesk expects.',
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
  if (model.omittedTypes > 0) document['x-hookdesk-omitted-event-types'] = model.omittedTypes;
  return document;
}

function channelDescription(entry: CatalogEntry): string {
  return [
    entry.origin === 'system' ? 'Raised by Hookdesk itself; sent only to webhooks that name it.' : 'Received on a connector or published through the API.',
    entry.connectors.length > 0 ? `Schema inferred from the bodies seen on ${entry.connectors.map((c) => `"${c}"`).join(', ')}.` : '',
    entry.moreWebhooks > 0 ? `${entry.moreWebhooks} more webhooks send it and are not detailed here.` : '',
  ]
    .filter((line) => line !== '')
    .join('\n\n');
}

function headersSchema(request: CatalogRequest): JsonSchema {
  const properties: Json = {};
  for (const h of request.headers) Object.defineProperty(properties, h.name, { value: { ...h.schema, description: h.description }, enumerable: true, writable: true, configurable: true });
  if (request.auth.type === 'basic' || request.auth.type === 'bearer' || request.auth.type === 'oauth2') {
    const what = request.auth.type === 'basic' ? '`Basic` with the username and password set on the webhook' : request.auth.type === 'bearer' ? '`Bearer` with the token set on the webhook' : '`Bearer` with an access token Hookdesk fetched with OAuth2 client credentials';
    properties.Authorization = { type: 'string', description: `${what} (value not shown).` };
  }
  if (request.contentType) properties['Content-Type'] = { type: 'string', const: request.contentType };
  const names = Object.keys(properties).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  const sorted: Json = {};
  for (const name of names) Object.defineProperty(sorted, name, { value: properties[name], enumerable: true, writable: true, configurable: true });
  return { type: 'object', properties: sorted, required: names };
}

function exampleHeaders(request: CatalogRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of request.headers) if (h.example !== undefined) out[h.name] = h.example;
  if (request.contentType) out['Content-Type'] = request.contentType;
  return out;
}

function messageOf(entry: CatalogEntry, request: CatalogRequest): Json {
  const sender = request.webhook ? `webhook "${request.webhook.name}"` : 'a webhook with the default settings that selects it (no webhook sends this type yet)';
  const message: Json = {
    name: entry.type,
    title: `${entry.type} from ${request.webhook ? `"${request.webhook.name}"` : 'the defaults'}`,
    summary: `${entry.type} as ${sender} sends it (HTTP ${request.method}).`,
    description: [request.bodyNote, `Answer: ${request.answer}`].join('\n\n'),
    headers: headersSchema(request),
    bindings: { http: { bindingVersion: HTTP_BINDING_VERSION } },
  };
  if (request.contentType) message.contentType = request.contentType;
  if (request.bodySchema) message.payload = request.bodySchema;
  if (request.example !== null && 'value' in request.example) {
    message.examples = [{ name: 'sample', summary: `Rendered from the ${entry.type} sample event.`, headers: exampleHeaders(request), payload: request.example.value }];
  } else if (request.example !== null) {
    message.description = `${message.description as string}\n\nNo example: ${request.example.omitted}`;
  }
  if (request.webhook) message['x-hookdesk-webhook'] = { id: request.webhook.id, name: request.webhook.name, timeoutSeconds: request.timeoutSeconds };
  return message;
}
