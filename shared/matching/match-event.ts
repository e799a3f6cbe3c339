import type { DispatchEvent } from '../events/dispatch-event';
import type { EventSelector, WebhookEvents, WebhookFilters } from '../schemas/webhook';
import { globMatches } from './glob';

type MatchableEvent = Pick<DispatchEvent, 'type' | 'version' | 'severity' | 'connectorId' | 'dataSource'>;

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

/** Does a webhook with these `events` and `filters` want this event? */
export function webhookMatchesEvent(webhook: { events: WebhookEvents; filters: WebhookFilters }, event: MatchableEvent): boolean {
  const selected = webhook.events === 'all' || webhook.events.some((selector) => selectorMatches(selector, event));
  return selected && filtersMatch(webhook.filters, event);
}
