import { toDispatchEvent } from '../../../shared/events/dispatch-event';
import { FAILURE_THRESHOLD } from '../../../shared/retry/retry-policy';
import { nextRetryDelayMs } from '../../../shared/retry/next-retry-delay';
import type { DeliveryStatus, Invocation } from '../../../shared/schemas/delivery';
import type { Clock } from '../clock';
import type { DeliveryRecord, DeliveryState, StoredDelivery } from '../store/delivery-state';
import type { EventRepository } from '../store/event-repository';
import type { Journal } from '../store/journal';
import type { StoredWebhookConfig } from '../store/workspace-data';
import { HELD_NOTE, SKIPPED_NOTE } from './delivery-planner';
import type { Invoker } from './invoker';
import { errorText } from '../../../shared/errors';

/** Requests in flight per webhook at most (each webhook gets its own share of the connection pool). */
export const MAX_IN_FLIGHT_PER_WEBHOOK = 50;
/** After a journal write failed, the delivery is tried again this much later. */
const STORE_RETRY_MS = 1000;
/** The note of a delivery whose request could not be built for its event. */
export const NOT_RETRIED_NOTE =
  'Failed: the request cannot be built for this event (see the attempt\'s error), and building it again gives the same result, so it is not retried. Fix the template or the webhook, then Redeliver.';

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
      const before = progressMark(delivery);
      void this.attempt(delivery)
        .catch((error: unknown) => this.failUnexpected(delivery, error))
        .finally(() => {
          this.inFlight.delete(id);
          this.inFlightPerWebhook.set(webhookId, (this.inFlightPerWebhook.get(webhookId) ?? 1) - 1);
          const current = this.deps.deliveries.get(id);
          // Still pending with nothing recorded (its webhook vanished, a write failed): look again
          // later on the clock, never at once, which would spin the event loop on this one delivery.
          if (current?.status === 'pending' && progressMark(current) === before) this.later(id, STORE_RETRY_MS);
          else if (current) this.consider(current);
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
    const { invocation, retryable } = await this.deps.invoker.attempt(webhook, toDispatchEvent(event));
    if (this.stopped) return;
    const attemptNo = delivery.attempts.length + 1;
    const nowMs = this.deps.clock.now();
    const after = this.deps.deliveries.runtimeOf(webhook.id);
    let status: DeliveryStatus = 'succeeded';
    let nextAttemptTime: string | null = null;
    let note: string | null = null;
    if (!invocation.ok) {
      const delay = nextRetryDelayMs(webhook.retry, attemptNo, this.random());
      if (!retryable) {
        // Building it again gives the same answer: failed now, not held or retried. The attempt
        // still counts toward the webhook's FAILED threshold like any failed attempt.
        status = 'failed';
        note = NOT_RETRIED_NOTE;
      } else if (after.failed || after.consecutiveFailures + 1 >= FAILURE_THRESHOLD) {
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
    const time = new Date(nowMs).toISOString();
    const record: DeliveryRecord = { op: 'dlv.attempt', id: delivery.id, attempt: { ...invocation, attempt: attemptNo, time }, status, nextAttemptTime, note };
    // If the full record cannot be written (a journal that refuses it), the outcome is still
    // recorded without the bodies, rather than the request being sent again every second.
    await this.write([record], delivery, () => [{ ...record, attempt: { ...bareInvocation(invocation), attempt: attemptNo, time } }]);
  }

  /** An attempt that threw (it should not): recorded as failed with the reason, never retried in a loop. */
  private failUnexpected(delivery: StoredDelivery, error: unknown): Promise<void> {
    const why = errorText(error);
    this.deps.log(`Delivery ${delivery.id} failed unexpectedly (${why}); it is marked failed and not retried.`);
    if (this.stopped) return Promise.resolve();
    return this.writeStatus(delivery, 'failed', `Hookdesk hit an unexpected error sending this delivery (${why}), so it is not retried. Redeliver it once the cause is fixed.`);
  }

  private writeStatus(delivery: StoredDelivery, status: DeliveryStatus, note: string): Promise<void> {
    const time = new Date(this.deps.clock.now()).toISOString();
    return this.write([{ op: 'dlv.status', id: delivery.id, status, nextAttemptTime: null, note, time }], delivery);
  }

  /** `fallback` builds the records to write instead when these cannot be written (built only then). */
  private async write(records: DeliveryRecord[], delivery: StoredDelivery, fallback?: () => DeliveryRecord[]): Promise<void> {
    try {
      await this.deps.journal.append(records);
      return;
    } catch (error) {
      if (this.stopped) return;
      this.deps.log(`Could not record delivery ${delivery.id} (${errorText(error)})${fallback ? '; recording it without its bodies' : '; it stays pending and is tried again'}.`);
    }
    if (fallback) return this.write(fallback(), delivery);
    this.later(delivery.id, STORE_RETRY_MS);
  }

  /** Looks at a delivery again after `ms` on the engine clock (once: an existing timer stands). */
  private later(id: string, ms: number): void {
    if (this.stopped || this.timers.has(id)) return;
    this.timers.set(
      id,
      this.deps.clock.setTimer(() => {
        this.timers.delete(id);
        const current = this.deps.deliveries.get(id);
        if (current) this.consider(current);
      }, ms),
    );
  }
}

/** Says whether anything was recorded for a delivery between two moments (it is changed in place). */
function progressMark(delivery: StoredDelivery): string {
  return `${delivery.status}|${delivery.attempts.length}|${delivery.updatedTime}|${delivery.nextAttemptTime ?? ''}`;
}

/** An invocation without its bodies and validator values: what is kept when the full one cannot be written. */
function bareInvocation(invocation: Invocation): Invocation {
  const note = '(not kept: the full record could not be written)';
  return {
    ...invocation,
    request: { ...invocation.request, body: invocation.request.body === null ? null : note },
    response: invocation.response ? { ...invocation.response, body: note } : null,
    validators: invocation.validators.map((v) => ({ ...v, actual: note })),
  };
}
