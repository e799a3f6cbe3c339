import type { StoredDelivery } from '../../../electron/engine/store/delivery-state';
import type { TestEngine } from '../../helpers/test-engine';

/** Resolves with the deliveries (newest first) once `done` holds for them (checked now and at every durable delivery change). */
export function deliveriesSettle(t: TestEngine, webhookId: string, done: (deliveries: StoredDelivery[]) => boolean): Promise<StoredDelivery[]> {
  const state = t.engine.store.deliveries;
  return new Promise((resolve) => {
    const check = (): boolean => {
      const list = state.ofWebhook(webhookId);
      if (!done(list)) return false;
      resolve(list);
      return true;
    };
    if (check()) return;
    const off = state.onDelivery(() => {
      if (check()) off();
    });
  });
}

/** At least `count` deliveries, none of them pending. */
export const settled =
  (count: number) =>
  (list: StoredDelivery[]): boolean =>
    list.length >= count && list.every((d) => d.status !== 'pending');
