import { useEffect, useState } from 'react';
import { typeMatches } from '../../../../shared/matching/event-search';
import { codeMatches, type Delivery, type DeliveryListQuery } from '../../../../shared/schemas/delivery';
import { api } from '../../api/client';
import { onStreamEvent, onStreamOpen } from '../../stores/connection-store';

export const DELIVERY_PAGE_SIZE = 100;

function isDelivery(data: unknown): data is Delivery {
  return typeof data === 'object' && data !== null && typeof (data as Delivery).id === 'string' && typeof (data as Delivery).webhookId === 'string';
}

const newestFirst = (a: Delivery, b: Delivery): number => b.createdTime.localeCompare(a.createdTime) || b.id.localeCompare(a.id);

/** The engine's delivery filter (`GET /webhooks/:id/deliveries?status=&code=&eventType=`), for live messages. */
export function deliveryMatches(d: Delivery, filter: DeliveryListQuery): boolean {
  return (
    (filter.status === undefined || d.status === filter.status) &&
    (filter.code === undefined || codeMatches(filter.code, d.responseStatus)) &&
    (filter.eventType === undefined || typeMatches(filter.eventType, d.eventType))
  );
}

/** Adds or replaces one delivery, newest first, keeping at most a page. */
function upsert(list: Delivery[], delivery: Delivery): Delivery[] {
  const { attempts: _a, ...plain } = delivery;
  return [...list.filter((d) => d.id !== plain.id), plain].sort(newestFirst).slice(0, DELIVERY_PAGE_SIZE);
}

export interface DeliveriesPage {
  deliveries: Delivery[];
  /** Deliveries the filter matches across all pages ("100 of 209"). */
  total: number;
  pageAmount: number;
  loaded: boolean;
  error: string | null;
  /** Counts live changes, so the chart knows when to refetch. */
  changes: number;
}

/**
 * One page of a webhook's deliveries for a filter, newest first. The first page is kept live from
 * `delivery.updated` (older pages hold still while read); reloaded when the stream reopens.
 */
export function useWebhookDeliveries(webhookId: string, filter: DeliveryListQuery = {}, page = 1): DeliveriesPage {
  const [state, setState] = useState<Omit<DeliveriesPage, 'changes'>>({ deliveries: [], total: 0, pageAmount: 1, loaded: false, error: null });
  const [changes, setChanges] = useState(0);
  const { status, code, eventType } = filter;

  useEffect(() => {
    let live = true;
    const query: DeliveryListQuery = { ...(status ? { status } : {}), ...(code ? { code } : {}), ...(eventType ? { eventType } : {}) };
    const load = (): void => {
      api.listDeliveries(webhookId, { ...query, page, pageSize: DELIVERY_PAGE_SIZE }).then(
        (answer) => {
          if (!live) return;
          setState((s) => ({
            // Live messages that arrived while loading win over the page.
            deliveries: page === 1 ? s.deliveries.reduce(upsert, [...answer.items].sort(newestFirst)) : answer.items,
            total: answer.total,
            pageAmount: answer.pageAmount,
            loaded: true,
            error: null,
          }));
        },
        (err: unknown) => live && setState((s) => ({ ...s, loaded: true, error: (err as Error).message })),
      );
    };
    setState({ deliveries: [], total: 0, pageAmount: 1, loaded: false, error: null });
    load();
    const offMessage = onStreamEvent('delivery.updated', (data) => {
      if (!isDelivery(data) || data.webhookId !== webhookId) return;
      setChanges((n) => n + 1);
      if (page !== 1) return;
      const matches = deliveryMatches(data, query);
      setState((s) => {
        const known = s.deliveries.some((d) => d.id === data.id);
        if (!matches && !known) return s;
        // A delivery that no longer fits the filter (pending → succeeded) leaves the list.
        const total = Math.max(0, s.total + (matches ? (known ? 0 : 1) : -1));
        const deliveries = matches ? upsert(s.deliveries, data) : s.deliveries.filter((d) => d.id !== data.id);
        return { ...s, deliveries, total, pageAmount: Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE)) };
      });
    });
    const offOpen = onStreamOpen(load);
    return () => {
      live = false;
      offMessage();
      offOpen();
    };
  }, [webhookId, status, code, eventType, page]);

  return { ...state, changes };
}
