import { useEffect, useState } from 'react';
import type { DispatchEvent } from '../../../../shared/events/dispatch-event';
import { mockEvent } from '../../../../shared/mock-event';
import { api } from '../../api/client';
import { useDebouncedValue } from '../../lib/hooks';

export const DEFAULT_SAMPLE_TYPE = 'hookdesk.test';

/** A sample event of `type` from the engine (the latest stored one, else its built-in sample); a local mock when that fails. */
export function useSampleEvent(type: string): { event: DispatchEvent | null; note: string | null } {
  const wanted = useDebouncedValue(type.trim() || DEFAULT_SAMPLE_TYPE, 300);
  const [state, setState] = useState<{ type: string; event: DispatchEvent; note: string | null } | null>(null);
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
