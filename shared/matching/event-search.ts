import type { HookEvent } from '../schemas/event';
import { globMatches } from './glob';

/**
 * Finding events (`GET /events` filters), the same in the engine and in the page's live log, so a
 * live event lands in the list exactly when the engine would have answered it.
 *
 * Every check is bounded: patterns are at most MAX_SEARCH_LENGTH characters, type patterns go
 * through the linear glob matcher (never a RegExp), and text is found with `includes`.
 */

/** The longest pattern or text a filter takes (a longer one is refused with 400). */
export const MAX_SEARCH_LENGTH = 200;

/** Relay outcomes an event can be filtered by (the row badges). */
export const EVENT_STATUS_FILTERS = ['verified', 'signature-failed', 'forward-failed', 'shape-changed'] as const;
export type EventStatusFilter = (typeof EVENT_STATUS_FILTERS)[number];

export const EVENT_STATUS_LABELS: Record<EventStatusFilter, string> = {
  verified: 'Verified',
  'signature-failed': 'Signature failed',
  'forward-failed': 'Forward failed',
  'shape-changed': 'Shape changed',
};

export interface EventSearch {
  /** A glob (`order.*`, `*.failed`) or, without `*` and `?`, a prefix (`invoice` finds `invoice.paid`). */
  type?: string | undefined;
  /** The start of an event id. */
  id?: string | undefined;
  /** Text in one header line, `name: value` (so a name, a value, or both). */
  header?: string | undefined;
  /** Text in the body. */
  q?: string | undefined;
  /** Text in any of the id, the type, a header line or the body. */
  text?: string | undefined;
  status?: EventStatusFilter | undefined;
}

/** True when the search filters nothing. */
export function isEmptySearch(search: EventSearch): boolean {
  return !search.type && !search.id && !search.header && !search.q && !search.text && !search.status;
}

/** Type by glob, or by prefix when the pattern has no wildcard; case-insensitive. */
export function typeMatches(pattern: string, type: string): boolean {
  if (pattern.includes('*') || pattern.includes('?')) return globMatches(pattern, type);
  return type.toLowerCase().startsWith(pattern.toLowerCase());
}

export function statusMatches(event: HookEvent, status: EventStatusFilter): boolean {
  switch (status) {
    case 'verified':
      return event.verification?.status === 'verified';
    case 'signature-failed':
      return event.verification?.status === 'failed';
    case 'forward-failed':
      return event.forward?.status === 'failed';
    case 'shape-changed':
      return event.drift !== null && event.drift !== undefined;
  }
}

/** `needle` lower-cased; true when a header line `name: value` contains it. */
function headersContain(headers: Record<string, string> | undefined, needle: string): boolean {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (`${name}: ${value}`.toLowerCase().includes(needle)) return true;
  }
  return false;
}

/**
 * The body as searched, lower-cased. A body that cannot be written as JSON (stored bodies are
 * already bounded in depth; this is the last guard) is not searched and never fails the search.
 */
export function searchableBody(event: HookEvent): string {
  if (typeof event.body === 'string') return event.body.toLowerCase();
  try {
    return (JSON.stringify(event.body ?? null) ?? '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * A compiled search: patterns lower-cased once, the cheap checks first, and the body (the only
 * costly one) turned into text at most once per event.
 */
export function compileEventSearch(search: EventSearch): (event: HookEvent) => boolean {
  const type = search.type || undefined;
  const id = search.id?.toLowerCase() || undefined;
  const header = search.header?.toLowerCase() || undefined;
  const q = search.q?.toLowerCase() || undefined;
  const text = search.text?.toLowerCase() || undefined;
  const status = search.status;
  return (event) => {
    if (status !== undefined && !statusMatches(event, status)) return false;
    if (type !== undefined && !typeMatches(type, event.type)) return false;
    if (id !== undefined && !event.id.toLowerCase().startsWith(id)) return false;
    if (header !== undefined && !headersContain(event.headers, header)) return false;
    let body: string | undefined;
    if (q !== undefined) {
      body = searchableBody(event);
      if (!body.includes(q)) return false;
    }
    if (text !== undefined) {
      const found =
        event.id.toLowerCase().includes(text) ||
        event.type.toLowerCase().includes(text) ||
        headersContain(event.headers, text) ||
        (body ?? searchableBody(event)).includes(text);
      if (!found) return false;
    }
    return true;
  };
}
