import { api } from '../../api/client';
import { StatsChart } from '../../components/StatsChart';

const SERIES = [
  { key: 'succeeded', name: 'Succeeded', color: 'var(--ok)' },
  { key: 'failed', name: 'Failed', color: 'var(--bad)' },
];

/** Succeeded and failed deliveries per hour (24 h) or per day (7 d), stacked; fetched again when `changes` says a delivery changed. */
export function WebhookStatsChart({ webhookId, changes }: { webhookId: string; changes: number }) {
  return <StatsChart noun="Deliveries" resourceId={webhookId} load={(range) => api.webhookStats(webhookId, range)} changes={changes} series={SERIES} />;
}
