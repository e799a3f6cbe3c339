import { useEffect, useState } from 'react';
import type { Delivery } from '../../../../shared/schemas/delivery';
import { api } from '../../api/client';
import { onStreamEvent, onStreamOpen } from '../../stores/connection-store';

const PAGE_SIZE = 100;

function isDelivery(data: unknown): data is Delivery {
  return typeof data === 'object' && data !== null && typeof (data as Delivery).id === 'string' && typeof (data as Delivery).webhookId === 'string';
}

const newestFirst = (a: Delivery, b: Delivery): number => b.createdTime.localeCompare(a.createdTime) || b.id.localeCompare(a.id);

/** Adds or replaces one delivery, newest first, keeping at most PAGE_SIZE. */
function upsert(list: Delivery[], delivery: Delivery): Delivery[] {
  const { attempts: _a, ...plain } = delivery;
  return [...list.filter((d) => d.id !== plain.id), plain].sort(newestFirst).slice(0, PAGE_SIZE);
}

/** The newest deliveries of one webhook, kept live from `delivery.updated`; reloaded when the stream reopens. */
export function useWebhookDeliveries(webhookId: string): { deliveries: Delivery[]; loaded: boolean; error: string | null; changes: number } {
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Counts live changes, so the chart knows when to refetch. */
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let live = true;
    const load = (): void => {
      api.listDeliveries(webhookId, { page: 1, pageSize: PAGE_SIZE }).then(
        (page) => {
          if (!live) return;
          // Live messages that arrived while loading win over the page.
          setDeliveries((current) => current.reduce(upsert, [...page.items].sort(newestFirst)));
          setLoaded(true);
          setError(null);
        },
        (err: unknown) => {
          if (!live) return;
          setLoaded(true);
          setError((err as Error).message);
        },
      );
    };
    load();
    const offMessage = onStreamEvent('delivery.updated', (data) => {
      if (!isDelivery(data) || data.webhookId !== webhookId) return;
      setDeliveries((current) => upsert(current, data));
      setChanges((n) => n + 1);
    });
    const offOpen = onStreamOpen(load);
    return () => {
      live = false;
      offMessage();
      offOpen();
    };
  }, [webhookId]);

  return { deliveries, loaded, error, changes };
}
