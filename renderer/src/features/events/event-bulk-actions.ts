import type { HookEvent } from '../../../../shared/schemas/event';
import { api } from '../../api/client';
import type { BulkAction } from './BulkBar';
import { runBulk, type BulkResult } from './run-bulk';

/** Ids per bulk-delete request: the progress bar moves in these steps. */
const DELETE_CHUNK = 500;

const labelOf = (event: HookEvent): string => `${event.type} (${event.id})`;

/** Why a replay did not succeed, in words: the status the target answered, or what went wrong. */
function replayFailure(invocation: { ok: boolean; response: { status: number } | null; error: string | null }): string | null {
  if (invocation.ok) return null;
  return invocation.response ? `HTTP ${invocation.response.status}` : (invocation.error ?? 'no answer');
}

/** Replay to each event's forward target, and delete (after a confirmation), over the selected events. */
export function eventBulkActions(selected: () => HookEvent[], forget: (ids: readonly string[]) => void): BulkAction[] {
  return [
    {
      label: 'Replay to forward target',
      verb: 'replayed',
      run: (progress) => runBulk(selected(), async (event) => replayFailure(await api.replayEvent(event.id, { target: 'forward' })), labelOf, progress),
    },
    {
      label: 'Delete',
      verb: 'deleted',
      danger: true,
      confirm: 'Delete {what} for good?',
      run: async (progress) => {
        const events = selected();
        const result: BulkResult = { succeeded: 0, failures: [] };
        for (let start = 0; start < events.length; start += DELETE_CHUNK) {
          const chunk = events.slice(start, start + DELETE_CHUNK);
          try {
            const answer = await api.deleteEvents(chunk.map((e) => e.id));
            // An id the engine no longer has is gone too (deleted elsewhere or trimmed).
            forget([...answer.deleted, ...answer.notFound]);
            result.succeeded += chunk.length;
          } catch (error) {
            for (const event of chunk) result.failures.push({ label: labelOf(event), reason: (error as Error).message });
          }
          progress(Math.min(events.length, start + chunk.length));
        }
        return result;
      },
    },
  ];
}
