import { errorText } from '../../../../shared/errors';
/** Running one action over many items with a few in flight, and saying in words how it went. */

/** Requests in flight at once: enough to be quick, few enough to leave the engine room for live traffic. */
export const BULK_CONCURRENCY = 4;

export interface BulkFailure {
  /** What a person recognises: the event type or the delivery's event, with its id. */
  label: string;
  reason: string;
}

export interface BulkResult {
  succeeded: number;
  failures: BulkFailure[];
}

/**
 * Runs `work` for every item, `concurrency` at a time, reporting after each one. A failing item
 * (a throw, or a reason returned) is counted and named, never stops the others.
 */
export async function runBulk<T>(
  items: readonly T[],
  work: (item: T) => Promise<string | null>,
  labelOf: (item: T) => string,
  onProgress: (done: number) => void,
  concurrency = BULK_CONCURRENCY,
): Promise<BulkResult> {
  let next = 0;
  let done = 0;
  const result: BulkResult = { succeeded: 0, failures: [] };
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        const reason = await work(item);
        if (reason === null) result.succeeded += 1;
        else result.failures.push({ label: labelOf(item), reason });
      } catch (error) {
        result.failures.push({ label: labelOf(item), reason: errorText(error) });
      }
      done += 1;
      onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return result;
}

/** The most failures named in a summary; the rest are counted. */
const NAMED_FAILURES = 3;

/** "12 replayed, 1 failed: order.created (evt_1): HTTP 500." */
export function bulkSummary(verb: string, result: BulkResult): string {
  const { succeeded, failures } = result;
  if (failures.length === 0) return `${succeeded.toLocaleString()} ${verb}.`;
  const named = failures.slice(0, NAMED_FAILURES).map((f) => `${f.label}: ${f.reason.replace(/\.$/, '')}`);
  const more = failures.length > NAMED_FAILURES ? `; and ${(failures.length - NAMED_FAILURES).toLocaleString()} more` : '';
  return `${succeeded.toLocaleString()} ${verb}, ${failures.length.toLocaleString()} failed: ${named.join('; ')}${more}.`;
}
