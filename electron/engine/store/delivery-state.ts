import type { JournalPart, JournalRecord } from './journal';

export type DeliveryTrigger = 'scheduled' | 'manual' | 'replay' | 'test';
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'held' | 'skipped';

/** One HTTP attempt of a delivery, as sent and as answered (bodies capped, secrets masked). */
export interface StoredAttempt {
  attempt: number;
  time: string;
  ok: boolean;
  request: { method: string; url: string; headers: Record<string, string>; body: string | null };
  response: { status: number; headers: Record<string, string>; body: string } | null;
  error: string | null;
  durationMs: number;
  validators: { path: string; expected: unknown[]; actual: unknown; ok: boolean }[];
}

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
  attempts: StoredAttempt[];
  /** Why it was skipped or held, in words. */
  note: string | null;
}

/** Per-webhook runtime state that changes per attempt (config lives in workspace.json). */
export interface WebhookRuntime {
  failed: boolean;
  consecutiveFailures: number;
  lastSuccessMs: number | null;
  /** Hour / day number since the epoch -> attempts. */
  hourly: Record<string, { succeeded: number; failed: number }>;
  daily: Record<string, { succeeded: number; failed: number }>;
}

export type DeliveryRecord =
  | { op: 'dlv.put'; delivery: StoredDelivery }
  | { op: 'dlv.update'; id: string; changes: Partial<Pick<StoredDelivery, 'status' | 'nextAttemptTime' | 'updatedTime' | 'note'>>; attempt?: StoredAttempt }
  | { op: 'whk.runtime'; webhookId: string; runtime: WebhookRuntime }
  | { op: 'whk.drop'; webhookId: string };

const OPS = new Set(['dlv.put', 'dlv.update', 'whk.runtime', 'whk.drop']);
const FINISHED: ReadonlySet<DeliveryStatus> = new Set(['succeeded', 'failed', 'skipped']);

export function emptyRuntime(): WebhookRuntime {
  return { failed: false, consecutiveFailures: 0, lastSuccessMs: null, hourly: {}, daily: {} };
}

/**
 * Deliveries and webhook runtime state, rebuilt from the journal. Keeps every unfinished delivery
 * (pending, held) and the newest `keepFinished` finished ones per webhook.
 */
export class DeliveryState implements JournalPart {
  private readonly byId = new Map<string, StoredDelivery>();
  /** Per webhook, in creation order. */
  private readonly byWebhook = new Map<string, StoredDelivery[]>();
  private readonly runtimes = new Map<string, WebhookRuntime>();

  constructor(private readonly keepFinished: number) {}

  owns(record: JournalRecord): boolean {
    return OPS.has(record.op);
  }

  liveCount(): number {
    return this.byId.size + this.runtimes.size;
  }

  reset(): void {
    this.byId.clear();
    this.byWebhook.clear();
    this.runtimes.clear();
  }

  apply(journalRecord: JournalRecord): void {
    const record = journalRecord as DeliveryRecord;
    switch (record.op) {
      case 'dlv.put':
        this.put(structuredClone(record.delivery));
        return;
      case 'dlv.update': {
        const delivery = this.byId.get(record.id);
        if (!delivery) return;
        Object.assign(delivery, record.changes);
        if (record.attempt) delivery.attempts.push(record.attempt);
        if (FINISHED.has(delivery.status)) this.trim(delivery.webhookId);
        return;
      }
      case 'whk.runtime':
        this.runtimes.set(record.webhookId, record.runtime);
        return;
      case 'whk.drop':
        for (const d of this.byWebhook.get(record.webhookId) ?? []) this.byId.delete(d.id);
        this.byWebhook.delete(record.webhookId);
        this.runtimes.delete(record.webhookId);
        return;
    }
  }

  snapshot(): JournalRecord[] {
    const records: DeliveryRecord[] = [];
    for (const [webhookId, runtime] of this.runtimes) records.push({ op: 'whk.runtime', webhookId, runtime });
    for (const list of this.byWebhook.values()) for (const delivery of list) records.push({ op: 'dlv.put', delivery });
    return records;
  }

  get(id: string): StoredDelivery | undefined {
    return this.byId.get(id);
  }

  /** Newest first. */
  ofWebhook(webhookId: string): StoredDelivery[] {
    return [...(this.byWebhook.get(webhookId) ?? [])].reverse();
  }

  /** Pending and held deliveries of every webhook, oldest first per webhook. */
  unfinished(): StoredDelivery[] {
    const out: StoredDelivery[] = [];
    for (const list of this.byWebhook.values()) for (const d of list) if (!FINISHED.has(d.status)) out.push(d);
    return out;
  }

  runtimeOf(webhookId: string): WebhookRuntime {
    return this.runtimes.get(webhookId) ?? emptyRuntime();
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
    if (FINISHED.has(delivery.status)) this.trim(delivery.webhookId);
  }

  /** Drops the oldest finished deliveries beyond the cap; unfinished ones always stay. */
  private trim(webhookId: string): void {
    const list = this.byWebhook.get(webhookId);
    if (!list) return;
    let finished = 0;
    for (const d of list) if (FINISHED.has(d.status)) finished += 1;
    let excess = finished - this.keepFinished;
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
