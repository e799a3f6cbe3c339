import { useEffect, useState } from 'react';
import type { EventTypeSummary } from '../../../../shared/schemas/event-type';
import { api } from '../../api/client';

/** The event types the engine knows (seen or raised by Hookdesk), for suggestions; empty until loaded or on failure. */
export function useEventTypes(): EventTypeSummary[] {
  const [types, setTypes] = useState<EventTypeSummary[]>([]);
  useEffect(() => {
    let live = true;
    api.eventTypes().then(
      (answer) => live && setTypes(answer.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return types;
}
