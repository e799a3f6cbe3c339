import { api } from '../../api/client';
import { StatsChart } from '../../components/StatsChart';

const SERIES = [
  { key: 'succeeded', name: 'Succeeded', color: 'var(--ok)' },
  // A failed bar is never thinner than 4 px, however many succeeded beside it; the share is in words too.
  { key: 'failed', name: 'Failed', color: 'var(--bad)', minVisiblePx: 4 },
];

/** Succeeded and failed deliveries per hour (24 h) or per day (7 d), stacked; fetched again when `changes` says a delivery changed. */
export function WebhookStatsChart({ webhookId, changes }: { webhookId: string; changes: number }) {
  return <StatsChart noun="Deliveries" resourceId={webhookId} load={(range) => api.webhookStats(webhookId, range)} changes={changes} series={SERIES} />;
}
