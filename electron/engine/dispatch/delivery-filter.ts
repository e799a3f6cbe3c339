import { typeMatches } from '../../../shared/matching/event-search';
import { codeMatches, type DeliveryListQuery } from '../../../shared/schemas/delivery';
import type { StoredDelivery } from '../store/delivery-state';

/**
 * The deliveries that fit every filter of `GET /webhooks/:id/deliveries`, in the order given. The
 * list is bounded (unfinished ones plus the newest finished per webhook) and each check is linear.
 */
export function filterDeliveries(deliveries: StoredDelivery[], query: DeliveryListQuery): StoredDelivery[] {
  const { status, code, eventType } = query;
  if (status === undefined && code === undefined && eventType === undefined) return deliveries;
  return deliveries.filter(
    (d) =>
      (status === undefined || d.status === status) &&
      (code === undefined || codeMatches(code, d.attempts.at(-1)?.response?.status ?? null)) &&
      (eventType === undefined || typeMatches(eventType, d.eventType)),
  );
}
