import type { EventListQuery, HookEvent } from '../../../shared/schemas/event';
import { EventLog } from './event-log';
import { EventState, type EventLogRecord } from './event-state';
import type { ConnectorCounters } from './connector-counters';

export interface EventRepositoryOptions {
  dir: string;
  retentionOf: (connectorId: string | null) => number;
  recover: boolean;
  nowMs: () => number;
  log: (line: string) => void;
  segmentMaxBytes?: number;
  /** Compact once the disk holds this many records more than are live. */
  compactSlack?: number;
}

/**
 * Stored events: the only way the engine writes or reads them. `append` resolves once the events
 * are fsync'd; listeners hear about them only after that.
 */
export class EventRepository {
  private readonly state: EventState;
  private readonly log: EventLog<EventLogRecord>;
  private readonly listeners = new Set<(events: HookEvent[]) => void>();
  private readonly compactSlack: number;

  constructor(options: EventRepositoryOptions) {
    this.state = new EventState(options.retentionOf);
    this.compactSlack = options.compactSlack ?? 20_000;
    this.log = new EventLog<EventLogRecord>(options.dir, {
      apply: (record) => this.state.apply(record),
      recover: options.recover,
      nowMs: options.nowMs,
      log: options.log,
      ...(options.segmentMaxBytes === undefined ? {} : { segmentMaxBytes: options.segmentMaxBytes }),
    });
  }

  async open(): Promise<void> {
    await this.log.open();
    await this.maybeCompact();
  }

  close(): Promise<void> {
    return this.log.close();
  }

  /** Stores events durably. Resolves after fsync; a failure stores none of them in memory. */
  async append(events: HookEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.log.append(events.map((event) => ({ op: 'put', event })));
    for (const listener of this.listeners) listener(events);
    void this.maybeCompact();
  }

  async patch(id: string, patch: Partial<HookEvent>): Promise<HookEvent | undefined> {
    if (!this.state.get(id)) return undefined;
    await this.log.append([{ op: 'patch', id, patch }]);
    return this.state.get(id);
  }

  /** Removes the stored events of one connector (or the synthetic ones); counters stay. */
  async clear(connectorId: string | null): Promise<void> {
    await this.log.append([{ op: 'clear', connectorId }]);
    void this.maybeCompact();
  }

  /** Removes a deleted connector's events and counters. */
  async drop(connectorId: string): Promise<void> {
    await this.log.append([{ op: 'drop', connectorId }]);
    void this.maybeCompact();
  }

  /** Applies a changed retention cap now (the change itself lives in workspace.json). */
  enforceRetention(connectorId: string): void {
    this.state.enforceRetention(connectorId);
    void this.maybeCompact();
  }

  get(id: string): HookEvent | undefined {
    return this.state.get(id);
  }

  countersOf(connectorId: string): ConnectorCounters {
    return this.state.countersOf(connectorId);
  }

  /** Newest first, filtered by connector, type and text in the body. */
  list(query: EventListQuery): HookEvent[] {
    let events = this.state.newestFirst(query.connectorId);
    if (query.type !== undefined) events = events.filter((e) => e.type === query.type);
    if (query.q !== undefined) {
      const needle = query.q.toLowerCase();
      events = events.filter((e) => searchableText(e).includes(needle));
    }
    return events;
  }

  /** Called with each durable batch, in order. Answers an unsubscribe function. */
  onAppended(listener: (events: HookEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async maybeCompact(): Promise<void> {
    if (this.log.diskRecords - this.state.liveCount < this.compactSlack) return;
    try {
      await this.log.compact(() => this.state.snapshot());
    } catch {
      // Compaction only reclaims space; the log stays correct without it and it is tried again later.
    }
  }
}

function searchableText(event: HookEvent): string {
  const body = typeof event.body === 'string' ? event.body : JSON.stringify(event.body ?? null);
  return body.toLowerCase();
}
