import type { ProbeWindow } from './engine-probe-client';

/** The worst event-loop stall of a window, with what the probe saw at that moment. */
export interface StallExplanation {
  ms: number;
  /** Seconds from the window's start to the stall's start. */
  atS: number;
  /** GC kind and pause, or "not GC" with the GC time inside it; plus journal file activity then. */
  cause: string;
}

/** A compaction's snapshot file (`NNNNNNNN.jsonl.tmp`) appears right after its synchronous snapshot copy. */
const SNAPSHOT_FILE = /\.tmp$/;
/** How near (ms) a journal file change must be to a stall to be named beside it. */
const NEAR_MS = 50;

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/** GC time inside [from, to] (each pause clipped to it), and the longest pause that overlaps it. */
function gcWithin(w: ProbeWindow, from: number, to: number): { ms: number; count: number; longest: { kind: string; ms: number } | null } {
  let ms = 0;
  let count = 0;
  let longest: { kind: string; ms: number } | null = null;
  for (const gc of w.report.gcs) {
    const overlap = Math.min(to, gc.atMs + gc.ms) - Math.max(from, gc.atMs);
    if (overlap <= 0) continue;
    ms += overlap;
    count++;
    if (!longest || gc.ms > longest.ms) longest = { kind: gc.kind, ms: gc.ms };
  }
  return { ms, count, longest };
}

/** What the journal folder did around [from, to]: a compaction starting or running, a new segment. */
function journalAround(w: ProbeWindow, from: number, to: number): string[] {
  const notes: string[] = [];
  const snapshotsCreated = w.files.filter((f) => f.change === 'created' && SNAPSHOT_FILE.test(f.name));
  const started = snapshotsCreated.find((f) => f.atMs >= from - NEAR_MS && f.atMs <= to + NEAR_MS);
  if (started) {
    notes.push(`a compaction started then (${started.name} appeared ${round(started.atMs - from)} ms after the stall began; the synchronous snapshot copy comes just before it)`);
  } else {
    const running = snapshotsCreated.find((f) => f.atMs < from && !w.files.some((g) => g.name === f.name && g.change === 'gone' && g.atMs < from));
    if (running) notes.push(`during a compaction's snapshot write (${running.name})`);
  }
  const segment = w.files.find((f) => f.change === 'created' && !SNAPSHOT_FILE.test(f.name) && f.atMs >= from - NEAR_MS && f.atMs <= to + NEAR_MS);
  if (segment) notes.push(`journal segment ${segment.name} appeared then`);
  return notes;
}

/**
 * Whether the engine ran during a stall: its CPU time (all threads) across the gap against the gap.
 * Mostly on CPU: the main thread was busy (JS or native work). Mostly off: it waited (a
 * synchronous call such as a file sync) or was not scheduled (other load on the machine).
 */
function onCpu(stall: { ms: number; cpuMs: number; fromMs: number; toMs: number }): string {
  const gap = stall.toMs - stall.fromMs;
  const share = gap > 0 ? stall.cpuMs / gap : 0;
  const verdict = share >= 0.7 ? 'the main thread was busy (JS or native work)' : share <= 0.3 ? 'the engine was off CPU (a synchronous wait, or not scheduled)' : 'partly busy, partly off CPU';
  return `engine on CPU ${round(stall.cpuMs)} of ${round(gap)} ms: ${verdict}`;
}

/** The worst stall of the window and its cause; null when the loop never ran 10 ms late. */
export function worstStall(w: ProbeWindow): StallExplanation | null {
  const stall = w.report.stalls.reduce<ProbeWindow['report']['stalls'][number] | null>((worst, s) => (!worst || s.ms > worst.ms ? s : worst), null);
  if (!stall) return null;
  const gc = gcWithin(w, stall.fromMs, stall.toMs);
  const gcPart =
    gc.longest && gc.ms >= stall.ms / 2
      ? `GC: ${gc.longest.kind} ${round(gc.longest.ms)} ms${gc.count > 1 ? ` (${gc.count} pauses, ${round(gc.ms)} ms in all)` : ''}`
      : `not GC (GC ${round(gc.ms)} ms of it${gc.longest ? `, longest ${gc.longest.kind} ${round(gc.longest.ms)} ms` : ''}); ${onCpu(stall)}`;
  const journal = journalAround(w, stall.fromMs, stall.toMs);
  return { ms: stall.ms, atS: (stall.fromMs - w.report.fromMs) / 1000, cause: [gcPart, ...journal].join('; ') };
}

/** The window's figures for a phase's details (and so for the printed output and bench-results.json). */
export function probeDetails(w: ProbeWindow | null): Record<string, number | string | null> {
  if (!w) return {};
  const r = w.report;
  const totals = Object.entries(r.gcTotals);
  const major = totals.filter(([kind]) => kind.startsWith('major')).reduce((n, [, t]) => n + t.count, 0);
  const stall = worstStall(w);
  return {
    engine_loop_utilization: round(r.utilization, 3),
    engine_loop_delay_p99_ms: round(r.loopDelay.p99),
    engine_loop_delay_max_ms: round(r.loopDelay.max),
    engine_gc_count: totals.reduce((n, [, t]) => n + t.count, 0),
    engine_gc_ms: round(totals.reduce((n, [, t]) => n + t.ms, 0)),
    engine_gc_major_count: major,
    engine_gc_max_ms: round(totals.reduce((n, [, t]) => Math.max(n, t.maxMs), 0)),
    engine_compactions: w.files.filter((f) => f.change === 'created' && SNAPSHOT_FILE.test(f.name)).length,
    engine_stalls_10ms_plus: r.stalls.length,
    engine_worst_stall_ms: stall ? round(stall.ms) : 0,
    engine_worst_stall_at_s: stall ? round(stall.atS, 2) : null,
    engine_worst_stall_cause: stall ? stall.cause : 'no stall of 10 ms or more',
  };
}
