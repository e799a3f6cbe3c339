import { diffArrays } from 'diff';
import type { Invocation } from '../../../../shared/schemas/delivery';
import { recordedBytes } from '../../../../shared/body-bytes';
import { prettyText } from '../../lib/format';
import { hexDump } from '../../lib/hex-dump';

/**
 * What the diff shows of one answer: its response body (pretty), a binary one as its size and a hex
 * dump of its first 4 KiB (never replacement characters), or what happened instead.
 */
export function answerBodyText(invocation: Invocation): string {
  const { response } = invocation;
  if (response?.encoding === 'base64') {
    const bytes = recordedBytes(response);
    return `(binary, ${bytes.length.toLocaleString('en-US')} bytes)\n${hexDump(bytes)}`;
  }
  if (response) return prettyText(response.body);
  return `(no response${invocation.error ? `: ${invocation.error}` : ''})`;
}

/** Past this many edits the count is only the larger side's length (a diff that big is read in the editor). */
const MAX_EDITS = 4_000;

/**
 * How many lines changed from `before` to `after`: each replaced, removed or added line once
 * (per run of changes, the larger of lines removed and lines added), from jsdiff's line diff.
 */
export function countChangedLines(before: string, after: string): number {
  if (before === after) return 0;
  const a = before.split('\n');
  const b = after.split('\n');
  const parts = diffArrays(a, b, { maxEditLength: MAX_EDITS });
  if (parts === undefined) return Math.max(a.length, b.length);
  let changed = 0;
  let removed = 0;
  let added = 0;
  for (const part of parts) {
    if (part.removed) removed += part.count;
    else if (part.added) added += part.count;
    else {
      changed += Math.max(removed, added);
      removed = 0;
      added = 0;
    }
  }
  return changed + Math.max(removed, added);
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
