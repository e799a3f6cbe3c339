import type { Connector } from '../../../../shared/schemas/connector';
import { api } from '../../api/client';
import { StatsChart } from '../../components/StatsChart';

const SERIES = [{ key: 'count', name: 'Events', color: 'var(--accent)' }];

/** Events per hour (24 h) or per day (7 d); fetched again when a live `connector.updated` changes the count or status. */
export function ConnectorStatsChart({ connector }: { connector: Connector }) {
  const { id, eventCount, status } = connector;
  return <StatsChart noun="Events" resourceId={id} load={(range) => api.connectorStats(id, range)} changes={`${eventCount}:${status}`} series={SERIES} />;
}
