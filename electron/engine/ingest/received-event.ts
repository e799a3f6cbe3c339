import { newId } from '../../../shared/ids';
import type { EventSource, HookEvent } from '../../../shared/schemas/event';
import type { StoredConnector } from '../store/workspace-data';
import { discoverDataSource } from './tagging/data-source';
import { discoverType } from './tagging/event-type';

/** What every event of one request shares. */
export interface Arrival {
  connector: StoredConnector;
  source: Extract<EventSource, 'push' | 'capture'>;
  headers: Record<string, string>;
  remoteAddress: string | null;
  receivedMs: number;
  /** `receivedMs` as ISO-8601, computed once for the whole request. */
  receivedTime: string;
}

/** What every event of one request shares, stamped with the engine clock's now. */
export function arrivalAt(nowMs: number, fields: Omit<Arrival, 'receivedMs' | 'receivedTime'>): Arrival {
  return { ...fields, receivedMs: nowMs, receivedTime: new Date(nowMs).toISOString() };
}

/** Fields only captured events have (API.md section 2). */
export type CaptureFields = Required<Pick<HookEvent, 'method' | 'path' | 'query' | 'contentType' | 'bodyBase64'>>;

/**
 * A received event, tagged: the connector's data source or the discovered one, and the type
 * its JSONPath (or the defaults) finds.
 */
export function receivedEvent(arrival: Arrival, body: unknown, size: number, capture?: CaptureFields): HookEvent {
  const { connector, headers } = arrival;
  const dataSource = connector.dataSource ?? discoverDataSource(headers, body);
  return {
    id: newId('evt', arrival.receivedMs),
    connectorId: connector.id,
    source: arrival.source,
    dataSource,
    type: discoverType(dataSource, headers, body, connector.typePath),
    receivedTime: arrival.receivedTime,
    headers,
    body,
    size,
    remoteAddress: arrival.remoteAddress,
    ...capture,
  };
}
