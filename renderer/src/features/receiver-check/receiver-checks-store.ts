import { create } from 'zustand';
import {
  RECEIVER_CHECK_HISTORY_LIMIT,
  RECEIVER_CHECK_SSE_EVENT,
  receiverCheckRunSchema,
  type ReceiverCheckRequest,
  type ReceiverCheckRun,
} from '../../../../shared/schemas/receiver-check';
import { mergeRun } from './merge-run';
import { api } from '../../api/client';
import { onStreamEvent, onStreamOpen } from '../../stores/connection-store';

interface ReceiverChecksState {
  /** The kept runs, newest first (the engine keeps the newest 20). */
  runs: readonly ReceiverCheckRun[];
  loaded: boolean;
  error: string | null;
  /** The run whose scorecard the page shows (the one just started, or one picked from the history). */
  shownId: string | null;
  /** Loads the history. Called when the page first opens and each time the live stream reopens. */
  load(): Promise<void>;
  /** A live `receiver-check.updated` message, or a run read back: checked against the schema, then merged. */
  received(data: unknown): void;
  /** Starts a run (`POST /api/v1/receiver-checks`, 202 with the run) and shows it. */
  start(request: ReceiverCheckRequest): Promise<ReceiverCheckRun>;
  /** Reads one run again (polling while the stream is quiet). */
  refresh(id: string): Promise<void>;
  show(id: string): void;
}

export const useReceiverChecksStore = create<ReceiverChecksState>((set, get) => ({
  runs: [],
  loaded: false,
  error: null,
  shownId: null,
  async load() {
    try {
      const answer = await api.listReceiverChecks({ page: 1, pageSize: RECEIVER_CHECK_HISTORY_LIMIT });
      let runs = get().runs;
      for (const item of answer.items) {
        const parsed = receiverCheckRunSchema.safeParse(item);
        if (parsed.success) runs = mergeRun(runs, parsed.data);
      }
      set({ runs, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: `The history could not be loaded: ${(error as Error).message}` });
    }
  },
  received(data) {
    const parsed = receiverCheckRunSchema.safeParse(data);
    if (!parsed.success) return;
    set({ runs: mergeRun(get().runs, parsed.data) });
  },
  async start(request) {
    const run = await api.startReceiverCheck(request);
    get().received(run);
    set({ shownId: run.id });
    return run;
  },
  async refresh(id) {
    try {
      get().received(await api.getReceiverCheck(id));
    } catch {
      // The next poll or stream message tries again; the page keeps what it has.
    }
  },
  show(id) {
    set({ shownId: id });
  },
}));

// Registered when the page's code first loads; until then nobody shows runs.
onStreamEvent(RECEIVER_CHECK_SSE_EVENT, (data) => useReceiverChecksStore.getState().received(data));
onStreamOpen(() => {
  if (useReceiverChecksStore.getState().loaded) void useReceiverChecksStore.getState().load();
});
