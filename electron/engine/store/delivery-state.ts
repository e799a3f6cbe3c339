import type { DeliveryAttempt, DeliveryStatus, DeliveryTrigger } from '../../../shared/schemas/delivery';
import { FAILURE_THRESHOLD } from '../../../shared/retry/retry-policy';
import type { JournalPart, JournalRecord } from './journal';
import { pruneTooDeep, SERIALIZE, type SelfSerializing } from './journal-line';
import { countOutcome, emptyRuntime, type WebhookRuntime } from './webhook-runtime';
import { errorText } from '../../../shared/errors';

export type { WebhookRuntime } from './webhook-runtime';
export { emptyRuntime } from './webhook-runtime';

/** One attempt as stored: the request as sent and the response as received (bodies capped, secrets masked). */
export type StoredAttempt = DeliveryAttempt;

/** One event to one webhook, with every attempt made so far. */
export interface StoredDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  trigger: DeliveryTrigger;
  status: DeliveryStatus;
  createdTime: string;
  updatedTime: string;
  /** When the next attempt is due (pending deliveries only). */
  nextAttemptTime: string | null;
  redeliveryOf: string | null;
  /** Why it was held or skipped, in words. */
  note: string | null;
  attempts: StoredAttempt[];
}

export type DeliveryRecord =
  | { op: 'dlv.put'; delivery: StoredDelivery }
  /** An attempt was made; the delivery's status after it; the webhook's runtime moves with it. */
  | { op: 'dlv.attempt'; id: string; attempt: StoredAttempt; status: DeliveryStatus; nextAttemptTime: string | null; note: string | null }
  /** A status change without an attempt (held when the webhook failed, pending again on restart, skipped). */
  | { op: 'dlv.status'; id: string; status: DeliveryStatus; nextAttemptTime: string | null; note: string | null; time: string }
  | { op: 'whk.restart'; webhookId: string }
  | { op: 'whk.runtime'; webhookId: string; runtime: WebhookRuntime }
  | { op: 'whk.drop'; webhookId: string };

/** A compaction snapshot's record of one delivery (see `DeliveryState.snapshot`). */
type SnapshotRecord = { op: 'dlv.put'; delivery: StoredDelivery } & SelfSerializing;

const OPS = new Set(['dlv.put', 'dlv.attempt', 'dlv.status', 'whk.restart', 'whk.runtime', 'whk.drop']);
const FINISHED: ReadonlySet<DeliveryStatus> = new Set(['succeeded', 'failed', 'skipped']);

/** Hears every delivery change once it is durable (not during replay at start). */
export type DeliveryListener = (delivery: StoredDelivery) => void;
export type RuntimeListener = (webhookId: string, runtime: WebhookRuntime, before: { failed: boolean }) => void;

/**
 * Deliveries and per-webhook runtime state (FAILED, consecutive failures, last success, stats),
 * rebuilt from the journal. Keeps every unfinished delivery (pending, held) and at least the newest
 * `keepFinished` finished ones per webhook (at most twice that, between trims). The FAILED state is derived while applying attempts,
 * so it can never disagree with the attempts on disk.
 */
export class DeliveryState implements JournalPart {
  private readonly byId = new Map<string, StoredDelivery>();
  /** Per webhook, in creation order. */
  private readonly byWebhook = new Map<string, StoredDelivery[]>();
  private readonly runtimes = new Map<string, WebhookRuntime>();
  /** Finished deliveries per webhook, so trimming does not rescan the list after every attempt. */
  private readonly finishedCount = new Map<string, number>();
  private readonly deliveryListeners = new Set<DeliveryListener>();
  /**
   * The running compaction's records of deliveries it has not written yet, by delivery: such a
   * delivery is copied into its record before it changes (copy on write), so taking the snapshot
   * copies nothing. A record leaves when it is written or its delivery copied.
   */
  private readonly unwritten = new Map<StoredDelivery, SnapshotRecord>();
  private readonly runtimeListeners = new Set<RuntimeListener>();

  constructor(
    private readonly keepFinished: number,
    /** Where a listener's failure is reported: it must not leave this state half applied. */
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  owns(record: JournalRecord): boolean {
    return OPS.has(record.op);
  }

  liveCount(): number {
    return this.byId.size + this.runtimes.size;
  }

  reset(): void {
    this.unwritten.clear();
    this.byId.clear();
    this.byWebhook.clear();
    this.runtimes.clear();
    this.finishedCount.clear();
  }

  onDelivery(listener: DeliveryListener): () => void {
    this.deliveryListeners.add(listener);
    return () => this.deliveryListeners.delete(listener);
  }

  onRuntime(listener: RuntimeListener): () => void {
    this.runtimeListeners.add(listener);
    return () => this.runtimeListeners.delete(listener);
  }

  apply(journalRecord: JournalRecord): void {
    const record = journalRecord as DeliveryRecord;
    switch (record.op) {
      case 'dlv.put':
        // Kept as is, not copied: a record's delivery is built for that one record (planner, redeliver,
        // or parsed from the journal) and nothing else holds it once it is durable.
        this.put(record.delivery);
        return;
      case 'dlv.attempt':
        this.applyAttempt(record);
        return;
      case 'dlv.status': {
        const delivery = this.byId.get(record.id);
        if (!delivery) return;
        this.beforeChange(delivery);
        const wasFinished = FINISHED.has(delivery.status);
        Object.assign(delivery, { status: record.status, nextAttemptTime: record.nextAttemptTime, note: record.note, updatedTime: record.time });
        this.changed(delivery);
        this.countFinished(delivery, wasFinished);
        return;
      }
      case 'whk.restart': {
        const runtime = this.runtimeFor(record.webhookId);
        const before = { failed: runtime.failed };
        runtime.failed = false;
        runtime.consecutiveFailures = 0;
        this.runtimeChanged(record.webhookId, runtime, before);
        return;
      }
      case 'whk.runtime':
        this.runtimes.set(record.webhookId, structuredClone(record.runtime));
        return;
      case 'whk.drop':
        for (const d of this.byWebhook.get(record.webhookId) ?? []) this.byId.delete(d.id);
        this.byWebhook.delete(record.webhookId);
        this.runtimes.delete(record.webhookId);
        this.finishedCount.delete(record.webhookId);
        return;
    }
  }

  /**
   * Deliveries and runtimes change in place while compaction writes the snapshot beside later
   * appends: runtimes (one per webhook) are copied now; a delivery is copied only if it changes
   * before its record is written (see `unwritten`), which after a burst is few of them.
   */
  snapshot(): JournalRecord[] {
    const records: Array<DeliveryRecord | SnapshotRecord> = [];
    for (const [webhookId, runtime] of this.runtimes) records.push({ op: 'whk.runtime', webhookId, runtime: snapshotCopy(runtime) });
    this.unwritten.clear();
    for (const list of this.byWebhook.values()) {
      for (const delivery of list) {
        const record = this.snapshotRecord(delivery);
        this.unwritten.set(delivery, record);
        records.push(record);
      }
    }
    return records;
  }

  private snapshotRecord(delivery: StoredDelivery): SnapshotRecord {
    const record: SnapshotRecord = { op: 'dlv.put', delivery };
    record[SERIALIZE] = () => {
      this.unwritten.delete(delivery);
      // Plain JSON of the record (not of `record` itself, which holds this function under a symbol key).
      return JSON.stringify({ op: record.op, delivery: record.delivery });
    };
    return record;
  }

  /** Before a delivery changes in place: a snapshot record still to be written gets a copy of it as it was. */
  private beforeChange(delivery: StoredDelivery): void {
    if (this.unwritten.size === 0) return;
    const record = this.unwritten.get(delivery);
    if (!record) return;
    this.unwritten.delete(delivery);
    record.delivery = snapshotCopy(delivery);
  }

  get(id: string): StoredDelivery | undefined {
    return this.byId.get(id);
  }

  /** Newest first. */
  ofWebhook(webhookId: string): StoredDelivery[] {
    return [...(this.byWebhook.get(webhookId) ?? [])].reverse();
  }

  /** Pending and held deliveries of one webhook (or all), oldest first. */
  unfinished(webhookId?: string): StoredDelivery[] {
    const lists = webhookId === undefined ? [...this.byWebhook.values()] : [this.byWebhook.get(webhookId) ?? []];
    const out: StoredDelivery[] = [];
    for (const list of lists) for (const d of list) if (!FINISHED.has(d.status)) out.push(d);
    return out;
  }

  runtimeOf(webhookId: string): WebhookRuntime {
    return this.runtimes.get(webhookId) ?? emptyRuntime();
  }

  private applyAttempt(record: Extract<DeliveryRecord, { op: 'dlv.attempt' }>): void {
    const delivery = this.byId.get(record.id);
    if (!delivery) return;
    this.beforeChange(delivery);
    delivery.attempts.push(record.attempt);
    const wasFinished = FINISHED.has(delivery.status);
    Object.assign(delivery, { status: record.status, nextAttemptTime: record.nextAttemptTime, note: record.note, updatedTime: record.attempt.time });
    const runtime = this.runtimeFor(delivery.webhookId);
    const before = { failed: runtime.failed };
    const timeMs = Date.parse(record.attempt.time);
    countOutcome(runtime, record.attempt.ok, timeMs);
    if (record.attempt.ok) {
      runtime.consecutiveFailures = 0;
      runtime.lastSuccessMs = Math.max(runtime.lastSuccessMs ?? 0, timeMs);
    } else {
      runtime.consecutiveFailures += 1;
      if (runtime.consecutiveFailures >= FAILURE_THRESHOLD) runtime.failed = true;
    }
    this.changed(delivery);
    this.runtimeChanged(delivery.webhookId, runtime, before);
    this.countFinished(delivery, wasFinished);
  }

  private runtimeFor(webhookId: string): WebhookRuntime {
    let runtime = this.runtimes.get(webhookId);
    if (!runtime) {
      runtime = emptyRuntime();
      this.runtimes.set(webhookId, runtime);
    }
    return runtime;
  }

  private put(delivery: StoredDelivery): void {
    if (this.byId.has(delivery.id)) return;
    this.byId.set(delivery.id, delivery);
    let list = this.byWebhook.get(delivery.webhookId);
    if (!list) {
      list = [];
      this.byWebhook.set(delivery.webhookId, list);
    }
    list.push(delivery);
    this.changed(delivery);
    this.countFinished(delivery, false);
  }

  /**
   * Counts a delivery that just finished; once a webhook holds twice `keepFinished` finished ones,
   * the oldest are dropped down to `keepFinished` (amortized O(1) per attempt).
   */
  private countFinished(delivery: StoredDelivery, wasFinished: boolean): void {
    const finished = FINISHED.has(delivery.status);
    if (finished === wasFinished) return;
    const count = (this.finishedCount.get(delivery.webhookId) ?? 0) + (finished ? 1 : -1);
    this.finishedCount.set(delivery.webhookId, count);
    if (count >= 2 * this.keepFinished) this.trim(delivery.webhookId);
  }

  private changed(delivery: StoredDelivery): void {
    for (const listener of this.deliveryListeners) this.tell(() => listener(delivery));
  }

  private runtimeChanged(webhookId: string, runtime: WebhookRuntime, before: { failed: boolean }): void {
    for (const listener of this.runtimeListeners) this.tell(() => listener(webhookId, runtime, before));
  }

  /** Listeners are told in the middle of applying a record: one that throws must not stop the rest of it. */
  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.log(`A delivery listener failed (${errorText(error)}); the delivery is stored.`);
    }
  }

  /** Drops the oldest finished deliveries beyond the cap; unfinished ones always stay. */
  private trim(webhookId: string): void {
    const list = this.byWebhook.get(webhookId);
    if (!list) return;
    let finished = 0;
    for (const d of list) if (FINISHED.has(d.status)) finished += 1;
    let excess = finished - this.keepFinished;
    this.finishedCount.set(webhookId, Math.min(finished, this.keepFinished));
    if (excess <= 0) return;
    const kept: StoredDelivery[] = [];
    for (const d of list) {
      if (excess > 0 && FINISHED.has(d.status)) {
        this.byId.delete(d.id);
        excess -= 1;
      } else {
        kept.push(d);
      }
    }
    this.byWebhook.set(webhookId, kept);
  }
}

/**
 * A copy for a compaction snapshot. structuredClone recurses and throws on a value nested a few
 * thousand levels deep (a receiver's answer, a validator's value): then the copy has those parts
 * replaced by a note, so one such delivery never fails the compaction.
 */
function snapshotCopy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return (pruneTooDeep(value)?.value ?? value) as T;
  }
}
