import type { Delivery } from '../../../shared/schemas/delivery';
import type { StoredDelivery } from '../store/delivery-state';

/**
 * A stored delivery as the API answers it: its latest attempt's request, response and outcome at
 * the top level; every attempt only when asked (lists stay small).
 */
export function toDelivery(stored: StoredDelivery, withAttempts: boolean): Delivery {
  const last = stored.attempts.at(-1);
  return {
    id: stored.id,
    webhookId: stored.webhookId,
    eventId: stored.eventId,
    eventType: stored.eventType,
    attempt: stored.attempts.length,
    trigger: stored.trigger,
    status: stored.status,
    createdTime: stored.createdTime,
    updatedTime: stored.updatedTime,
    sentTime: last?.time ?? null,
    nextAttemptTime: stored.nextAttemptTime,
    redeliveryOf: stored.redeliveryOf,
    responseStatus: last?.response?.status ?? null,
    durationMs: last ? last.durationMs : null,
    error: last?.error ?? null,
    request: last?.request ?? null,
    response: last?.response ?? null,
    validators: last?.validators ?? [],
    note: stored.note,
    ...(withAttempts ? { attempts: stored.attempts } : {}),
  };
}
