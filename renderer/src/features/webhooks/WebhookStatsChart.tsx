import { useEffect, useId, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsRange } from '../../../../shared/schemas/connector';
import type { WebhookStats } from '../../../../shared/schemas/delivery';
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
 * Succeeded and failed deliveries per hour (24 h) or per day (7 d), stacked; fetched again (at most
 * once a second) when `changes` says a delivery of this webhook changed.
 */
export function WebhookStatsChart({ webhookId, changes }: { webhookId: string; changes: number }) {
  const [range, setRange] = useState<StatsRange>('24h');
  const [stats, setStats] = useState<WebhookStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const shownKey = useRef('');
  const lastFetchAt = useRef(0);

  useEffect(() => {
    let live = true;
    const key = `${webhookId}:${range}`;
    const delay = shownKey.current === key ? Math.max(0, lastFetchAt.current + 1000 - Date.now()) : 0;
    shownKey.current = key;
    const timer = setTimeout(() => {
      lastFetchAt.current = Date.now();
      api.webhookStats(webhookId, range).then(
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
  }, [webhookId, range, changes]);

  const current = RANGES.find((r) => r.range === range) ?? RANGES[0]!;
  const data = stats?.range === range ? stats.buckets.map((b) => ({ ...b, label: bucketLabel(b.start, range) })) : [];
  const succeeded = data.reduce((sum, b) => sum + b.succeeded, 0);
  const failed = data.reduce((sum, b) => sum + b.failed, 0);
  return (
    <section className="stats" aria-labelledby={titleId}>
      <div className="stats-head">
        <h3 id={titleId}>Deliveries per {current.unit}</h3>
        <div role="radiogroup" aria-label="Chart range" className="segmented">
          {RANGES.map((r) => (
            <button key={r.range} type="button" role="radio" aria-checked={range === r.range} onClick={() => setRange(r.range)}>
              {r.label}
            </button>
          ))}
        </div>
        <span className="muted">{stats ? `${succeeded} succeeded, ${failed} failed in the ${current.label.toLowerCase()}` : 'Loading…'}</span>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <div
        className="chart"
        role="img"
        aria-label={`Stacked bar chart: deliveries per ${current.unit}, ${current.label.toLowerCase()}: ${succeeded} succeeded, ${failed} failed`}
      >
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
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar dataKey="succeeded" name="Succeeded" stackId="deliveries" fill="var(--ok)" isAnimationActive={false} />
            <Bar dataKey="failed" name="Failed" stackId="deliveries" fill="var(--bad)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
