import { reviveShape, type Shape } from '../../../shared/inference/shape';
import type { HookEvent } from '../../../shared/schemas/event';
import type { EventLogRecord } from './event-state';
import type { JournalPart, JournalRecord } from './journal';

/** The inferred shape of one event type on one connector, as durable. */
export interface StoredSchema {
  connectorId: string;
  type: string;
  /** Replaced whole by each record, never changed in place (a snapshot may hold it while later records apply). */
  shape: Shape;
  eventCount: number;
  firstSeenTime: string;
  lastSeenTime: string;
}

export type SchemaRecord =
  /**
   * The shape of (connector, type) as it is after the events written with it: only written when the
   * inferred schema changed (and by compaction). Counts and times as of then; the `put` records of
   * later events of that type move them on.
   */
  { op: 'schema.put'; connectorId: string; type: string; shape: Shape; eventCount: number; firstSeenTime: string; lastSeenTime: string };

const OPS = new Set(['schema.put']);

/** The events whose bodies are inferred: received by a connector (push or capture) with a body (a bodyless capture, such as a GET, has no shape). */
export function isInferred(event: HookEvent): event is HookEvent & { connectorId: string } {
  return event.connectorId !== null && (event.source === 'push' || event.source === 'capture') && event.size > 0;
}

/**
 * Inferred shapes per connector and event type, rebuilt from the journal. A shape changes only
 * through `schema.put` records; `eventCount` and `lastSeenTime` also follow the events' own `put`
 * records (observed), so they are exact after a restart without a record per event. A connector's
 * `drop` takes its shapes; `clear` (its events only) keeps them.
 */
export class SchemaState implements JournalPart {
  private readonly byConnector = new Map<string, Map<string, StoredSchema>>();
  private readonly dropListeners = new Set<(connectorId: string) => void>();
  private size = 0;

  owns(record: JournalRecord): boolean {
    return OPS.has(record.op);
  }

  liveCount(): number {
    return this.size;
  }

  reset(): void {
    this.byConnector.clear();
    this.size = 0;
  }

  apply(journalRecord: JournalRecord): void {
    const record = journalRecord as SchemaRecord;
    const shape = reviveShape(record.shape);
    if (!shape) return;
    let types = this.byConnector.get(record.connectorId);
    if (!types) {
      types = new Map();
      this.byConnector.set(record.connectorId, types);
    }
    const before = types.get(record.type);
    if (!before) this.size += 1;
    types.set(record.type, {
      connectorId: record.connectorId,
      type: record.type,
      shape,
      eventCount: record.eventCount,
      firstSeenTime: before && before.firstSeenTime < record.firstSeenTime ? before.firstSeenTime : record.firstSeenTime,
      lastSeenTime: before && before.lastSeenTime > record.lastSeenTime ? before.lastSeenTime : record.lastSeenTime,
    });
  }

  /** Counts received events of known types (ISO times of one format compare as strings); drops a deleted connector's shapes. */
  observe(journalRecord: JournalRecord): void {
    const record = journalRecord as EventLogRecord;
    if (record.op === 'put') {
      const event = record.event;
      if (!isInferred(event)) return;
      const stored = this.byConnector.get(event.connectorId)?.get(event.type);
      if (!stored) return; // the first events of a type come before their first schema.put, which counts them
      stored.eventCount += 1;
      if (event.receivedTime > stored.lastSeenTime) stored.lastSeenTime = event.receivedTime;
    } else if (record.op === 'drop') {
      const types = this.byConnector.get(record.connectorId);
      if (types) {
        this.size -= types.size;
        this.byConnector.delete(record.connectorId);
      }
      for (const listener of this.dropListeners) listener(record.connectorId);
    }
  }

  snapshot(): JournalRecord[] {
    const records: SchemaRecord[] = [];
    for (const types of this.byConnector.values()) {
      for (const s of types.values()) {
        records.push({ op: 'schema.put', connectorId: s.connectorId, type: s.type, shape: s.shape, eventCount: s.eventCount, firstSeenTime: s.firstSeenTime, lastSeenTime: s.lastSeenTime });
      }
    }
    return records;
  }

  get(connectorId: string, type: string): StoredSchema | undefined {
    return this.byConnector.get(connectorId)?.get(type);
  }

  /** One connector's shapes, by type. */
  ofConnector(connectorId: string): StoredSchema[] {
    return [...(this.byConnector.get(connectorId)?.values() ?? [])];
  }

  typeCount(connectorId: string): number {
    return this.byConnector.get(connectorId)?.size ?? 0;
  }

  /** The shapes of one type on every connector. */
  ofType(type: string): StoredSchema[] {
    const out: StoredSchema[] = [];
    for (const types of this.byConnector.values()) {
      const found = types.get(type);
      if (found) out.push(found);
    }
    return out;
  }

  /** Told when a connector's shapes were dropped (its `drop` record applied). Answers an unsubscribe function. */
  onDropped(listener: (connectorId: string) => void): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }
}
