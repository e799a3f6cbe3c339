import { resolveWebhook } from '../env/resolve-webhook';
import type { VariableLookup } from '../env/resolve-variables';
import type { JsonSchema } from '../inference/json-schema';
import { globMatches } from '../matching/glob';
import { selectorNamesSystemEvents } from '../matching/match-event';
import { authHeaders, mergeHeaders } from '../outbound/outbound-headers';
import type { WebhookConfig } from '../schemas/webhook';
import { canonicalJson } from './svix-canonical';
import {
  forbiddenHeaderReason,
  isSvixName,
  isSvixSecret,
  sensitiveHeadersFingerprint,
  svixSlug,
  SVIX_MAX_CHANNEL,
  SVIX_MAX_CHANNELS,
  SVIX_MAX_HEADER_VALUE,
} from './svix-names';
import { SVIX_GENERAL_NOTES, unmappableSettings, type SvixNote } from './svix-webhook-notes';

export type { SvixNote } from './svix-webhook-notes';

/** What `deploy svix` is planned from: the workspace's webhooks (secrets in clear), connectors and known event types. */
export interface SvixPlanInput {
  /** `--app NAME` (default "Hookdesk"): the Svix application the endpoints go in; its uid comes from the name. */
  appName: string;
  webhooks: readonly SvixSourceWebhook[];
  connectors: readonly { id: string; name: string; dataSource: string | null }[];
  eventTypes: readonly SvixKnownType[];
  /** Resolves `${VAR}` in URLs, headers, auth and secrets (the active environment, then the process environment). */
  lookup: VariableLookup;
}

export type SvixSourceWebhook = Pick<
  WebhookConfig,
  'name' | 'url' | 'method' | 'contentType' | 'enabled' | 'bodyTemplate' | 'events' | 'filters' | 'auth' | 'headers' | 'secret' | 'signature' | 'timeoutSeconds' | 'validators' | 'retry'
>;

export interface SvixKnownType {
  type: string;
  /** `system`: raised by Hookdesk itself (webhook.failed, ...), made an event type only when a webhook names it. */
  origin: 'received' | 'system';
  /** The inferred schema of its bodies on each connector that saw it (draft 2020-12). */
  inferred: readonly { connectorName: string; schema: JsonSchema }[];
}

export interface SvixAppSpec {
  uid: string;
  name: string;
}

export interface SvixEventTypeSpec {
  name: string;
  description: string;
  /** `{"1": schema}` (Svix versions schemas), or null when no body of the type was seen. */
  schemas: Record<string, JsonSchema> | null;
}

/** Metadata keys on the endpoints this command creates: how it recognises its own on the next run. */
export const SVIX_MANAGED_BY = 'managedBy';
export const SVIX_MANAGED_BY_VALUE = 'hookdesk';
export const SVIX_WEBHOOK_KEY = 'hookdeskWebhook';
export const SVIX_HEADERS_KEY = 'hookdeskHeaders';

export interface SvixEndpointSpec {
  uid: string;
  url: string;
  /** The webhook's name. */
  description: string;
  disabled: boolean;
  /** Event type names, or null for every type. */
  filterTypes: string[] | null;
  /** `connector.<name>` / `source.<data source>`, or null for every message. */
  channels: string[] | null;
  /** The webhook's Standard Webhooks secret, or null to leave the secret to Svix. Never printed. */
  secret: string | null;
  /** Custom headers plus auth headers (basic, bearer, API key). Never printed with values. */
  headers: Record<string, string>;
  metadata: Record<string, string>;
}

export interface SvixWebhookPlan {
  webhook: string;
  /** Null when the webhook cannot be deployed at all (`skipped` says why). */
  endpoint: SvixEndpointSpec | null;
  skipped: string | null;
  notes: SvixNote[];
}

export interface SvixPlan {
  app: SvixAppSpec;
  eventTypes: SvixEventTypeSpec[];
  webhooks: SvixWebhookPlan[];
  /** Holds for every webhook (payload, failure state, header names). */
  generalNotes: readonly SvixNote[];
  /** Known types Svix cannot name (they are not created; webhooks that select them say so too). */
  eventTypeNotes: SvixNote[];
}

export const DEFAULT_SVIX_APP_NAME = 'Hookdesk';
/** Event types created in one run at most (a workspace keeps at most 500 per connector). */
export const MAX_SVIX_EVENT_TYPES = 2_000;

/** Not a `connector.` channel, so no connector's name can make it. */
const NO_CONNECTOR_CHANNEL = 'hookdesk.no-connector';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The Svix state a workspace maps to (issue #16, part 5): one application, an event type per known
 * type with its inferred JSON Schema, one endpoint per webhook, and for each webhook what Svix
 * cannot express with the closest workaround. Pure: `svix-diff.ts` compares it with what the
 * server has, `electron/cli/deploy/` reads and writes through the SDK.
 */
export function planSvixDeployment(input: SvixPlanInput): SvixPlan {
  const appName = input.appName.trim() === '' ? DEFAULT_SVIX_APP_NAME : input.appName.trim();
  const catalogue = new TypeCatalogue(input.eventTypes);
  const connectorsById = new Map(input.connectors.map((c) => [c.id, c]));
  const webhooks = [...input.webhooks]
    .sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()))
    .map((webhook) => planWebhook(webhook, { catalogue, connectorsById, lookup: input.lookup }));
  return {
    app: { uid: svixSlug(appName), name: appName },
    eventTypes: catalogue.specs(),
    webhooks,
    generalNotes: SVIX_GENERAL_NOTES,
    eventTypeNotes: catalogue.notes,
  };
}

interface PlanContext {
  catalogue: TypeCatalogue;
  connectorsById: Map<string, { id: string; name: string; dataSource: string | null }>;
  lookup: VariableLookup;
}

function planWebhook(source: SvixSourceWebhook, ctx: PlanContext): SvixWebhookPlan {
  const notes = unmappableSettings(source);
  const skip = (reason: string): SvixWebhookPlan => ({ webhook: source.name, endpoint: null, skipped: reason, notes });
  const resolved = resolveWebhook(source, ctx.lookup);
  if (!resolved.ok) {
    return skip(`${resolved.missing.map((name) => `\${${name}}`).join(', ')} ${resolved.missing.length === 1 ? 'is' : 'are'} not set (the active environment, then the process environment, or --env NAME).`);
  }
  const webhook = resolved.webhook;
  const filterTypes = selectTypes(webhook.events, ctx.catalogue, notes);
  if (filterTypes !== null && filterTypes.length === 0) {
    return skip('Its event selectors match no event type Svix can name yet: deploy again once events of those types have arrived, or name the types in the webhook.');
  }
  const channels = channelsOf(webhook.filters, ctx.connectorsById, notes);
  if (channels === 'too-many') {
    return skip(`Its filters need more than ${SVIX_MAX_CHANNELS} channels, the most a Svix endpoint listens to: split it into webhooks of at most ${SVIX_MAX_CHANNELS} connectors or data sources each.`);
  }
  const uid = svixSlug(webhook.name);
  const headers = endpointHeaders(webhook, notes);
  const metadata: Record<string, string> = { [SVIX_MANAGED_BY]: SVIX_MANAGED_BY_VALUE, [SVIX_WEBHOOK_KEY]: webhook.name };
  const fingerprint = sensitiveHeadersFingerprint(uid, headers);
  if (fingerprint !== null) metadata[SVIX_HEADERS_KEY] = fingerprint;
  return {
    webhook: source.name,
    endpoint: {
      uid,
      url: webhook.url,
      description: webhook.name,
      disabled: !webhook.enabled,
      filterTypes,
      channels,
      secret: endpointSecret(webhook, notes),
      headers,
      metadata,
    },
    skipped: null,
    notes,
  };
}

/** The event type names a webhook's `events` stand for; null for "all". Globs and names match known types ignoring case, as Hookdesk matches them. */
function selectTypes(events: SvixSourceWebhook['events'], catalogue: TypeCatalogue, notes: SvixNote[]): string[] | null {
  if (events === 'all') return null;
  const names = new Set<string>();
  for (const selector of events) {
    const wildcard = /[*?]/.test(selector.type);
    const matches = catalogue.match(selector.type, selectorNamesSystemEvents(selector));
    const unnamable = matches.filter((type) => !isSvixName(type));
    for (const type of matches) if (isSvixName(type)) names.add(type);
    if (unnamable.length > 0) {
      notes.push({
        what: `Selects ${unnamable.map((t) => `"${t}"`).join(', ')}, which Svix cannot name (event types are letters, digits, "-", "_" and ".").`,
        workaround: 'Post those events under a Svix-safe type name (for example with "/" or spaces replaced by ".") and select that name.',
      });
    }
    if (matches.length === 0 && !wildcard) {
      if (isSvixName(selector.type)) names.add(catalogue.nameLiteral(selector.type));
      else notes.push({ what: `Selects "${selector.type}", which Svix cannot name.`, workaround: 'Rename the type to letters, digits, "-", "_" and "." in the producer and the webhook.' });
    } else if (matches.length === 0) {
      notes.push({
        what: `Selects "${selector.type}", which matches no event type seen so far (Svix filters by exact names).`,
        workaround: 'Deploy again once events of those types have arrived; each run expands the pattern to the types known then.',
      });
    }
    if (selector.version !== undefined || selector.severity !== undefined) {
      const by = [selector.version !== undefined ? `version "${selector.version}"` : null, selector.severity !== undefined ? `severity "${selector.severity}"` : null].filter(Boolean).join(' and ');
      notes.push({
        what: `Narrows "${selector.type}" by ${by}.`,
        workaround: 'Svix filters by event type and channel only: post those events under their own type (for example "order.paid.v2") or channel, and select it.',
      });
    }
  }
  return [...names].sort(byText);
}

/** Connector and data-source filters as Svix channels; severities have no place. */
function channelsOf(filters: SvixSourceWebhook['filters'], connectorsById: PlanContext['connectorsById'], notes: SvixNote[]): string[] | null | 'too-many' {
  if (filters.severities && filters.severities.length > 0) {
    notes.push({
      what: `Filters by severity (${filters.severities.join(', ')}).`,
      workaround: 'Svix has no severity: post those events on their own channel (for example "severity.error") and add it to the endpoint\'s channels in Svix.',
    });
  }
  const connectorChannels: string[] = [];
  for (const id of filters.connectorIds ?? []) {
    const connector = connectorsById.get(id);
    if (!connector) {
      notes.push({ what: `Filters by connector id "${id}", which no longer exists.`, workaround: 'Remove it from the webhook\'s filters; it matches nothing in Hookdesk either.' });
      continue;
    }
    connectorChannels.push(svixSlug(connector.name, 'connector.'));
  }
  const sourceChannels = (filters.dataSources ?? []).map((source) => svixSlug(source, 'source.'));
  const hasConnectors = (filters.connectorIds ?? []).length > 0;
  const hasSources = sourceChannels.length > 0;
  if (!hasConnectors && !hasSources) return null;
  if (hasConnectors && connectorChannels.length === 0) {
    // Every named connector is gone: in Hookdesk this webhook matches nothing; a channel no connector has keeps that so.
    connectorChannels.push(NO_CONNECTOR_CHANNEL);
  }
  let channels: string[];
  if (hasConnectors && hasSources) {
    channels = connectorChannels;
    notes.push({
      what: `Filters by connector and by data source (${(filters.dataSources ?? []).join(', ')}) together; a Svix endpoint takes a message on any one of its channels.`,
      workaround: `The endpoint listens to the connectors' channels (${connectorChannels.join(', ')}): let the producer add a connector's channel only to messages whose data source is one of those.`,
    });
  } else {
    channels = hasConnectors ? connectorChannels : sourceChannels;
  }
  channels = [...new Set(channels)].sort(byText).map((c) => c.slice(0, SVIX_MAX_CHANNEL));
  if (channels.length > SVIX_MAX_CHANNELS) return 'too-many';
  notes.push({
    what: `Takes only events from ${hasConnectors ? 'some connectors' : 'some data sources'}; Svix knows no connectors.`,
    workaround: `The endpoint listens to channels ${channels.join(', ')}: the producer must post each message with the channel of its ${hasConnectors ? 'connector ("connector.<name>")' : 'data source ("source.<name>")'}.`,
  });
  return channels;
}

/** Custom headers and the auth header (auth wins, as in Hookdesk), less what Svix refuses. */
function endpointHeaders(webhook: SvixSourceWebhook, notes: SvixNote[]): Record<string, string> {
  const all = mergeHeaders(webhook.headers, authHeaders(webhook.auth));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(all)) {
    const forbidden = forbiddenHeaderReason(name);
    if (forbidden !== null) {
      notes.push({ what: `Sets the header ${name}, and ${forbidden}.`, workaround: 'Leave it to Svix (it sets Content-Type and User-Agent itself), or set it in a proxy in front of the receiver.' });
    } else if (new TextEncoder().encode(value).length > SVIX_MAX_HEADER_VALUE) {
      notes.push({ what: `Sets the header ${name} to a value longer than Svix's ${SVIX_MAX_HEADER_VALUE} bytes.`, workaround: 'Shorten the value (a reference the receiver looks up, for example).' });
    } else {
      headers[name] = value;
    }
  }
  return headers;
}

/** The Standard Webhooks secret carries over unchanged, so receivers keep verifying; any other secret stays in Hookdesk. */
function endpointSecret(webhook: SvixSourceWebhook, notes: SvixNote[]): string | null {
  if (webhook.secret === null || webhook.signature !== 'standard-webhooks') return null;
  if (isSvixSecret(webhook.secret)) return webhook.secret;
  notes.push({
    what: 'Its Standard Webhooks secret is not one Svix accepts (24 to 75 bytes in standard base64, "whsec_" optional).',
    workaround: 'Svix generates a secret for the endpoint: give it to the receiver, or give the webhook a longer secret (Generate in Hookdesk) and deploy again.',
  });
  return null;
}

/** The known event types, matched as Hookdesk matches them, and the Svix event types they become. */
class TypeCatalogue {
  readonly notes: SvixNote[] = [];
  private readonly received: SvixKnownType[] = [];
  private readonly system: SvixKnownType[] = [];
  private readonly used = new Map<string, SvixEventTypeSpec>();

  constructor(types: readonly SvixKnownType[]) {
    const unnamable: string[] = [];
    for (const type of [...types].sort((a, b) => byText(a.type, b.type))) {
      if (type.origin === 'system') {
        this.system.push(type);
        continue;
      }
      this.received.push(type);
      if (!isSvixName(type.type)) unnamable.push(type.type);
      else if (this.used.size < MAX_SVIX_EVENT_TYPES) this.use(type);
    }
    if (unnamable.length > 0) {
      this.notes.push({
        what: `${unnamable.length} event type(s) seen have names Svix cannot take: ${unnamable.slice(0, 10).map((t) => `"${t}"`).join(', ')}${unnamable.length > 10 ? ', ...' : ''}.`,
        workaround: 'Svix event types are letters, digits, "-", "_" and ".": post these under such a name; they are not created.',
      });
    }
    const over = this.received.filter((t) => isSvixName(t.type)).length - this.used.size;
    if (over > 0) this.notes.push({ what: `${over} more event type(s) than the ${MAX_SVIX_EVENT_TYPES} one run creates.`, workaround: 'Run deploy again for the rest.' });
  }

  /** Known types the pattern matches (ignoring case); system types only for a selector that names them. */
  match(pattern: string, withSystem: boolean): string[] {
    const pool = withSystem ? [...this.received, ...this.system] : this.received;
    const matches = pool.filter((t) => globMatches(pattern, t.type)).map((t) => t.type);
    for (const type of matches) {
      const known = pool.find((t) => t.type === type);
      if (known && isSvixName(type)) this.use(known);
    }
    return matches;
  }

  /** A name selected before any event of it arrived: an event type without a schema. */
  nameLiteral(name: string): string {
    if (!this.used.has(name)) this.used.set(name, { name, description: 'Named by a Hookdesk webhook; no event of this type seen yet.', schemas: null });
    return name;
  }

  specs(): SvixEventTypeSpec[] {
    return [...this.used.values()].sort((a, b) => byText(a.name, b.name));
  }

  private use(type: SvixKnownType): void {
    if (this.used.has(type.type)) return;
    this.used.set(type.type, { name: type.type, description: describeType(type), schemas: schemasOf(type) });
  }
}

function describeType(type: SvixKnownType): string {
  if (type.origin === 'system') return 'Raised by Hookdesk itself.';
  const connectors = [...new Set(type.inferred.map((i) => i.connectorName))].sort(byText);
  return connectors.length === 0 ? 'Seen by Hookdesk.' : `Inferred by Hookdesk from events received on ${connectors.join(', ')}.`;
}

/**
 * The inferred schema as Svix's version "1": without `$schema` (the keywords inference writes mean
 * the same in draft 7, which Svix's own examples use); one connector's schema as it is, several
 * different ones as `anyOf`.
 */
function schemasOf(type: SvixKnownType): Record<string, JsonSchema> | null {
  const distinct = new Map<string, JsonSchema>();
  for (const { schema } of [...type.inferred].sort((a, b) => byText(a.connectorName, b.connectorName))) {
    const { $schema: _dialect, ...body } = schema;
    const key = canonicalJson(body);
    if (key !== null && !distinct.has(key)) distinct.set(key, body);
  }
  const schemas = [...distinct.values()];
  if (schemas.length === 0) return null;
  return { '1': schemas.length === 1 ? (schemas[0] as JsonSchema) : { anyOf: schemas } };
}
