import type { Invocation } from '../../../../shared/schemas/delivery';
import { prettyText } from '../../lib/format';


/** What the diff shows of one answer: its response body (pretty), or what happened instead. */
export function answerBodyText(invocation: Invocation): string {
  if (invocation.response) return prettyText(invocation.response.body);
  return `(no response${invocation.error ? `: ${invocation.error}` : ''})`;
}

const MAX_DP_CELLS = 4_000_000;

/**
 * How many lines changed from `before` to `after`: each replaced, removed or added line once
 * (per run of changes, the larger of lines removed and lines added), from a longest common
 * subsequence of lines after trimming the common head and tail.
 */
export function countChangedLines(before: string, after: string): number {
  if (before === after) return 0;
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length === 0 || y.length === 0) return Math.max(x.length, y.length);
  if (x.length * y.length > MAX_DP_CELLS) return Math.max(x.length, y.length);
  // lcs[i][j] = LCS length of x[i..] and y[j..], one row at a time from the end.
  const width = y.length + 1;
  const table = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i -= 1) {
    for (let j = y.length - 1; j >= 0; j -= 1) {
      table[i * width + j] = x[i] === y[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  // Walk the table: count each run of non-matching lines as max(removed, added).
  let changed = 0;
  let removed = 0;
  let added = 0;
  let i = 0;
  let j = 0;
  const closeRun = (): void => {
    changed += Math.max(removed, added);
    removed = 0;
    added = 0;
  };
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      closeRun();
      i += 1;
      j += 1;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      removed += 1;
      i += 1;
    } else {
      added += 1;
      j += 1;
    }
  }
  removed += x.length - i;
  added += y.length - j;
  closeRun();
  return changed;
}

const statusOf = (invocation: Invocation): string => (invocation.response ? String(invocation.response.status) : 'no response');

/** One line that says what changed between two answers: "Status 200 → 500 · 3 lines changed". */
export function diffSummary(previous: Invocation | null | undefined, current: Invocation): string {
  if (!previous) return `Status ${statusOf(current)} · no earlier answer from this target to compare with`;
  const before = statusOf(previous);
  const after = statusOf(current);
  const status = before === after ? `Status ${after} (same)` : `Status ${before} → ${after}`;
  const lines = countChangedLines(answerBodyText(previous), answerBodyText(current));
  const body = lines === 0 ? 'body unchanged' : `${lines} line${lines === 1 ? '' : 's'} changed`;
  return `${status} · ${body}`;
}
