import { create } from 'zustand';
import type { Environments, EnvironmentsPut } from '../../../../shared/env/environment-schema';
import { onStreamEvent, onStreamOpen } from '../../stores/connection-store';
import { environmentsApi } from './environments-api';
import { errorText } from '../../../../shared/errors';

interface EnvironmentsState extends Environments {
  loaded: boolean;
  /** The last failure of a switch, in words (a save's failure is shown in its dialog). */
  error: string | null;
  load(): Promise<void>;
  setActive(active: string | null): Promise<void>;
  replace(body: EnvironmentsPut): Promise<void>;
}

/** The environments (values masked) and the active one, kept current by `environments.updated`. */
export const useEnvironmentsStore = create<EnvironmentsState>((set) => ({
  environments: {},
  active: null,
  loaded: false,
  error: null,
  async load() {
    try {
      set({ ...(await environmentsApi.get()), loaded: true, error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  async setActive(active) {
    try {
      set({ ...(await environmentsApi.setActive(active)), error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  },
  async replace(body) {
    set({ ...(await environmentsApi.replace(body)), error: null });
  },
}));

onStreamEvent('environments.updated', (data) => {
  const next = data as Environments;
  useEnvironmentsStore.setState({ environments: next.environments, active: next.active, loaded: true });
});
onStreamOpen(() => void useEnvironmentsStore.getState().load());
