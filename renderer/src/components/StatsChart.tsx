import { useEffect, useId, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsRange } from '../../../shared/schemas/connector';
import { rovingKeyDown } from '../app/roving-group';

const RANGES: { range: StatsRange; label: string; unit: string }[] = [
  { range: '24h', label: 'Last 24 hours', unit: 'hour' },
  { range: '7d', label: 'Last 7 days', unit: 'day' },
];

function bucketLabel(start: string, range: StatsRange): string {
  const date = new Date(start);
  return range === '24h'
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { weekday: 'short', day: 'numeric' });
}

type Bucket = { start: string } & Record<string, number | string>;

export interface StatsSeries {
  /** The bucket field this series counts. */
  key: string;
  name: string;
  color: string;
  /**
   * For a series that must never vanish (failures): a non-zero bar is drawn at least this many
   * pixels tall, and the totals say its share in percent ("3 failed (0.03%)").
   */
  minVisiblePx?: number;
}

/** Whether the chart is shown, per chart kind, kept across visits. */
function useChartOpen(noun: string): [boolean, (open: boolean) => void] {
  const key = `hookdesk.chartOpen.${noun}`;
  const [open, setOpen] = useState(() => globalThis.localStorage?.getItem(key) !== 'false');
  const set = (next: boolean): void => {
    setOpen(next);
    try {
      localStorage.setItem(key, String(next));
    } catch {
      // Private mode: not remembered.
    }
  };
  return [open, set];
}

/** "0.03%": enough digits that a small share never reads as 0%. */
function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  return `${p >= 10 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p.toPrecision(1)}%`;
}

export interface StatsChartProps {
  /** What is counted, plural and capitalized: "Events", "Deliveries". */
  noun: string;
  /** Which resource: a change fetches at once. */
  resourceId: string;
  load: (range: StatsRange) => Promise<{ range: StatsRange; buckets: Bucket[] }>;
  /** Changes when the counts may have changed: fetched again, at most once a second. */
  changes: unknown;
  /** One series draws bars; several stack them, with a legend. */
  series: StatsSeries[];
}

/**
 * Counts per hour (24 h) or per day (7 d) as bars, with the range as a radio group and the totals
 * in words (also the chart's accessible name). Live changes refetch at most once a second, never
 * starved by a steady stream.
 */
export function StatsChart({ noun, resourceId, load, changes, series }: StatsChartProps) {
  const [range, setRange] = useState<StatsRange>('24h');
  const [stats, setStats] = useState<{ range: StatsRange; buckets: Bucket[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const chartId = useId();
  const [open, setOpen] = useChartOpen(noun);
  const shownKey = useRef('');
  const lastFetchAt = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    const key = `${resourceId}:${range}`;
    const delay = shownKey.current === key ? Math.max(0, lastFetchAt.current + 1000 - Date.now()) : 0;
    shownKey.current = key;
    const timer = setTimeout(() => {
      lastFetchAt.current = Date.now();
      loadRef.current(range).then(
        (answer) => {
          if (live) {
            setStats(answer);
            setError(null);
          }
        },
        (err: unknown) => live && setError((err as Error).message),
      );
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [resourceId, range, changes]);

  const current = RANGES.find((r) => r.range === range) ?? RANGES[0]!;
  const data: (Bucket & { label: string })[] = stats?.range === range ? stats.buckets.map((b) => ({ ...b, label: bucketLabel(b.start, range) })) : [];
  const totals = series.map((s) => ({ ...s, total: data.reduce((sum, b) => sum + Number(b[s.key] ?? 0), 0) }));
  const all = totals.reduce((sum, t) => sum + t.total, 0);
  const shareOf = (t: (typeof totals)[number]): string => (t.minVisiblePx !== undefined && t.total > 0 ? ` (${percent(t.total, all)})` : '');
  const inWords =
    totals.length === 1
      ? `${(totals[0]?.total ?? 0).toLocaleString()} in the ${current.label.toLowerCase()}`
      : `${totals.map((t) => `${t.total.toLocaleString()} ${t.name.toLowerCase()}${shareOf(t)}`).join(', ')} in the ${current.label.toLowerCase()}`;
  const stacked = series.length > 1;
  return (
    <section className="stats" aria-labelledby={titleId}>
      <div className="stats-head">
        <h3 id={titleId}>
          {noun} per {current.unit}
        </h3>
        <div role="radiogroup" aria-label="Chart range" className="segmented" onKeyDown={rovingKeyDown}>
          {RANGES.map((r) => (
            <button key={r.range} type="button" role="radio" aria-checked={range === r.range} tabIndex={range === r.range ? 0 : -1} onClick={() => setRange(r.range)}>
              {r.label}
            </button>
          ))}
        </div>
        <span className="muted stats-words">{stats ? inWords : 'Loading…'}</span>
        <button type="button" className="chart-toggle" aria-expanded={open} aria-controls={chartId} onClick={() => setOpen(!open)}>
          {open ? 'Hide chart' : 'Show chart'}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div id={chartId} className="chart" hidden={!open} role="img" aria-label={`${stacked ? 'Stacked bar' : 'Bar'} chart: ${noun.toLowerCase()} per ${current.unit}, ${inWords}`}>
        {open && (
        <ResponsiveContainer width="100%" height={140}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 11 }} />
            <Tooltip
              cursor={{ fill: 'rgba(255,255,255,0.05)' }}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }}
              labelFormatter={(_label, payload) => {
                const start = (payload?.[0]?.payload as { start?: string } | undefined)?.start;
                return start ? new Date(start).toLocaleString() : '';
              }}
            />
            {stacked && <Legend wrapperStyle={{ fontSize: 11 }} />}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                isAnimationActive={false}
                {...(stacked ? { stackId: 'stack' } : {})}
                {...(s.minVisiblePx === undefined ? {} : { minPointSize: minVisible(s.minVisiblePx) })}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
        )}
      </div>
    </section>
  );
}

/** Recharts' minPointSize as a function: zero stays invisible, anything else at least `px` tall. */
function minVisible(px: number): (value: number | undefined | null) => number {
  return (value) => (value !== null && value !== undefined && value > 0 ? px : 0);
}
