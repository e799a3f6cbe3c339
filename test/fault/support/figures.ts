import { mb } from './engine-process';

export interface Figures {
  sent: number;
  fiveXx: number;
  crashes: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  longestProbeMs: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
}

/**
 * The one line the issue asks the fault suite to print, e.g.
 * `10240 sent, 0 5xx, 0 crashes, RSS 88 MB → 131 MB, longest /healthz probe 41 ms, acknowledged 1024 / lost 0 / duplicated 0`.
 */
export function figuresLine(f: Figures): string {
  const probe = Number.isFinite(f.longestProbeMs) ? `${Math.round(f.longestProbeMs)} ms` : 'none answered';
  return (
    `${f.sent} sent, ${f.fiveXx} 5xx, ${f.crashes} crashes, RSS ${mb(f.rssBeforeBytes)} MB → ${mb(f.rssAfterBytes)} MB, ` +
    `longest /healthz probe ${probe}, acknowledged ${f.acknowledged} / lost ${f.lost} / duplicated ${f.duplicated}`
  );
}

/** Prints a line of the suite's report on stdout (the figures are the suite's output, not debug noise). */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
