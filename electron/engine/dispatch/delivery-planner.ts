import { toDispatchEvent } from '../../../shared/events/dispatch-event';
import type { DeliveryStatus, DeliveryTrigger } from '../../../shared/schemas/delivery';
import type { HookEvent } from '../../../shared/schemas/event';
import { newId } from '../../../shared/ids';
import { webhookMatchesEvent } from '../../../shared/matching/match-event';
import type { DeliveryRecord, DeliveryState, StoredDelivery } from '../store/delivery-state';
import type { StoredWebhookConfig } from '../store/workspace-data';

export const HELD_NOTE = 'Held: the webhook is FAILED. Restart it to send held deliveries, oldest first.';
export const SKIPPED_NOTE = 'Skipped: the webhook was disabled when this event was to be sent.';

/**
 * Decides, synchronously, which deliveries events cause: one per matching webhook, pending when the
 * webhook is ACTIVE, held when it is FAILED, skipped (and recorded) when it is disabled. The records
 * are written in the same fsync as the events, so an acknowledged event never loses its deliveries.
 */
export class DeliveryPlanner {
  constructor(
    private readonly webhooks: () => readonly StoredWebhookConfig[],
    private readonly deliveries: DeliveryState,
  ) {}

  recordsFor(events: readonly HookEvent[], nowMs: number): DeliveryRecord[] {
    const webhooks = this.webhooks();
    if (webhooks.length === 0) return [];
    const records: DeliveryRecord[] = [];
    for (const event of events) {
      if (event.imported) continue; // an imported file is for inspecting and replaying, not for sending again
      const target = toDispatchEvent(event);
      for (const webhook of webhooks) {
        if (!webhookMatchesEvent(webhook, target)) continue;
        records.push({ op: 'dlv.put', delivery: this.newDelivery(webhook, event, 'scheduled', null, nowMs) });
      }
    }
    return records;
  }

  /** A new delivery of `event` to `webhook`, its status set by the webhook's state now. */
  newDelivery(webhook: StoredWebhookConfig, event: Pick<HookEvent, 'id' | 'type'>, trigger: DeliveryTrigger, redeliveryOf: string | null, nowMs: number): StoredDelivery {
    const now = new Date(nowMs).toISOString();
    let status: DeliveryStatus = 'pending';
    let note: string | null = null;
    if (!webhook.enabled) {
      status = 'skipped';
      note = SKIPPED_NOTE;
    } else if (this.deliveries.runtimeOf(webhook.id).failed) {
      status = 'held';
      note = HELD_NOTE;
    }
    return {
      id: newId('dlv', nowMs),
      webhookId: webhook.id,
      eventId: event.id,
      eventType: event.type,
      trigger,
      status,
      createdTime: now,
      updatedTime: now,
      nextAttemptTime: status === 'pending' ? now : null,
      redeliveryOf,
      note,
      attempts: [],
    };
  }
}
