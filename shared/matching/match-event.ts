import { SYSTEM_EVENT_TYPES, type DispatchEvent } from '../events/dispatch-event';
import type { EventSelector, WebhookEvents, WebhookFilters } from '../schemas/webhook';
import { globMatches } from './glob';

type MatchableEvent = Pick<DispatchEvent, 'type' | 'version' | 'severity' | 'connectorId' | 'dataSource' | 'source'>;

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** One selector: type glob; when given, version (glob too) and severity must match the event's. */
export function selectorMatches(selector: EventSelector, event: MatchableEvent): boolean {
  if (!globMatches(selector.type, event.type)) return false;
  if (selector.version !== undefined && (event.version === undefined || !globMatches(selector.version, event.version))) return false;
  if (selector.severity !== undefined && (event.severity === undefined || !same(selector.severity, event.severity))) return false;
  return true;
}

function inList(list: readonly string[] | undefined, value: string | null | undefined, caseless: boolean): boolean {
  if (!list || list.length === 0) return true;
  if (value === null || value === undefined) return false;
  return list.some((entry) => (caseless ? same(entry, value) : entry === value));
}

/** Filters narrow further: absent or empty lists let everything through; an event without the field fails a list. */
export function filtersMatch(filters: WebhookFilters, event: MatchableEvent): boolean {
  return (
    inList(filters.connectorIds, event.connectorId, false) &&
    inList(filters.dataSources, event.dataSource, true) &&
    inList(filters.severities, event.severity, true)
  );
}

/** `connector.`, `webhook.`: the namespaces of the events Hookdesk raises itself. */
const SYSTEM_NAMESPACES = [...new Set(SYSTEM_EVENT_TYPES.map((type) => type.slice(0, type.indexOf('.') + 1).toLowerCase()))];

/**
 * Does this selector name Hookdesk's own events? Its type must, before any wildcard, spell out a
 * system namespace: `webhook.failed`, `webhook.*` and `connector.status_*` do; `*`, `*.failed` and
 * `web*` do not, since a person writing those means their senders' events (`Job.failed`).
 */
export function selectorNamesSystemEvents(selector: EventSelector): boolean {
  const wildcard = selector.type.search(/[*?]/);
  const literal = (wildcard === -1 ? selector.type : selector.type.slice(0, wildcard)).toLowerCase();
  return SYSTEM_NAMESPACES.some((namespace) => literal.startsWith(namespace));
}

/**
 * Does a webhook with these `events` and `filters` want this event? Events Hookdesk raises itself
 * (`source: "system"`: webhook.failed, webhook.restarted, connector.status_changed) go only to
 * webhooks that name them (see `selectorNamesSystemEvents`), never through "all" or a catch-all
 * glob into a template written for order or push events. The same types sent by a sender or
 * published through the API are ordinary events.
 */
export function webhookMatchesEvent(webhook: { events: WebhookEvents; filters: WebhookFilters }, event: MatchableEvent): boolean {
  let selected: boolean;
  if (event.source === 'system') {
    selected = webhook.events !== 'all' && webhook.events.some((selector) => selectorNamesSystemEvents(selector) && selectorMatches(selector, event));
  } else {
    selected = webhook.events === 'all' || webhook.events.some((selector) => selectorMatches(selector, event));
  }
  return selected && filtersMatch(webhook.filters, event);
}
