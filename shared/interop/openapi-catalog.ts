import type { JsonSchema } from '../inference/json-schema';
import type { CatalogInput } from './catalog-input';
import { CatalogKeys, namespaceOf } from './catalog-keys';
import { buildCatalogModel, type CatalogEntry, type CatalogHeaderSpec, type CatalogRequest } from './catalog-model';
import { unionOf } from './catalog-schema';

/**
 * The event catalog as OpenAPI 3.1: one `webhooks` entry per event type (the key is the type, so
 * Svix and Convoy import them as event types), with an operation per HTTP method the webhooks use.
 * Each operation documents the request a receiver gets: headers (signature headers per scheme,
 * custom headers with credential values left out), auth as security schemes, the body schema per
 * content type (`anyOf` when webhooks send different bodies), examples rendered from the type's
 * sample, and the 2xx answer expected. No webhook URL is written (URLs often carry tokens).
 */

type Json = Record<string, unknown>;

export const OPENAPI_CATALOG_TITLE = 'Hookdesk event catalog';

/** Header parameters OpenAPI ignores (it says so): described by `requestBody` and `security` instead. */
const IGNORED_HEADER_PARAMETERS = new Set(['accept', 'content-type', 'authorization']);

export function buildOpenApiCatalog(input: CatalogInput): Json {
  const model = buildCatalogModel(input);
  const operationIds = new CatalogKeys();
  const security = new SecuritySchemes();
  const webhooks: Json = {};
  for (const entry of model.entries) {
    const pathItem: Json = {};
    for (const method of ['GET', 'POST'] as const) {
      const requests = entry.requests.filter((r) => r.method === method);
      if (requests.length === 0) continue;
      pathItem[method.toLowerCase()] = operationOf(entry, requests, operationIds.keyFor(method === 'POST' ? entry.type : `${entry.type}.get`), security);
    }
    Object.defineProperty(webhooks, entry.type, { value: pathItem, enumerable: true, writable: true, configurable: true });
  }
  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: OPENAPI_CATALOG_TITLE,
      version: '1',
      description: describeDocument(model.entries.length, model.omittedTypes),
    },
    webhooks,
  };
  const schemes = security.all();
  if (Object.keys(schemes).length > 0) document.components = { securitySchemes: schemes };
  if (model.omittedTypes > 0) document['x-hookdesk-omitted-event-types'] = model.omittedTypes;
  return document;
}

function describeDocument(count: number, omitted: number): string {
  const lines = [
    `The events Hookdesk's webhooks send, one \`webhooks\` entry per event type (${count}${omitted > 0 ? `; ${omitted} more left out past the limit` : ''}).`,
    'Each entry documents the request a receiver gets: headers, signature, body schema and examples, and the answer Hookdesk expects.',
    'Svix and Convoy import the `webhooks` section as event types.',
  ];
  return lines.join('\n\n');
}

function whoSends(requests: CatalogRequest[]): string {
  const names = requests.flatMap((r) => (r.webhook ? [r.webhook.name] : []));
  return names.length === 0
    ? 'No webhook sends this type yet: shown as a webhook with the default settings that selects it would send it.'
    : `Sent by ${names.map((n) => `"${n}"`).join(', ')}.`;
}

function operationOf(entry: CatalogEntry, requests: CatalogRequest[], operationId: string, security: SecuritySchemes): Json {
  const description = [
    entry.origin === 'system' ? 'Raised by Hookdesk itself; sent only to webhooks that name it.' : 'Received on a connector or published through the API.',
    entry.connectors.length > 0 ? `Schema inferred from the bodies seen on ${entry.connectors.map((c) => `"${c}"`).join(', ')}.` : '',
    whoSends(requests),
    entry.moreWebhooks > 0 ? `${entry.moreWebhooks} more webhooks send it and are not detailed here.` : '',
  ].filter((line) => line !== '');
  const operation: Json = {
    operationId,
    summary: `${entry.type}`,
    description: description.join('\n\n'),
    tags: [namespaceOf(entry.type)],
    parameters: parametersOf(requests),
  };
  const body = requestBodyOf(requests);
  if (body) operation.requestBody = body;
  operation.responses = responsesOf(requests);
  const alternatives = securityOf(requests, security);
  if (alternatives) operation.security = alternatives;
  operation['x-hookdesk-webhooks'] = requests.map((r) => ({
    id: r.webhook?.id ?? null,
    name: r.webhook?.name ?? null,
    contentType: r.contentType,
    timeoutSeconds: r.timeoutSeconds,
  }));
  return operation;
}

function parametersOf(requests: CatalogRequest[]): Json[] {
  const byLower = new Map<string, { spec: CatalogHeaderSpec; senders: number }>();
  for (const request of requests) {
    for (const spec of request.headers) {
      const key = spec.name.toLowerCase();
      if (IGNORED_HEADER_PARAMETERS.has(key)) continue;
      const found = byLower.get(key);
      if (found) {
        found.senders += 1;
        if (found.spec.example === undefined && spec.example !== undefined) found.spec = { ...found.spec, example: spec.example };
      } else byLower.set(key, { spec, senders: 1 });
    }
  }
  const sorted = [...byLower.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, found]) => found);
  return sorted.map(({ spec, senders }) => {
    const parameter: Json = {
      name: spec.name,
      in: 'header',
      required: senders === requests.length,
      description: senders === requests.length ? spec.description : `${spec.description} Not sent by every webhook of this type.`,
      schema: spec.schema,
    };
    if (spec.example !== undefined) parameter.example = spec.example;
    return parameter;
  });
}

function requestBodyOf(requests: CatalogRequest[]): Json | null {
  const content: Json = {};
  const exampleKeys = new CatalogKeys();
  const types = [...new Set(requests.flatMap((r) => (r.contentType ? [r.contentType] : [])))].sort();
  for (const type of types) {
    const sending = requests.filter((r) => r.contentType === type);
    const schema: JsonSchema = unionOf(sending.map((r) => r.bodySchema ?? {}));
    const examples: Json = {};
    for (const r of sending) {
      if (r.example === null || !('value' in r.example)) continue;
      examples[exampleKeys.keyFor(r.webhook?.name ?? 'default')] = {
        summary: r.webhook ? `As webhook "${r.webhook.name}" sends it` : 'As a webhook with the defaults sends it',
        value: r.example.value,
      };
    }
    const first = Object.values(examples)[0] as { value: unknown } | undefined;
    // The first example in the schema too: importers that read only the schema (Svix) show it.
    const media: Json = { schema: first && type === 'application/json' ? { ...schema, examples: [first.value] } : schema };
    if (Object.keys(examples).length > 0) media.examples = examples;
    content[type] = media;
  }
  if (types.length === 0) return null;
  const notes = [...new Set(requests.filter((r) => r.contentType !== null).map((r) => r.bodyNote))];
  const omitted = requests.flatMap((r) => (r.example !== null && 'omitted' in r.example ? [`No example${r.webhook ? ` for "${r.webhook.name}"` : ''}: ${r.example.omitted}`] : []));
  return { required: true, description: [...notes, ...omitted].join('\n\n'), content };
}

function responsesOf(requests: CatalogRequest[]): Json {
  const answers = [...new Set(requests.map((r) => r.answer))];
  const description =
    answers.length === 1
      ? (answers[0] as string)
      : requests.map((r) => `${r.webhook ? `"${r.webhook.name}"` : 'Default'}: ${r.answer}`).join('\n\n');
  return { '2XX': { description } };
}

/** The auth each request carries, as alternatives (`{}`: a webhook sends none). Null when none does. */
function securityOf(requests: CatalogRequest[], security: SecuritySchemes): Json[] | null {
  const alternatives = new Map<string, Json>();
  for (const r of requests) {
    const name = security.nameFor(r.auth);
    alternatives.set(name ?? '', name === null ? {} : { [name]: r.auth.type === 'oauth2' ? [...r.auth.scopes].sort() : [] });
  }
  if (!requests.some((r) => r.auth.type !== 'none')) return null;
  return [...alternatives.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** `components.securitySchemes`: one per distinct auth the webhooks use, named stably. */
class SecuritySchemes {
  private readonly schemes = new Map<string, Json>();

  nameFor(auth: CatalogRequest['auth']): string | null {
    switch (auth.type) {
      case 'none':
        return null;
      case 'basic':
        return this.add('basicAuth', { type: 'http', scheme: 'basic', description: 'HTTP Basic with the username and password set on the webhook.' });
      case 'bearer':
        return this.add('bearerAuth', { type: 'http', scheme: 'bearer', description: 'The bearer token set on the webhook.' });
      case 'apiKey':
        return this.add(`apiKey_${auth.header.replace(/[^A-Za-z0-9._-]/g, '_')}`, {
          type: 'apiKey',
          in: 'header',
          name: auth.header,
          description: `The API key set on the webhook, in ${auth.header}.`,
        });
      case 'oauth2': {
        if (auth.tokenUrl === '') {
          return this.add('oauth2Bearer', { type: 'http', scheme: 'bearer', description: 'An OAuth2 access token Hookdesk fetched with client credentials.' });
        }
        const name = `oauth2_${auth.tokenUrl.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9._-]/g, '_')}`.slice(0, 120);
        const existing = this.schemes.get(name) as { flows: { clientCredentials: { scopes: Record<string, string> } } } | undefined;
        const scopes: Record<string, string> = { ...(existing?.flows.clientCredentials.scopes ?? {}) };
        for (const scope of auth.scopes) scopes[scope] = '';
        const sorted = Object.fromEntries(Object.entries(scopes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        this.schemes.set(name, {
          type: 'oauth2',
          description: 'A bearer access token Hookdesk fetched from the token URL with client credentials.',
          flows: { clientCredentials: { tokenUrl: auth.tokenUrl, scopes: sorted } },
        });
        return name;
      }
    }
  }

  all(): Json {
    return Object.fromEntries([...this.schemes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private add(name: string, scheme: Json): string {
    this.schemes.set(name, scheme);
    return name;
  }
}
