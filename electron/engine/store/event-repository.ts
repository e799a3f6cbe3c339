import { hasInexactNumbers } from '../../../shared/json/lossless-json';
import { compileEventSearch, isEmptySearch } from '../../../shared/matching/event-search';
import type { EventListQuery, HookEvent } from '../../../shared/schemas/event';
import { bodyRecord } from './body-record';
import type { ConnectorCounters } from './connector-counters';
import { EventState, type EventLogRecord } from './event-state';
import type { Journal, JournalRecord } from './journal';
import { errorText } from '../../../shared/errors';

/**
 * Computes, synchronously and before anything is written, the records that must become durable
 * together with a batch of new events (for example the deliveries they cause).
 */
export type AppendHook = (events: HookEvent[]) => JournalRecord[];

/**
 * Stored events: the only way the engine writes or reads them. `append` resolves once the events
 * (and what hooks add to them) are fsync'd; listeners hear about them only after that.
 */
export class EventRepository {
  private readonly state: EventState;
  private readonly listeners = new Set<(events: HookEvent[]) => void>();
  private readonly hooks: AppendHook[] = [];

  constructor(
    private readonly journal: Journal,
    retentionOf: (connectorId: string | null) => number,
  ) {
    this.state = new EventState(retentionOf);
    journal.register(this.state);
  }

  /**
   * Stores events durably. Resolves after fsync; on failure none of them is stored. `rawBodies[i]`,
   * when given, is event i's body as the JSON text it was received as: the journal writes it as is
   * instead of serializing the parsed body again (it must be JSON that parses to `body`).
   */
  async append(events: HookEvent[], rawBodies?: readonly (string | undefined)[]): Promise<void> {
    if (events.length === 0) return;
    if (rawBodies) keepInexactText(events, rawBodies);
    const records: JournalRecord[] = events.map((event, i) => bodyRecord('put', event, rawBodies?.[i]));
    for (const hook of this.hooks) records.push(...hook(events));
    await this.journal.append(records);
    // The events are durable now: a listener that throws (SSE, dispatch, ...) must not turn that
    // into an error for the sender, whose retry would store them twice.
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.journal.warn(`A listener of new events failed (${errorText(error)}); the events are stored.`);
      }
    }
  }

  async patch(id: string, patch: Partial<HookEvent>): Promise<HookEvent | undefined> {
    if (!this.state.get(id)) return undefined;
    await this.journal.append([eventRecord({ op: 'patch', id, patch })]);
    return this.state.get(id);
  }

  /** Removes the stored events of one connector (or the synthetic ones); counters stay. */
  async clear(connectorId: string | null): Promise<void> {
    await this.journal.append([eventRecord({ op: 'clear', connectorId })]);
  }

  /** Removes a deleted connector's events and counters. */
  async drop(connectorId: string): Promise<void> {
    await this.journal.append([eventRecord({ op: 'drop', connectorId })]);
  }

  /**
   * Deletes single events by id, durably, in one record; answers which ids were stored (and are
   * now gone) and which were not. Counters stay, as when a connector's events are cleared.
   */
  async remove(ids: readonly string[]): Promise<{ deleted: string[]; notFound: string[] }> {
    const unique = [...new Set(ids)];
    const deleted = unique.filter((id) => this.state.get(id) !== undefined);
    const notFound = unique.filter((id) => this.state.get(id) === undefined);
    if (deleted.length > 0) await this.journal.append([eventRecord({ op: 'remove', ids: deleted })]);
    return { deleted, notFound };
  }

  /** Applies a changed retention cap now (the change itself lives in workspace.json). */
  enforceRetention(connectorId: string): void {
    this.state.enforceRetention(connectorId);
    void this.journal.maybeCompact();
  }

  get(id: string): HookEvent | undefined {
    return this.state.get(id);
  }

  countersOf(connectorId: string): ConnectorCounters {
    return this.state.countersOf(connectorId);
  }

  /** Newest first, filtered by connector and the search filters (shared/matching/event-search.ts). */
  list(query: EventListQuery): HookEvent[] {
    const events = this.state.newestFirst(query.connectorId);
    const { connectorId: _connector, ...search } = query;
    return isEmptySearch(search) ? events : events.filter(compileEventSearch(search));
  }

  /** Called with each durable batch, in order. Answers an unsubscribe function. */
  onAppended(listener: (events: HookEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds records to every future append, written in the same fsync as the events. */
  addAppendHook(hook: AppendHook): void {
    this.hooks.push(hook);
  }
}

/**
 * Keeps a body's JSON text on its event (`bodyJson`) when the parsed body lost something the sender
 * wrote (digits past double precision, `1.10`), so webhooks and replays can send it as written, also
 * after a restart. Only then, and only when no `bodyBase64` holds the bytes already: most bodies are
 * not kept twice in memory.
 */
function keepInexactText(events: HookEvent[], rawBodies: readonly (string | undefined)[]): void {
  for (const [i, event] of events.entries()) {
    const raw = rawBodies[i];
    if (raw !== undefined && event.bodyBase64 === undefined && hasInexactNumbers(raw)) event.bodyJson = raw;
  }
}

/** Type-checks an event record and widens it to a journal record. */
function eventRecord(record: EventLogRecord): JournalRecord {
  return record;
}
