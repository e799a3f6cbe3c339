import { useEffect, useId, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Connector, ConnectorStats, StatsRange } from '../../../../shared/schemas/connector';
import { api } from '../../api/client';

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

/**
 * Events per hour (24 h) or per day (7 d) from the stats route; fetched again (at most once a
 * second) when a live `connector.updated` changes the connector's count or status.
 */
export function ConnectorStatsChart({ connector }: { connector: Connector }) {
  const [range, setRange] = useState<StatsRange>('24h');
  const [stats, setStats] = useState<ConnectorStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const { id, eventCount, status } = connector;
  /** Which id and range the chart shows: a new one is fetched at once, a live change after a second. */
  const shownKey = useRef('');
  const lastFetchAt = useRef(0);

  useEffect(() => {
    let live = true;
    const key = `${id}:${range}`;
    // At most one fetch a second while events stream in, and never starved by a steady stream.
    const delay = shownKey.current === key ? Math.max(0, lastFetchAt.current + 1000 - Date.now()) : 0;
    shownKey.current = key;
    const timer = setTimeout(() => {
      lastFetchAt.current = Date.now();
      api.connectorStats(id, range).then(
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
  }, [id, range, eventCount, status]);

  const current = RANGES.find((r) => r.range === range) ?? RANGES[0]!;
  const data = stats?.range === range ? stats.buckets.map((b) => ({ label: bucketLabel(b.start, range), count: b.count, start: b.start })) : [];
  const total = data.reduce((sum, b) => sum + b.count, 0);
  return (
    <section className="stats" aria-labelledby={titleId}>
      <div className="stats-head">
        <h3 id={titleId}>Events per {current.unit}</h3>
        <div role="radiogroup" aria-label="Chart range" className="segmented">
          {RANGES.map((r) => (
            <button key={r.range} type="button" role="radio" aria-checked={range === r.range} onClick={() => setRange(r.range)}>
              {r.label}
            </button>
          ))}
        </div>
        <span className="muted">
          {stats ? `${total.toLocaleString()} in the ${current.label.toLowerCase()}` : 'Loading…'}
        </span>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="chart" role="img" aria-label={`Bar chart: events per ${current.unit}, ${current.label.toLowerCase()}, ${total} in all`}>
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
            <Bar dataKey="count" name="Events" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
