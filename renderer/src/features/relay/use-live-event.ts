import { useCallback, useEffect, useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { api } from '../../api/client';
import { onStreamEvent } from '../../stores/connection-store';

/**
 * The newest known state of one event: the object handed in, replaced by `event.updated` messages
 * for the same id (forward results, replays) and by `refresh()` after an action of ours.
 */
export function useLiveEvent(event: HookEvent): { event: HookEvent; refresh: () => Promise<void> } {
  const [state, setState] = useState({ given: event, latest: event });
  let current = state.latest;
  if (state.given !== event) {
    // A newer object from the list (or another event): it wins.
    current = event;
    setState({ given: event, latest: event });
  }
  const id = event.id;
  useEffect(
    () =>
      onStreamEvent('event.updated', (data) => {
        const updated = data as HookEvent;
        if (updated?.id === id) setState((s) => (s.latest.id === id ? { ...s, latest: updated } : s));
      }),
    [id],
  );
  const refresh = useCallback(async () => {
    const fresh = await api.getEvent(id);
    setState((s) => (s.latest.id === id ? { ...s, latest: fresh } : s));
  }, [id]);
  return { event: current, refresh };
}
