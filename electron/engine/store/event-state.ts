import type { HookEvent } from '../../../shared/schemas/event';
import { bodyRecord } from './body-record';
import { coldCopy, keepWarm, relocate, RECORD_BODY, type BodyLocation, type WithBodyLocation } from './cold-body';
import { countEvent, emptyCounters, type ConnectorCounters } from './connector-counters';
import type { JournalPart, JournalRecord } from './journal';

/** One line of the event log. */
export type EventLogRecord =
  /** A newly received event: indexed and counted. */
  | { op: 'put'; event: HookEvent }
  /** An event written back by compaction: indexed, not counted again. */
  | { op: 'restore'; event: HookEvent }
  /** A connector's counters as of a compaction. */
  | { op: 'counters'; connectorId: string; counters: ConnectorCounters }
  /** A change to a stored event (forward result, verification, ...). */
  | { op: 'patch'; id: string; patch: Partial<HookEvent> }
  /** Events of one connector (or the synthetic ones, null) removed; counters kept. */
  | { op: 'clear'; connectorId: string | null }
  /** A deleted connector: its events and counters go. */
  | { op: 'drop'; connectorId: string }
  /** Single events deleted by id (bulk delete); counters kept, as for `clear`. */
  | { op: 'remove'; ids: string[] };

const EVENT_OPS = new Set(['put', 'restore', 'counters', 'patch', 'clear', 'drop', 'remove']);

const SYNTHETIC = '';

/** Events of one connector in arrival order, trimmed from the front (oldest first). */
class EventList {
  private items: HookEvent[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(event: HookEvent): void {
    this.items.push(event);
  }

  /** Drops the oldest events beyond `cap` and answers them. */
  trimTo(cap: number): HookEvent[] {
    const excess = this.size - cap;
    if (excess <= 0) return [];
    const dropped = this.items.slice(this.head, this.head + excess);
    // The slots before `head` must not keep trimmed events alive until the array is compacted
    // below (that kept up to twice the retention in memory).
    this.items.fill(undefined as unknown as HookEvent, this.head, this.head + excess);
    this.head += excess;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return dropped;
  }

  /** Removes the events whose ids are in `ids` (one pass over the list). */
  removeWhere(ids: ReadonlySet<string>): void {
    this.items = this.items.slice(this.head).filter((event) => !ids.has(event.id));
    this.head = 0;
  }

  /** Oldest first. */
  *ascending(): Generator<HookEvent> {
    for (let i = this.head; i < this.items.length; i += 1) yield this.items[i] as HookEvent;
  }

  /** Newest first. */
  *descending(): Generator<HookEvent> {
    for (let i = this.items.length - 1; i >= this.head; i -= 1) yield this.items[i] as HookEvent;
  }
}

/**
 * The in-memory view of the event log: events by id and by connector (bounded by each
 * connector's retention) and per-connector counters. Only `apply` changes it, so memory always
 * equals "replay of what is on disk".
 */
export class EventState implements JournalPart {
  private readonly byId = new Map<string, HookEvent>();
  private readonly lists = new Map<string, EventList>();
  private readonly counters = new Map<string, ConnectorCounters>();
  /** Arrival order across connectors, for "newest first" over all of them. */
  private readonly ordinals = new Map<string, number>();
  private nextOrdinal = 0;

  constructor(private readonly retentionOf: (connectorId: string | null) => number) {}

  liveCount(): number {
    return this.byId.size;
  }

  owns(record: JournalRecord): boolean {
    return EVENT_OPS.has(record.op);
  }

  reset(): void {
    this.byId.clear();
    this.ordinals.clear();
    this.lists.clear();
    this.counters.clear();
  }

  apply(journalRecord: JournalRecord): void {
    const record = journalRecord as EventLogRecord;
    switch (record.op) {
      case 'put':
      case 'restore': {
        // Written as a body line: memory keeps where the body is, not the body (cold-body.ts).
        const location = (journalRecord as WithBodyLocation)[RECORD_BODY];
        if (!location) {
          this.insert(record.event, record.op === 'put');
          return;
        }
        const cold = coldCopy(record.event, location);
        this.insert(cold, record.op === 'put');
        // A new event is read right after it is stored (its deliveries, forward, live stream): its
        // parsed body stays with it while recent (WarmBodies) instead of being read back from the
        // segment being appended to (a read there can wait milliseconds behind the appends' flushes).
        if (record.op === 'put' && this.byId.get(cold.id) === cold) keepWarm(cold, record.event.body);
        return;
      }
      case 'counters':
        this.counters.set(record.connectorId, record.counters);
        return;
      case 'patch': {
        const event = this.byId.get(record.id);
        if (event) Object.assign(event, record.patch);
        return;
      }
      case 'clear':
        this.removeEvents(record.connectorId);
        return;
      case 'drop':
        this.removeEvents(record.connectorId);
        this.counters.delete(record.connectorId);
        return;
      case 'remove':
        this.removeIds(record.ids);
        return;
      default:
        throw new Error(`unknown record ${JSON.stringify(record)}`);
    }
  }

  get(id: string): HookEvent | undefined {
    return this.byId.get(id);
  }

  countersOf(connectorId: string): ConnectorCounters {
    return this.counters.get(connectorId) ?? emptyCounters();
  }

  /** Newest first, for one connector or across all of them. */
  newestFirst(connectorId?: string): HookEvent[] {
    if (connectorId !== undefined) return [...(this.lists.get(connectorId)?.descending() ?? [])];
    const ordinal = (event: HookEvent): number => this.ordinals.get(event.id) ?? 0;
    return [...this.byId.values()].sort((a, b) => ordinal(b) - ordinal(a));
  }

  /**
   * Records that rebuild this state exactly: what compaction writes while later records are
   * appended. Counters change in place, so they are copied; events change only through `patch`
   * records, which give the same result when replayed onto an already patched event.
   */
  snapshot(): EventLogRecord[] {
    const records: EventLogRecord[] = [];
    for (const [connectorId, counters] of this.counters) records.push({ op: 'counters', connectorId, counters: structuredClone(counters) });
    for (const list of this.lists.values()) for (const event of list.ascending()) records.push(bodyRecord('restore', event) as EventLogRecord);
    return records;
  }

  /** A restored event's body moved into the compaction's snapshot; an event still held in memory follows it there. */
  relocated(journalRecord: JournalRecord, location: BodyLocation): void {
    const { event } = journalRecord as Extract<EventLogRecord, { op: 'restore' }>;
    // Only an event still stored follows (not one removed or trimmed since the snapshot); an event
    // whose body is still in memory (loaded from an older journal) is left so until the next start.
    if (this.byId.get(event.id) === event) relocate(event, location);
  }

  /** Re-applies retention after a connector's cap changed. */
  enforceRetention(connectorId: string): void {
    const list = this.lists.get(connectorId);
    if (!list) return;
    for (const gone of list.trimTo(this.retentionOf(connectorId))) this.forget(gone.id);
  }

  private insert(event: HookEvent, count: boolean): void {
    if (this.byId.has(event.id)) return; // replay after an interrupted compaction
    const key = event.connectorId ?? SYNTHETIC;
    let list = this.lists.get(key);
    if (!list) {
      list = new EventList();
      this.lists.set(key, list);
    }
    list.push(event);
    this.byId.set(event.id, event);
    this.ordinals.set(event.id, this.nextOrdinal++);
    if (count && event.connectorId !== null) {
      let counters = this.counters.get(event.connectorId);
      if (!counters) {
        counters = emptyCounters();
        this.counters.set(event.connectorId, counters);
      }
      countEvent(counters, Date.parse(event.receivedTime));
    }
    for (const gone of list.trimTo(this.retentionOf(event.connectorId))) this.forget(gone.id);
  }

  private forget(id: string): void {
    this.byId.delete(id);
    this.ordinals.delete(id);
  }

  /** Each list that holds one of the ids is rebuilt once, however many of its events go. */
  private removeIds(ids: readonly string[]): void {
    const gone = new Set<string>();
    const lists = new Set<string>();
    for (const id of ids) {
      const event = this.byId.get(id);
      if (!event) continue;
      gone.add(id);
      lists.add(event.connectorId ?? SYNTHETIC);
      this.forget(id);
    }
    for (const key of lists) {
      const list = this.lists.get(key);
      if (!list) continue;
      list.removeWhere(gone);
      if (list.size === 0) this.lists.delete(key);
    }
  }

  private removeEvents(connectorId: string | null): void {
    const key = connectorId ?? SYNTHETIC;
    const list = this.lists.get(key);
    if (!list) return;
    for (const event of list.ascending()) this.forget(event.id);
    this.lists.delete(key);
  }
}
