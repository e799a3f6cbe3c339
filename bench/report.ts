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
  await writeFile('bench-results.json', `${JSON.stringify({ time: new Date().toISOString(), machine, results }, null, 2)}\n`);
  process.stdout.write('\nWritten to bench-results.json\n');
}
