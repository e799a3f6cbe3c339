import { cloneShape, DEFAULT_SHAPE_LIMITS, emptyShape, mergeValue, type MergeResult, type Shape, type ShapeLimits } from '../../../shared/inference/shape';
import type { HookEvent } from '../../../shared/schemas/event';
import type { JournalRecord } from '../store/journal';
import { isInferred, type SchemaRecord, type SchemaState } from '../store/schema-state';

/**
 * Merges one body, never throwing into the append it runs in: merging is bounded (depth, values,
 * nodes), so a throw would be a bug; that body then gets no drift mark, and the events are stored.
 */
function mergeSafely(shape: Shape, body: unknown, limits: ShapeLimits): MergeResult | null {
  try {
    return mergeValue(shape, body, limits);
  } catch {
    return null;
  }
}

/** Event types tracked per connector; events of further types get no schema and no drift mark. */
export const MAX_TYPES_PER_CONNECTOR = 500;

interface Working {
  shape: Shape;
  eventCount: number;
  firstSeenTime: string;
  lastSeenTime: string;
}

export interface SchemaTrackerOptions {
  limits?: ShapeLimits;
  maxTypesPerConnector?: number;
}

/**
 * The append hook that infers shapes on the push and capture path. It works on its own copy of
 * each shape, ahead of the durable one in `SchemaState` by the batches not yet written, so that
 * concurrent requests see each other's fields (a field is reported as added once). For each new
 * event it merges the body, sets `event.drift` when the body drifted, and answers one
 * `schema.put` per shape that changed (none once shapes are stable), written in the same fsync.
 */
export class SchemaTracker {
  private readonly working = new Map<string, Map<string, Working>>();
  private readonly limits: ShapeLimits;
  private readonly maxTypes: number;

  constructor(
    private readonly state: SchemaState,
    options: SchemaTrackerOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_SHAPE_LIMITS;
    this.maxTypes = options.maxTypesPerConnector ?? MAX_TYPES_PER_CONNECTOR;
    state.onDropped((connectorId) => this.working.delete(connectorId));
  }

  recordsFor(events: HookEvent[]): JournalRecord[] {
    let changed: { connectorId: string; type: string; working: Working }[] | null = null;
    for (const event of events) {
      if (!isInferred(event)) continue;
      const working = this.workingFor(event.connectorId, event.type, event.receivedTime);
      if (!working) continue;
      working.eventCount += 1;
      if (event.receivedTime > working.lastSeenTime) working.lastSeenTime = event.receivedTime;
      // A body kept raw (too deep to parse) is counted but has no shape to merge.
      const result = event.bodyNote === undefined ? mergeSafely(working.shape, event.body, this.limits) : null;
      if (!result) continue;
      if (result.drift) event.drift = result.drift;
      if (result.changed) {
        changed ??= [];
        if (!changed.some((c) => c.working === working)) changed.push({ connectorId: event.connectorId, type: event.type, working });
      }
    }
    if (!changed) return [];
    return changed.map(({ connectorId, type, working }): SchemaRecord => ({
      op: 'schema.put',
      connectorId,
      type,
      // A copy: the record is serialized at flush time, and later batches go on changing the working shape.
      shape: cloneShape(working.shape),
      eventCount: working.eventCount,
      firstSeenTime: working.firstSeenTime,
      lastSeenTime: working.lastSeenTime,
    }));
  }

  /** The working shape: this tracker's own, else a copy of the durable one, else a new one (within the type limit). */
  private workingFor(connectorId: string, type: string, receivedTime: string): Working | null {
    let types = this.working.get(connectorId);
    const found = types?.get(type);
    if (found) return found;
    const stored = this.state.get(connectorId, type);
    if (!stored && this.typeCount(connectorId, types) >= this.maxTypes) return null;
    const working: Working = stored
      ? { shape: cloneShape(stored.shape), eventCount: stored.eventCount, firstSeenTime: stored.firstSeenTime, lastSeenTime: stored.lastSeenTime }
      : { shape: emptyShape(), eventCount: 0, firstSeenTime: receivedTime, lastSeenTime: receivedTime };
    if (!types) {
      types = new Map();
      this.working.set(connectorId, types);
    }
    types.set(type, working);
    return working;
  }

  /** Types of a connector, durable or started here (asked only when a type is new). */
  private typeCount(connectorId: string, types: Map<string, Working> | undefined): number {
    let count = this.state.typeCount(connectorId);
    for (const type of types?.keys() ?? []) if (!this.state.get(connectorId, type)) count += 1;
    return count;
  }
}
