import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_PAGE_SIZE } from '../../../../shared/paging';
import type { InferredSchema } from '../../../../shared/schemas/replay';
import { api } from '../../api/client';
import { isMissingRoute } from './missing-route';

interface State {
  schemas: InferredSchema[];
  loading: boolean;
  error: string | null;
}

/** The inferred schema of each event type of one connector; loaded again when `version` changes (new events) or on `reload()`. */
export function useConnectorSchemas(connectorId: string, version: number): State & { reload: () => void } {
  const [state, setState] = useState<State>({ schemas: [], loading: true, error: null });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    const gen = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    const load = async (): Promise<InferredSchema[]> => {
      const all: InferredSchema[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api.connectorSchemas(connectorId, { page, pageSize: MAX_PAGE_SIZE });
        all.push(...answer.items);
        if (page >= answer.pageAmount) return all;
      }
    };
    load().then(
      (schemas) => gen === generation.current && setState({ schemas, loading: false, error: null }),
      (error: unknown) => {
        if (gen !== generation.current) return;
        const message =
          isMissingRoute(error)
            ? 'This engine does not infer schemas yet: update Hookdesk to browse them.'
            : `Could not load the schemas: ${(error as Error).message} Press Refresh to try again.`;
        setState((s) => ({ ...s, loading: false, error: message }));
      },
    );
  }, [connectorId, version, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
