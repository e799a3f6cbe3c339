import { toDispatchEvent } from '../../../shared/events/dispatch-event';
import { FAILURE_THRESHOLD } from '../../../shared/retry/retry-policy';
import { nextRetryDelayMs } from '../../../shared/retry/next-retry-delay';
import type { DeliveryStatus } from '../../../shared/schemas/delivery';
import type { Clock } from '../clock';
import type { DeliveryRecord, DeliveryState, StoredDelivery } from '../store/delivery-state';
import type { EventRepository } from '../store/event-repository';
import type { Journal } from '../store/journal';
import type { StoredWebhookConfig } from '../store/workspace-data';
import { HELD_NOTE, SKIPPED_NOTE } from './delivery-planner';
import type { Invoker } from './invoker';

/** Requests in flight per webhook at most (each webhook gets its own share of the connection pool). */
export const MAX_IN_FLIGHT_PER_WEBHOOK = 50;
/** After a journal write failed, the delivery is tried again this much later. */
const STORE_RETRY_MS = 1000;

export interface DispatcherDeps {
  clock: Clock;
  journal: Journal;
  events: EventRepository;
  deliveries: DeliveryState;
  webhook: (id: string) => StoredWebhookConfig | undefined;
  invoker: Invoker;
  log: (line: string) => void;
  random?: () => number;
}

/**
 * Sends pending deliveries: each when its time comes (at once, or after a retry delay on the
 * engine's clock), oldest first per webhook, at most MAX_IN_FLIGHT_PER_WEBHOOK at a time. Every
 * attempt's outcome is journaled (fsync'd) before the next step; the delivery's status after it
 * is `succeeded`, `pending` (retry due later), `failed` (attempts used up) or `held` (the webhook
 * went FAILED: kept for the restart). It learns of new pending deliveries from the store.
 */
export class Dispatcher {
  private readonly timers = new Map<string, () => void>();
  private readonly inFlight = new Set<string>();
  private readonly inFlightPerWebhook = new Map<string, number>();
  private readonly ready = new Map<string, string[]>();
  private readonly queued = new Set<string>();
  private stopped = false;
  private readonly random: () => number;

  constructor(private readonly deps: DispatcherDeps) {
    this.random = deps.random ?? Math.random;
  }

  /** Schedules every pending delivery found on disk (after a restart of the app). */
  resume(): void {
    for (const delivery of this.deps.deliveries.unfinished()) this.consider(delivery);
  }

  /** Called for every durable delivery change: pending ones get scheduled once. */
  consider(delivery: StoredDelivery): void {
    if (this.stopped || delivery.status !== 'pending') return;
    const id = delivery.id;
    if (this.inFlight.has(id) || this.timers.has(id) || this.queued.has(id)) return;
    const dueMs = delivery.nextAttemptTime === null ? 0 : Date.parse(delivery.nextAttemptTime);
    const waitMs = dueMs - this.deps.clock.now();
    if (waitMs <= 0) {
      this.enqueue(delivery);
      return;
    }
    this.timers.set(
      id,
      this.deps.clock.setTimer(() => {
        this.timers.delete(id);
        const current = this.deps.deliveries.get(id);
        if (current) this.enqueue(current);
      }, waitMs),
    );
  }

  /** Stops timers for a webhook's deliveries (deleted, or FAILED). */
  forgetWebhook(webhookId: string): void {
    for (const delivery of this.deps.deliveries.unfinished(webhookId)) {
      this.timers.get(delivery.id)?.();
      this.timers.delete(delivery.id);
    }
    const queue = this.ready.get(webhookId) ?? [];
    for (const id of queue) this.queued.delete(id);
    this.ready.delete(webhookId);
  }

  /** Pending deliveries of a webhook that went FAILED become held (in-flight ones decide when they end). */
  async holdPending(webhookId: string): Promise<void> {
    this.forgetWebhook(webhookId);
    const time = new Date(this.deps.clock.now()).toISOString();
    const records: DeliveryRecord[] = this.deps.deliveries
      .unfinished(webhookId)
      .filter((d) => d.status === 'pending' && !this.inFlight.has(d.id))
      .map((d) => ({ op: 'dlv.status', id: d.id, status: 'held', nextAttemptTime: null, note: HELD_NOTE, time }));
    await this.deps.journal.append(records);
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.ready.clear();
    this.queued.clear();
  }

  private enqueue(delivery: StoredDelivery): void {
    let queue = this.ready.get(delivery.webhookId);
    if (!queue) {
      queue = [];
      this.ready.set(delivery.webhookId, queue);
    }
    queue.push(delivery.id);
    this.queued.add(delivery.id);
    this.pump(delivery.webhookId);
  }

  private pump(webhookId: string): void {
    const queue = this.ready.get(webhookId);
    if (!queue) return;
    while (queue.length > 0 && (this.inFlightPerWebhook.get(webhookId) ?? 0) < MAX_IN_FLIGHT_PER_WEBHOOK) {
      const id = queue.shift() as string;
      this.queued.delete(id);
      const delivery = this.deps.deliveries.get(id);
      if (!delivery || delivery.status !== 'pending' || this.inFlight.has(id)) continue;
      this.inFlight.add(id);
      this.inFlightPerWebhook.set(webhookId, (this.inFlightPerWebhook.get(webhookId) ?? 0) + 1);
      void this.attempt(delivery).finally(() => {
        this.inFlight.delete(id);
        this.inFlightPerWebhook.set(webhookId, (this.inFlightPerWebhook.get(webhookId) ?? 1) - 1);
        const current = this.deps.deliveries.get(id);
        if (current) this.consider(current);
        this.pump(webhookId);
      });
    }
    if (queue.length === 0) this.ready.delete(webhookId);
  }

  private async attempt(delivery: StoredDelivery): Promise<void> {
    const webhook = this.deps.webhook(delivery.webhookId);
    if (!webhook) return;
    const runtime = this.deps.deliveries.runtimeOf(webhook.id);
    if (!webhook.enabled) return this.writeStatus(delivery, 'skipped', SKIPPED_NOTE);
    if (runtime.failed) return this.writeStatus(delivery, 'held', HELD_NOTE);
    const event = this.deps.events.get(delivery.eventId);
    if (!event) {
      return this.writeStatus(delivery, 'failed', 'The event is no longer stored (trimmed by retention or cleared), so it could not be sent. Raise the connector\'s retention to keep events longer.');
    }
    const invocation = await this.deps.invoker.invoke(webhook, toDispatchEvent(event));
    if (this.stopped) return;
    const attemptNo = delivery.attempts.length + 1;
    const nowMs = this.deps.clock.now();
    const after = this.deps.deliveries.runtimeOf(webhook.id);
    let status: DeliveryStatus = 'succeeded';
    let nextAttemptTime: string | null = null;
    let note: string | null = null;
    if (!invocation.ok) {
      const delay = nextRetryDelayMs(webhook.retry, attemptNo, this.random());
      if (after.failed || after.consecutiveFailures + 1 >= FAILURE_THRESHOLD) {
        status = 'held';
        note = HELD_NOTE;
      } else if (delay === null) {
        status = 'failed';
        note = `Failed after ${attemptNo} attempt${attemptNo === 1 ? '' : 's'}: no retries left. Redeliver it once the receiver is fixed.`;
      } else {
        status = 'pending';
        nextAttemptTime = new Date(nowMs + delay).toISOString();
      }
    }
    const record: DeliveryRecord = {
      op: 'dlv.attempt',
      id: delivery.id,
      attempt: { ...invocation, attempt: attemptNo, time: new Date(nowMs).toISOString() },
      status,
      nextAttemptTime,
      note,
    };
    await this.write([record], delivery);
  }

  private writeStatus(delivery: StoredDelivery, status: DeliveryStatus, note: string): Promise<void> {
    const time = new Date(this.deps.clock.now()).toISOString();
    return this.write([{ op: 'dlv.status', id: delivery.id, status, nextAttemptTime: null, note, time }], delivery);
  }

  private async write(records: DeliveryRecord[], delivery: StoredDelivery): Promise<void> {
    try {
      await this.deps.journal.append(records);
    } catch (error) {
      if (this.stopped) return;
      this.deps.log(`Could not record delivery ${delivery.id} (${error instanceof Error ? error.message : String(error)}); it stays pending and is tried again.`);
      this.timers.set(
        delivery.id,
        this.deps.clock.setTimer(() => {
          this.timers.delete(delivery.id);
          this.consider(delivery);
        }, STORE_RETRY_MS),
      );
    }
  }
}
