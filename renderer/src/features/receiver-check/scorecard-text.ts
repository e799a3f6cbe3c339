import type { ReceiverCheckRun, ReceiverCheckVerdict } from '../../../../shared/schemas/receiver-check';

/** Each verdict in words (the table never relies on colour alone) and a symbol beside it, hidden from screen readers. */
export const VERDICT_TEXT: Record<ReceiverCheckVerdict, { label: string; symbol: string }> = {
  pass: { label: 'Pass', symbol: '✓' },
  fail: { label: 'Fail', symbol: '✗' },
  warning: { label: 'Warning', symbol: '!' },
  pending: { label: 'Pending', symbol: '…' },
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "7 passed, 1 failed, 1 warning" (the parts that are not zero; "No case graded yet" before any). */
export function summaryLine(summary: ReceiverCheckRun['summary']): string {
  const parts: string[] = [];
  if (summary.pass > 0) parts.push(`${summary.pass} passed`);
  if (summary.fail > 0) parts.push(`${summary.fail} failed`);
  if (summary.warning > 0) parts.push(plural(summary.warning, 'warning', 'warnings'));
  return parts.length > 0 ? parts.join(', ') : 'No case graded yet';
}

/** How far a run is: cases graded and in all (pending ones are still to come or running). */
export function runProgress(run: ReceiverCheckRun): { done: number; total: number } {
  return { done: run.cases.filter((c) => c.verdict !== 'pending').length, total: run.cases.length };
}

/** One sentence for the status line under the Run button. */
export function runStatusText(run: ReceiverCheckRun): string {
  if (run.status === 'failed') return `The check could not run: ${run.error ?? 'unknown error'}`;
  const { done, total } = runProgress(run);
  if (run.status === 'running') {
    const next = run.cases.find((c) => c.verdict === 'pending');
    return `Running: ${done} of ${total} cases done${next ? `, now ${next.name}` : ''}…`;
  }
  return `Done: ${summaryLine(run.summary)}.`;
}

/** The history entry's name: where, as whom, how it went. */
export function runTitle(run: ReceiverCheckRun): string {
  return `${run.url}, ${run.profile}`;
}

/** Milliseconds as the scorecard shows them: `12 ms`, `1.4 s`; `—` when not measured. */
export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
