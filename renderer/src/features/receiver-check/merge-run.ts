import { RECEIVER_CHECK_HISTORY_LIMIT, type ReceiverCheckRun } from '../../../../shared/schemas/receiver-check';

/** How far a run has got: finished beats running, then more graded cases; equal progress takes the newer message. */
function progress(run: ReceiverCheckRun): number {
  const graded = run.cases.filter((c) => c.verdict !== 'pending').length;
  return (run.status === 'running' ? 0 : 1_000) + graded;
}

/** Puts one run in the history, newest first, never replacing it with a message older than what is held. */
export function mergeRun(runs: readonly ReceiverCheckRun[], run: ReceiverCheckRun): readonly ReceiverCheckRun[] {
  const previous = runs.find((r) => r.id === run.id);
  if (previous && progress(previous) > progress(run)) return runs;
  return [...runs.filter((r) => r.id !== run.id), run]
    .sort((a, b) => b.startedTime.localeCompare(a.startedTime) || b.id.localeCompare(a.id))
    .slice(0, RECEIVER_CHECK_HISTORY_LIMIT);
}
