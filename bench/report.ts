import { writeFile } from 'node:fs/promises';

export interface PhaseResult {
  phase: string;
  figure: string;
  value: number | null;
  unit: string;
  ceiling: number | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
  details: Record<string, number | string | null>;
}

const fmt = (n: number | null, digits = 0): string => (n === null ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));

/** Prints the table and writes bench-results.json. */
export async function report(results: PhaseResult[], machine: Record<string, string | number>): Promise<void> {
  const lines = [
    '| phase | figure | Hookdesk | ceiling, same run | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.phase} | ${r.figure} | ${fmt(r.value, 1)} ${r.unit} | ${r.ceiling === null ? 'none' : `${fmt(r.ceiling, 1)} ${r.unit}`} | ${r.ratio === null ? '-' : r.ratio.toFixed(2)} | ${r.target} | ${r.met === null ? '-' : r.met ? 'yes' : '**NO**'} |`,
    ),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
  for (const r of results) {
    const extra = Object.entries(r.details).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v, 2) : v}`).join(' ');
    if (extra) process.stdout.write(`${r.phase}: ${extra}\n`);
  }
  const stalls = results.filter((r) => typeof r.details.engine_worst_stall_ms === 'number');
  if (stalls.length > 0) {
    process.stdout.write('\nWorst engine event-loop stall per phase (probe in the engine process):\n');
    for (const r of stalls) {
      const at = r.details.engine_worst_stall_at_s;
      process.stdout.write(`- ${r.phase}: ${fmt(r.details.engine_worst_stall_ms as number, 1)} ms${typeof at === 'number' ? ` at +${at.toFixed(2)} s` : ''}: ${String(r.details.engine_worst_stall_cause)} (loop delay p99 ${fmt(r.details.engine_loop_delay_p99_ms as number, 1)} ms, GC ${fmt(r.details.engine_gc_ms as number, 0)} ms in ${fmt(r.details.engine_gc_count as number)} pauses, ${fmt(r.details.engine_gc_major_count as number)} major)\n`);
    }
  }
  await writeFile('bench-results.json', `${JSON.stringify({ time: new Date().toISOString(), machine, results }, null, 2)}\n`);
  process.stdout.write('\nWritten to bench-results.json\n');
}
