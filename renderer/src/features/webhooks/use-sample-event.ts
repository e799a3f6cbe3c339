import { useEffect, useState } from 'react';
import { mockEvent } from '../../../../shared/mock-event';
import type { EventSample } from '../../../../shared/schemas/event-type';
import { api } from '../../api/client';
import { useDebouncedValue } from '../../lib/hooks';

export const DEFAULT_SAMPLE_TYPE = 'hookdesk.test';

/**
 * A sample event of `type` from the engine (the latest stored one, else one from its inferred
 * schema, else its built-in sample; `completionBody` with every field seen); a local mock when that fails.
 */
export function useSampleEvent(type: string): { event: EventSample | null; note: string | null } {
  const wanted = useDebouncedValue(type.trim() || DEFAULT_SAMPLE_TYPE, 300);
  const [state, setState] = useState<{ type: string; event: EventSample; note: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    api.eventSample(wanted).then(
      (event) => live && setState({ type: wanted, event, note: null }),
      (error: unknown) =>
        live &&
        setState({
          type: wanted,
          event: mockEvent({ type: wanted, now: new Date().toISOString() }),
          note: `No sample from the engine (${(error as Error).message}): showing a generic one.`,
        }),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return { event: state?.event ?? null, note: state?.note ?? null };
}
