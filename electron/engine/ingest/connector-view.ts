import { BUILT_IN_DATA_SOURCES, type Connector, type ConnectorStatus } from '../../../shared/schemas/connector';
import { maskSecret } from '../../../shared/schemas/webhook-mask';
import type { ConnectorCounters } from '../store/connector-counters';
import type { StoredConnector } from '../store/workspace-data';

/**
 * A stored connector as the management API answers it: counts, status and its push and capture URLs
 * added, hashes left out (the API key is never kept, so it is never shown again).
 */
export function toConnector(stored: StoredConnector, counters: ConnectorCounters, status: ConnectorStatus, urls: ConnectorUrls): Connector {
  return {
    id: stored.id,
    name: stored.name,
    dataSource: stored.dataSource,
    status,
    createdTime: stored.createdTime,
    updatedTime: stored.updatedTime,
    lastEventTime: counters.lastEventMs === null ? null : new Date(counters.lastEventMs).toISOString(),
    eventCount: counters.eventCount,
    forwardTo: stored.forwardTo,
    verification: stored.verification === null ? null : { ...stored.verification, secret: maskSecret(stored.verification.secret) },
    response: stored.response,
    typePath: stored.typePath,
    retention: stored.retention,
    pushUrl: urls.pushUrl,
    captureUrl: urls.captureUrl,
  };
}

export interface ConnectorUrls {
  pushUrl: string;
  /** null when the capture token was not kept (a connector created by an older version, before a key reset). */
  captureUrl: string | null;
}

/** A data source that names a built-in one in another case is stored with the built-in's spelling. */
export function canonicalDataSource(dataSource: string | null): string | null {
  if (dataSource === null) return null;
  const lower = dataSource.toLowerCase();
  return BUILT_IN_DATA_SOURCES.find((builtIn) => builtIn.toLowerCase() === lower) ?? dataSource;
}

/**
 * The identity that must be unique: (name, dataSource), case ignored. A null data source
 * (auto-discovery) is its own value, distinct from any string, "null" included.
 */
export function connectorIdentity(name: string, dataSource: string | null): string {
  return `${name.toLowerCase()}\u0000${dataSource === null ? '\u0001' : dataSource.toLowerCase()}`;
}
