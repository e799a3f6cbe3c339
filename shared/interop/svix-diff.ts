import { sameJson, sameSet } from './svix-canonical';
import { isSensitiveSvixHeader } from './svix-names';
import { SVIX_HEADERS_KEY, SVIX_MANAGED_BY, SVIX_MANAGED_BY_VALUE, SVIX_WEBHOOK_KEY, type SvixEndpointSpec, type SvixPlan } from './svix-plan';

/** What the Svix server holds now, as read through the SDK (only the parts the plan manages). */
export interface SvixCurrentState {
  app: { id: string; name: string } | null;
  /** By name, archived ones included. */
  eventTypes: ReadonlyMap<string, SvixCurrentEventType>;
  /** Every endpoint of the application. */
  endpoints: readonly SvixCurrentEndpoint[];
}

export interface SvixCurrentEventType {
  description: string;
  schemas: unknown;
  archived: boolean;
  /** Fields this command does not manage, carried over when it updates the type. */
  deprecated: boolean;
  groupName: string | null;
  featureFlag: string | null;
  featureFlags: string[] | null;
}

export interface SvixCurrentEndpoint {
  id: string;
  uid: string | null;
  url: string;
  description: string;
  disabled: boolean;
  filterTypes: string[] | null;
  channels: string[] | null;
  metadata: Record<string, string>;
  /** Hookdesk webhooks have no rate limit: one set in Svix is carried over when the endpoint is updated. */
  rateLimit: number | null;
  /** Read for the endpoints the plan manages only: values of non-sensitive headers, names of sensitive ones. */
  headers: { headers: Record<string, string>; sensitive: string[] } | null;
  /** Read only when the plan sets a secret; compared, never printed. */
  secret: string | null;
}

export type SvixAction = 'create' | 'update' | 'unchanged' | 'skip' | 'leave';

/**
 * One line of the deployment: `create`/`update` (with the changed fields) are what apply writes;
 * `skip` is a webhook that is not deployed (`reason`), `leave` an endpoint Hookdesk made whose
 * webhook is gone: it is never deleted, only named.
 */
export interface SvixChange {
  kind: 'application' | 'event type' | 'endpoint';
  name: string;
  action: SvixAction;
  fields: string[];
  reason?: string;
  /** For endpoints: the webhook's endpoint as planned, and the one found (by uid). */
  endpoint?: SvixEndpointSpec;
  current?: SvixCurrentEndpoint;
}

/** Fields of an endpoint written with `PUT .../endpoint/{uid}` (headers and the secret have their own calls). */
export const ENDPOINT_BODY_FIELDS = ['url', 'description', 'disabled', 'filterTypes', 'channels', 'metadata'] as const;

/**
 * The changes that bring the server to the plan, in the order they must be made (the application,
 * then event types, since an endpoint's filterTypes must name existing ones, then endpoints).
 * Running it on the state a deployment leaves gives only `unchanged`, `skip` and `leave`.
 */
export function diffSvix(plan: SvixPlan, current: SvixCurrentState): SvixChange[] {
  const changes: SvixChange[] = [];
  if (current.app === null) changes.push({ kind: 'application', name: plan.app.name, action: 'create', fields: [] });
  else changes.push({ kind: 'application', name: plan.app.name, action: current.app.name === plan.app.name ? 'unchanged' : 'update', fields: current.app.name === plan.app.name ? [] : ['name'] });

  for (const spec of plan.eventTypes) {
    const found = current.eventTypes.get(spec.name);
    if (!found) {
      changes.push({ kind: 'event type', name: spec.name, action: 'create', fields: [] });
      continue;
    }
    const fields: string[] = [];
    if (found.archived) fields.push('archived');
    if (found.description !== spec.description) fields.push('description');
    if (!sameJson(found.schemas ?? null, spec.schemas)) fields.push('schemas');
    changes.push({ kind: 'event type', name: spec.name, action: fields.length > 0 ? 'update' : 'unchanged', fields });
  }

  const byUid = new Map(current.endpoints.filter((e) => e.uid !== null).map((e) => [e.uid as string, e]));
  for (const planned of plan.webhooks) {
    if (planned.endpoint === null) {
      changes.push({ kind: 'endpoint', name: planned.webhook, action: 'skip', fields: [], reason: planned.skipped ?? 'not deployed' });
      continue;
    }
    const endpoint = planned.endpoint;
    const found = byUid.get(endpoint.uid);
    if (!found) {
      changes.push({ kind: 'endpoint', name: planned.webhook, action: 'create', fields: [], endpoint });
      continue;
    }
    if (found.metadata[SVIX_MANAGED_BY] !== SVIX_MANAGED_BY_VALUE) {
      changes.push({
        kind: 'endpoint',
        name: planned.webhook,
        action: 'skip',
        fields: [],
        reason: `Svix already has an endpoint with the uid "${endpoint.uid}" that Hookdesk did not make; it is left as it is (delete it in Svix, or give it another uid, to deploy this webhook).`,
      });
      continue;
    }
    const fields = endpointFieldChanges(endpoint, found);
    changes.push({ kind: 'endpoint', name: planned.webhook, action: fields.length > 0 ? 'update' : 'unchanged', fields, endpoint, current: found });
  }

  const webhookNames = new Set(plan.webhooks.map((w) => w.webhook.toLowerCase()));
  for (const endpoint of current.endpoints) {
    const made = endpoint.metadata[SVIX_MANAGED_BY] === SVIX_MANAGED_BY_VALUE;
    const webhook = endpoint.metadata[SVIX_WEBHOOK_KEY];
    if (!made || webhook === undefined || webhookNames.has(webhook.toLowerCase())) continue;
    changes.push({
      kind: 'endpoint',
      name: webhook,
      action: 'leave',
      fields: [],
      reason: `No webhook "${webhook}" in the workspace any more; its endpoint ${endpoint.uid ?? endpoint.id} is left in Svix (delete it there if it should go).`,
      current: endpoint,
    });
  }
  return changes;
}

function endpointFieldChanges(want: SvixEndpointSpec, found: SvixCurrentEndpoint): string[] {
  const fields: string[] = [];
  if (found.url !== want.url) fields.push('url');
  if (found.description !== want.description) fields.push('description');
  if (found.disabled !== want.disabled) fields.push('disabled');
  if (!sameSet(found.filterTypes, want.filterTypes)) fields.push('filterTypes');
  if (!sameSet(found.channels, want.channels)) fields.push('channels');
  if (!sameJson(found.metadata, want.metadata)) fields.push('metadata');
  if (headersDiffer(want, found)) fields.push('headers');
  if (want.secret !== null && found.secret !== want.secret) fields.push('secret');
  return fields;
}

/**
 * Svix answers sensitive headers (Authorization, X-API-Key, ...) by name only, so their values are
 * compared through the fingerprint the plan keeps in the endpoint's metadata.
 */
function headersDiffer(want: SvixEndpointSpec, found: SvixCurrentEndpoint): boolean {
  const have = found.headers ?? { headers: {}, sensitive: [] };
  const plain = (headers: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => !isSensitiveSvixHeader(name)).map(([name, value]) => [name.toLowerCase(), value]));
  if (!sameJson(plain(want.headers), plain(have.headers))) return true;
  const wantSensitive = Object.keys(want.headers).filter(isSensitiveSvixHeader).map((n) => n.toLowerCase());
  const haveSensitive = [...have.sensitive, ...Object.keys(have.headers).filter(isSensitiveSvixHeader)].map((n) => n.toLowerCase());
  if (!sameSet(wantSensitive, haveSensitive)) return true;
  return (want.metadata[SVIX_HEADERS_KEY] ?? null) !== (found.metadata[SVIX_HEADERS_KEY] ?? null);
}

/** Does the deployment write anything? (What `--dry-run`'s exit code 2 means.) */
export function svixHasChanges(changes: readonly SvixChange[]): boolean {
  return changes.some((c) => c.action === 'create' || c.action === 'update');
}
