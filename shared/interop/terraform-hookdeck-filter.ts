import type { WorkspaceConnector, WorkspaceWebhook } from '../workspace/workspace-file';

/**
 * A webhook's `events` selectors as a Hookdeck `filter_rule` for one connection (one connector):
 * the event type lives where that connector's events keep it (a JSONPath, a sender's header or
 * field, or the usual top-level fields), and each type glob becomes a filter value. Pure.
 */

/** Where a connector's event type is read, in Hookdeck filter terms. */
export type TypeLocation =
  | { in: 'body'; paths: string[][]; approximate?: string }
  | { in: 'headers'; header: string }
  | { in: 'unknown'; reason: string };

/** The type fields Hookdesk tries in order when nothing else names the type. */
const DEFAULT_TYPE_FIELDS = ['event_type', 'eventType', 'type', 'event', 'action'];

/** Where the sender's own convention puts the type (as the engine's tagging reads it). */
const SENDER_TYPE: Record<string, TypeLocation> = {
  shopify: { in: 'headers', header: 'x-shopify-topic' },
  jira: { in: 'body', paths: [['webhookEvent']] },
  slack: { in: 'body', paths: [['event', 'type']] },
  stripe: { in: 'body', paths: [['type']] },
  github: { in: 'headers', header: 'x-github-event' },
};

/** `$.a.b` or `$.a["b"]`-free dotted paths only; anything else (filters, wildcards, indexes) has no filter form. */
function simplePath(typePath: string): string[] | null {
  if (!/^\$(\.[A-Za-z_][A-Za-z0-9_-]*)+$/.test(typePath)) return null;
  return typePath.slice(2).split('.');
}

export function typeLocation(connector: Pick<WorkspaceConnector, 'typePath' | 'dataSource'>): TypeLocation {
  if (connector.typePath !== null) {
    const path = simplePath(connector.typePath);
    if (path === null) return { in: 'unknown', reason: `its type comes from the JSONPath ${connector.typePath}, which has no Hookdeck filter form` };
    return { in: 'body', paths: [path] };
  }
  const sender = connector.dataSource === null ? undefined : SENDER_TYPE[connector.dataSource.toLowerCase()];
  if (sender) return sender;
  return {
    in: 'body',
    paths: DEFAULT_TYPE_FIELDS.map((field) => [field]),
    approximate: `Hookdesk takes the type from the first of ${DEFAULT_TYPE_FIELDS.join(', ')} that is present; this filter passes a request when any of them matches`,
  };
}

/** A type glob as a Hookdeck filter value, `'all'` for `*`, or null when it has no filter form. */
export function globCondition(glob: string): unknown {
  if (/^\*+$/.test(glob)) return 'all';
  if (glob.includes('?')) return null;
  const stars = (glob.match(/\*/g) ?? []).length;
  if (stars === 0) return glob;
  if (stars === 1 && glob.endsWith('*')) return { $startsWith: glob.slice(0, -1) };
  if (stars === 1 && glob.startsWith('*')) return { $endsWith: glob.slice(1) };
  return null;
}

const SYSTEM_EVENT = /^(connector|webhook)\./i;

export interface ConnectionFilter {
  /** The filter_rule properties (`body`/`headers` JSON values), or null when everything passes. */
  rule: { body?: unknown; headers?: unknown } | null;
  /** What did not map, each a sentence. */
  notes: string[];
  /** False when none of the selectors can reach this connector's events (no connection is written). */
  reachable: boolean;
}

/**
 * GitHub types are `<X-GitHub-Event>.<action>`: an event name (`push`) or `issues.*` filters the
 * header; a type naming an action (`issues.opened`) needs the body's `action` too, which one filter
 * cannot OR with the others, so it is noted instead.
 */
function githubConditions(conditions: readonly unknown[], notes: string[]): unknown[] {
  const usable: unknown[] = [];
  const unmapped: string[] = [];
  for (const condition of conditions) {
    if (typeof condition === 'string' && !condition.includes('.')) usable.push(condition);
    else if (typeof condition === 'object' && condition !== null && '$startsWith' in condition && /^[^.]+\.$/.test(String(condition.$startsWith))) usable.push(String(condition.$startsWith).slice(0, -1));
    else unmapped.push(typeof condition === 'string' ? condition : JSON.stringify(condition));
  }
  if (unmapped.length > 0) notes.push(`GitHub types ${unmapped.join(', ')} depend on the body's action as well as the X-GitHub-Event header; only whole events ("issues" or "issues.*") map, so add a body filter on action by hand`);
  return usable;
}

function nest(path: readonly string[], leaf: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf);
}

/** The filter for the connection from `connector` to `webhook` (events selectors only; connector and data source filters pick the connections). */
export function connectionFilter(webhook: Pick<WorkspaceWebhook, 'events'>, connector: Pick<WorkspaceConnector, 'typePath' | 'dataSource'>): ConnectionFilter {
  if (webhook.events === 'all') return { rule: null, notes: [], reachable: true };
  const notes: string[] = [];
  const conditions: unknown[] = [];
  let all = false;
  const narrowed = webhook.events.filter((s) => s.version !== undefined || s.severity !== undefined).map((s) => s.type);
  if (narrowed.length > 0) notes.push(`version and severity in the events of ${narrowed.join(', ')} are not filtered (Hookdeck requests carry no such fields); those types pass whatever their version or severity`);
  const system = webhook.events.filter((s) => SYSTEM_EVENT.test(s.type)).map((s) => s.type);
  if (system.length > 0) notes.push(`${system.join(', ')}: Hookdesk's own system events have no Hookdeck counterpart (closest: Hookdeck issue notifications)`);
  const unmapped: string[] = [];
  for (const selector of webhook.events) {
    if (SYSTEM_EVENT.test(selector.type)) continue;
    const condition = globCondition(selector.type);
    if (condition === null) unmapped.push(selector.type);
    else if (condition === 'all') all = true;
    else conditions.push(condition);
  }
  if (unmapped.length > 0) notes.push(`the type patterns ${unmapped.join(', ')} have no Hookdeck filter form (only exact types, "prefix*" and "*suffix" map); events of those types are not delivered: add them to the filter by hand`);
  if (all) return { rule: null, notes, reachable: true };
  if (conditions.length === 0) return { rule: null, notes, reachable: false };
  const location = typeLocation(connector);
  if (location.in === 'unknown') {
    notes.push(`no type filter: ${location.reason}; every event of this connector is delivered (workaround: write a filter on the field by hand)`);
    return { rule: null, notes, reachable: true };
  }
  const usable = location.in === 'headers' && location.header === 'x-github-event' ? githubConditions(conditions, notes) : conditions;
  if (usable.length === 0) return { rule: null, notes, reachable: false };
  notes.push('Hookdeck compares types case-sensitively; Hookdesk type patterns ignore case');
  const match = usable.length === 1 ? usable[0] : { $or: usable };
  if (location.in === 'headers') return { rule: { headers: { [location.header]: match } }, notes, reachable: true };
  if (location.approximate) notes.push(location.approximate);
  const paths = location.paths;
  const body = paths.length === 1 ? nest(paths[0] ?? [], match) : { $or: paths.map((path) => nest(path, match)) };
  return { rule: { body }, notes, reachable: true };
}
