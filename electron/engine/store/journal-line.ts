import { errorText } from '../../../shared/errors';
import { jsonTextTooDeep, MAX_RECORD_DEPTH } from '../../../shared/json/bounded-json';
import { bodySpanOfText } from './body-line';
import { BodyReadError } from './cold-body';

/**
 * One journal record as one line of JSON, and the way back for records that cannot be written as
 * they are. Everything the journal writes passes through `recordLine`, so a line on disk is always
 * JSON nested at most MAX_RECORD_DEPTH deep: what was written can be read back and walked.
 */

/** A record may carry its own JSON line (without the newline), computed at flush time. */
export const SERIALIZE = Symbol('serialize');
export interface SelfSerializing {
  [SERIALIZE]?: () => string;
  /**
   * Set by a record whose body line carries a body already known to be within the depth bound (read
   * back from a line that was checked when written): only the line's head is then checked.
   */
  [BODY_DEPTH_CHECKED]?: boolean;
}

export const BODY_DEPTH_CHECKED = Symbol('bodyDepthChecked');

export type LineResult = { ok: true; text: string } | { ok: false; reason: string };

/** Stands in for a part of a record nested deeper than the bound (see `pruneTooDeep`). */
export const TOO_DEEP_NOTE = `[Hookdesk: this part was nested deeper than ${MAX_RECORD_DEPTH} levels of arrays and objects and is not kept]`;

/** The record's line with its newline, or why it cannot be one (throws only BodyReadError). */
export function recordLine(record: unknown): LineResult {
  let text: string | undefined;
  try {
    const own = (record as SelfSerializing | null)?.[SERIALIZE];
    text = own ? own() : JSON.stringify(record);
  } catch (error) {
    // A body kept on disk that cannot be read back is not a property of the record: never write it without.
    if (error instanceof BodyReadError) throw error;
    // JSON.stringify throws RangeError past a few thousand levels, TypeError on cycles or BigInt.
    return { ok: false, reason: `cannot be written as JSON (${errorText(error)})` };
  }
  if (typeof text !== 'string') return { ok: false, reason: 'is not a JSON value' };
  // Also catches a self-serialized record whose raw body is too deep (unless its depth is known).
  const known = (record as SelfSerializing | null)?.[BODY_DEPTH_CHECKED] === true ? bodySpanOfText(text) : null;
  if (lineTooDeep(known ? text.slice(0, known.at) : text)) return { ok: false, reason: `is nested deeper than ${MAX_RECORD_DEPTH} levels of arrays and objects` };
  return { ok: true, text: `${text}\n` };
}

/** True when a journal line nests deeper than MAX_RECORD_DEPTH (cheap for the usual line: see jsonTextTooDeep). */
export function lineTooDeep(text: string): boolean {
  return jsonTextTooDeep(text, MAX_RECORD_DEPTH);
}

/** Names a record for a log line or an error: its op and the id it is about, if it has one. */
export function describeRecord(record: unknown): string {
  const r = (record ?? {}) as { op?: unknown; id?: unknown; event?: { id?: unknown }; delivery?: { id?: unknown }; webhookId?: unknown };
  const op = typeof r.op === 'string' ? r.op : 'unknown';
  const id = [r.event?.id, r.delivery?.id, r.id, r.webhookId].find((v) => typeof v === 'string');
  return id === undefined ? `a "${op}" record` : `a "${op}" record (${String(id)})`;
}

/**
 * A copy of `value` in which every array or object nested deeper than `maxDepth` is replaced by
 * TOO_DEEP_NOTE, built without recursion; `pruned` counts the replaced parts. Answers null when the
 * value is too big to copy (over `maxNodes` values, e.g. a cycle), so the caller can leave it out.
 */
export function pruneTooDeep(value: unknown, maxDepth: number = MAX_RECORD_DEPTH, maxNodes = 5_000_000): { value: unknown; pruned: number } | null {
  if (typeof value !== 'object' || value === null) return { value, pruned: 0 };
  const empty = (of: object): Record<string, unknown> => (Array.isArray(of) ? ([] as unknown as Record<string, unknown>) : {});
  const root = empty(value);
  const stack: Array<{ from: object; to: Record<string, unknown>; depth: number }> = [{ from: value, to: root, depth: 1 }];
  let pruned = 0;
  let nodes = 0;
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    // Each container is filled in one go, so keys and array items keep their order.
    for (const [key, child] of Object.entries(from)) {
      nodes += 1;
      if (nodes > maxNodes) return null;
      if (typeof child !== 'object' || child === null) {
        to[key] = child;
      } else if (depth + 1 > maxDepth) {
        to[key] = TOO_DEEP_NOTE;
        pruned += 1;
      } else {
        const copy = empty(child);
        to[key] = copy;
        stack.push({ from: child, to: copy, depth: depth + 1 });
      }
    }
  }
  return { value: root, pruned };
}

/**
 * The line of a record that must not be lost (compaction, replay): as it is when it can be, else
 * with its over-deep parts replaced by a note. Answers null when neither works.
 */
export function salvageLine(record: unknown): { text: string; pruned: boolean } | null {
  const direct = recordLine(record);
  if (direct.ok) return { text: direct.text, pruned: false };
  const copy = pruneTooDeep(record);
  if (!copy) return null;
  const again = recordLine(copy.value);
  return again.ok ? { text: again.text, pruned: true } : null;
}
