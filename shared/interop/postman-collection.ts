import type { DispatchEvent } from '../events/dispatch-event';
import { findVariables, resolveVariables } from '../env/resolve-variables';
import { buildOutboundRequest } from '../outbound/build-request';
import type { WebhookAuth } from '../schemas/webhook-auth';
import type { WebhookConfig } from '../schemas/webhook';
import { isSensitiveHeader } from '../schemas/webhook-mask';
import { utf8 } from '../signing/bytes';
import { preRequestScript, testScript } from './postman-scripts';
import { Markers, nameSlug, toPostmanText, VariableNames, wholeReference } from './postman-variables';
import { errorText } from '../errors';

/**
 * The webhooks as a Postman collection v2.1 (API.md section 6, `GET /webhooks/export/postman`):
 * one request per webhook, in a flat list (each webhook is exactly one request, so a folder each
 * would only add a click; the Runner runs the list in order). Per request: URL, method, headers, auth
 * in Postman's own auth block, the body rendered with the webhook's template for its sample event,
 * signing as a pre-request script and the validators as tests. Secrets and credentials are never
 * written: they are collection variables with empty values (or the `{{VAR}}` a `${VAR}` named).
 * Pure: the engine's route and the CLI gather the input.
 */

export const POSTMAN_SCHEMA_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
/** A rendered body past this is left out with a note (a collection is for people to read and send). */
export const MAX_POSTMAN_BODY_BYTES = 1024 * 1024;
/** The type a webhook's sample is of when it names no exact type (the same as Send test's). */
export const DEFAULT_SAMPLE_TYPE = 'hookdesk.test';

export interface PostmanVariable {
  key: string;
  value: string;
  type: 'string';
  description: string;
}
export interface PostmanKeyValue {
  key: string;
  value: string;
  type: 'string' | 'text';
}
export type PostmanAuth =
  | { type: 'noauth' }
  | { type: 'basic'; basic: PostmanKeyValue[] }
  | { type: 'bearer'; bearer: PostmanKeyValue[] }
  | { type: 'apikey'; apikey: PostmanKeyValue[] }
  | { type: 'oauth2'; oauth2: PostmanKeyValue[] };
export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { type: 'text/javascript'; exec: string[] };
}
export interface PostmanRequestBody {
  mode: 'raw';
  raw: string;
  options: { raw: { language: 'json' | 'text' } };
}
export interface PostmanItem {
  name: string;
  description: string;
  request: {
    method: string;
    url: string;
    header: PostmanKeyValue[];
    body?: PostmanRequestBody;
    auth: PostmanAuth;
  };
  event: PostmanEvent[];
}
export interface PostmanCollection {
  info: { name: string; description: string; schema: typeof POSTMAN_SCHEMA_URL };
  item: PostmanItem[];
  variable: PostmanVariable[];
}

export type PostmanWebhook = Pick<
  WebhookConfig,
  | 'url'
  | 'method'
  | 'contentType'
  | 'includeEntity'
  | 'bodyTemplate'
  | 'jsonPayloadEnabled'
  | 'auth'
  | 'headers'
  | 'secret'
  | 'signature'
  | 'validators'
  | 'events'
  | 'enabled'
> & { id: string; name: string };

export interface PostmanCollectionInput {
  /** Each webhook (as stored: the builder reads its secrets only to know whether it has them) and its sample event. */
  webhooks: readonly { webhook: PostmanWebhook; sample: DispatchEvent }[];
  /** The engine's management API base URL (the entity URLs point there); '' when not listening. */
  apiBaseUrl: string;
}

export interface PostmanCollectionResult {
  collection: PostmanCollection;
  /** Per webhook, what the collection could not carry (also in that request's description). */
  notes: { webhook: string; message: string }[];
}

/** The event type a webhook's sample is of: its first exact (not glob) type, else `hookdesk.test`. */
export function sampleEventType(events: WebhookConfig['events']): string {
  if (events === 'all') return DEFAULT_SAMPLE_TYPE;
  return events.find((s) => !/[*?]/.test(s.type))?.type ?? DEFAULT_SAMPLE_TYPE;
}

/** The collection as a file: 2-space JSON and a final newline. */
export function postmanCollectionText(collection: PostmanCollection): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** Every `${VAR}` a webhook names (URL, headers, auth, template, secret): the environment's variables. */
function environmentNames(webhook: PostmanWebhook): string[] {
  const texts = [webhook.url, ...Object.values(webhook.headers), webhook.bodyTemplate ?? '', webhook.secret ?? ''];
  for (const value of Object.values(webhook.auth)) {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) texts.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return texts.flatMap((text) => findVariables(text));
}

/** The scheme and authority of a URL as written (`https://api.example.com:8443`), and the rest; null when it holds `${VAR}` or is no URL. */
function splitBase(url: string): { base: string; rest: string } | null {
  if (url.includes('${')) return null;
  const match = /^(https?:\/\/[^/?#]+)(.*)$/i.exec(url);
  return match ? { base: match[1] ?? '', rest: match[2] ?? '' } : null;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

const kv = (key: string, value: string): PostmanKeyValue => ({ key, value, type: 'string' });

/** Builds the collection; never throws for one webhook's data (a body that cannot be rendered is a note). */
export function buildPostmanCollection(input: PostmanCollectionInput): PostmanCollectionResult {
  const names = new VariableNames();
  const environment = [...new Set(input.webhooks.flatMap(({ webhook }) => environmentNames(webhook)))].sort();
  for (const name of environment) names.reserve(name);
  const eventIdVariable = names.claim('hookdesk_event_id');
  const apiVariable = names.claim('hookdesk_url');

  const variables: PostmanVariable[] = [
    {
      key: eventIdVariable,
      value: 'evt_test_postman',
      type: 'string',
      description: "Set by each request's pre-request script to a fresh id (X-Hookdesk-Event-Id, webhook-id and the body's eventId).",
    },
    { key: apiVariable, value: input.apiBaseUrl, type: 'string', description: "The Hookdesk management API the entity URLs point to." },
  ];

  const bases = new Map<string, string>();
  const distinctBases = new Set(input.webhooks.map(({ webhook }) => splitBase(webhook.url)?.base.toLowerCase()).filter((b) => b !== undefined));
  for (const { webhook } of input.webhooks) {
    const split = splitBase(webhook.url);
    if (!split || bases.has(split.base.toLowerCase())) continue;
    const wanted = distinctBases.size === 1 ? 'base_url' : `base_url_${nameSlug(split.base.replace(/^https?:\/\//i, ''))}`;
    const key = names.claim(wanted);
    bases.set(split.base.toLowerCase(), key);
    variables.push({ key, value: split.base, type: 'string', description: `Where the webhooks to ${split.base} send: change it to send them elsewhere.` });
  }
  for (const name of environment) {
    variables.push({
      key: name,
      value: '',
      type: 'string',
      description: `Hookdesk resolves \${${name}} from its active environment (values are never exported): set it here or in a Postman environment.`,
    });
  }

  const slugs = new VariableNames();
  const notes: PostmanCollectionResult['notes'] = [];
  const items = input.webhooks.map(({ webhook, sample }) => {
    const slug = slugs.claim(nameSlug(webhook.name));
    /** A credential: `{{VAR}}` when it is exactly a `${VAR}`, else an empty variable of its own. */
    const credential = (value: string, field: string, what: string): string => {
      const reference = wholeReference(value);
      if (reference !== null) return `{{${reference}}}`;
      const key = names.claim(`webhook_${slug}_${field}`);
      variables.push({ key, value: '', type: 'string', description: `${what} of the webhook "${webhook.name}" (Hookdesk never exports it).` });
      return `{{${key}}}`;
    };
    let item: { item: PostmanItem; notes: string[] };
    try {
      item = buildItem({ webhook, sample, credential, bases, eventIdVariable, apiVariable, apiBaseUrl: input.apiBaseUrl });
    } catch (error) {
      item = unbuiltItem(webhook, error);
    }
    for (const message of item.notes) notes.push({ webhook: webhook.name, message });
    return item.item;
  });

  return {
    collection: {
      info: {
        name: 'Hookdesk webhooks',
        description: [
          'Every Hookdesk webhook as a request, as Hookdesk sends it: URL, method, headers, auth, and the body rendered for the',
          "webhook's sample event. Each request's pre-request script gives it a fresh event id and signs it over the exact body",
          'sent; its tests check the 2xx status and the response validators.',
          '',
          'Secrets and credentials are not in this file: set the empty collection variables (webhook_*_secret and the like)',
          'before sending.',
        ].join('\n'),
        schema: POSTMAN_SCHEMA_URL,
      },
      item: items,
      variable: variables,
    },
    notes,
  };
}

interface ItemInput {
  webhook: PostmanWebhook;
  apiBaseUrl: string;
  sample: DispatchEvent;
  credential: (value: string, field: string, what: string) => string;
  bases: Map<string, string>;
  eventIdVariable: string;
  apiVariable: string;
}

function buildItem(input: ItemInput): { item: PostmanItem; notes: string[] } {
  const { webhook, sample, credential } = input;
  const notes: string[] = [];
  const split = splitBase(webhook.url);
  const baseVariable = split ? input.bases.get(split.base.toLowerCase()) : undefined;
  const url = split && baseVariable ? `{{${baseVariable}}}${split.rest}` : toPostmanText(webhook.url);

  const headers = Object.fromEntries(
    Object.entries(webhook.headers).map(([name, value]) => [
      name,
      isSensitiveHeader(name) ? credential(value, `header_${nameSlug(name)}`, `The ${name} header`) : toPostmanText(value),
    ]),
  );
  const auth = postmanAuth(webhook.auth, credential);
  const secretVariable = webhook.secret === null ? null : unbrace(credential(webhook.secret, 'secret', 'The signing secret'));

  // Rendered as the engine renders, with stand-ins for what Postman fills in at send time.
  const markers = new Markers(`${webhook.bodyTemplate ?? ''}\n${safeJson(sample)}\n${JSON.stringify(headers)}`);
  const template = webhook.bodyTemplate === null ? null : resolveVariables(webhook.bodyTemplate, (name) => markers.for(`{{${name}}}`));
  const built = buildOutboundRequest({
    webhook: { ...webhook, bodyTemplate: template?.ok ? template.text : webhook.bodyTemplate, headers, auth: { type: 'none' }, secret: null },
    event: { ...sample, id: markers.for(`{{${input.eventIdVariable}}}`) },
    // A variable's value lands in the body as it is, unescaped: right in JSON (a base URL needs no JSON
    // escaping), wrong in a form body, which gets the URL itself, encoded.
    apiBaseUrl: webhook.contentType === 'application/json' ? markers.for(`{{${input.apiVariable}}}`) : input.apiBaseUrl,
    timestampSeconds: 0,
  });
  let raw = built.request.body === null ? null : markers.swap(built.request.body);
  if (!built.ok) {
    notes.push(`The body could not be rendered for the sample event (${sample.type}): ${built.reason}`);
    raw = '';
  } else if (raw !== null && utf8(raw).length > MAX_POSTMAN_BODY_BYTES) {
    notes.push(`The body rendered for the sample event (${sample.type}) is ${utf8(raw).length} bytes, over the ${MAX_POSTMAN_BODY_BYTES} a request here holds: it is left out.`);
    raw = '';
  }
  const header = Object.entries(built.request.headers).map(([key, value]): PostmanKeyValue => ({ key, value: markers.swap(value), type: 'text' }));

  const description = [
    `Hookdesk webhook ${webhook.id}, sending ${eventsText(webhook.events)}${webhook.enabled ? '' : ' (disabled in Hookdesk)'}.`,
    `The body is rendered for a sample ${sample.type} event.`,
    ...(secretVariable === null ? [] : [`Signed (${webhook.signature}) by the pre-request script: set the variable ${secretVariable} to the signing secret first.`]),
    ...(webhook.auth.type === 'oauth2' ? ['OAuth2 client credentials: get a token in the Authorization tab (Get New Access Token) before sending.'] : []),
    ...notes.map((note) => `Note: ${note}`),
  ].join('\n\n');

  const item: PostmanItem = {
    name: webhook.name,
    description,
    request: {
      method: webhook.method,
      url,
      header,
      ...(raw === null ? {} : { body: { mode: 'raw', raw, options: { raw: { language: webhook.contentType === 'application/json' ? 'json' : 'text' } } } }),
      auth,
    },
    event: [
      { listen: 'prerequest', script: { type: 'text/javascript', exec: preRequestScript({ signature: webhook.signature, secretVariable, eventIdVariable: input.eventIdVariable }) } },
      { listen: 'test', script: { type: 'text/javascript', exec: testScript(webhook.validators) } },
    ],
  };
  return { item, notes };
}

/** A webhook the builder could not write (a bug, never its data): its name, method and a note, so the others are still exported. */
function unbuiltItem(webhook: PostmanWebhook, error: unknown): { item: PostmanItem; notes: string[] } {
  const note = `The request could not be written (${errorText(error)}).`;
  return {
    item: { name: webhook.name, description: `Note: ${note}`, request: { method: webhook.method, url: '', header: [], auth: { type: 'noauth' } }, event: [] },
    notes: [note],
  };
}

function unbrace(reference: string): string {
  return reference.slice(2, -2);
}

function eventsText(events: WebhookConfig['events']): string {
  if (events === 'all') return 'all events';
  return events.map((s) => [s.type, s.version && `version ${s.version}`, s.severity && `severity ${s.severity}`].filter(Boolean).join(' ')).join(', ');
}

/** Hookdesk's auth as Postman's auth block; credentials as variables. */
function postmanAuth(auth: WebhookAuth, credential: ItemInput['credential']): PostmanAuth {
  switch (auth.type) {
    case 'none':
      return { type: 'noauth' };
    case 'basic':
      return {
        type: 'basic',
        basic: [kv('username', toPostmanText(auth.username)), kv('password', auth.password === '' ? '' : credential(auth.password, 'password', 'The basic auth password'))],
      };
    case 'bearer':
      return { type: 'bearer', bearer: [kv('token', credential(auth.token, 'token', 'The bearer token'))] };
    case 'apiKey':
      return { type: 'apikey', apikey: [kv('key', auth.header), kv('value', credential(auth.value, 'api_key', `The ${auth.header} API key`)), kv('in', 'header')] };
    case 'oauth2':
      return {
        type: 'oauth2',
        oauth2: [
          kv('grant_type', 'client_credentials'),
          kv('accessTokenUrl', toPostmanText(auth.tokenUrl)),
          kv('clientId', toPostmanText(auth.clientId)),
          kv('clientSecret', credential(auth.clientSecret, 'client_secret', 'The OAuth2 client secret')),
          kv('scope', (auth.scopes ?? []).map(toPostmanText).join(' ')),
          // Hookdesk sends the client credentials as HTTP Basic (client_secret_basic).
          kv('client_authentication', 'header'),
          kv('addTokenTo', 'header'),
        ],
      };
  }
}
