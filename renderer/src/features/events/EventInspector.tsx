import type { ReactNode } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { receivedRequestCurl } from '../../../../shared/curl';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../../lib/format';
import { useConnector } from '../../stores/connectors-store';
import { HeadersTable } from '../../components/HeadersTable';
import { EventForwardAndReplays, EventRelayActions } from '../relay/EventRelayDetails';
import { useLiveEvent } from '../relay/use-live-event';
import { BodyView } from './BodyView';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * One event: signature and drift notes, Retry forward / Replay…, its facts (request line for
 * captures), headers and body (pretty and raw, read-only Monaco), then its forward and replays.
 * Kept live from `event.updated`.
 */
export function EventInspector({ event: given }: { event: HookEvent }) {
  const { event, refresh } = useLiveEvent(given);
  const captured = event.method !== undefined;
  const connector = useConnector(event.connectorId ?? undefined);
  const received = event.source === 'capture' || event.source === 'push';
  return (
    <section className="inspector" aria-label="Event inspector">
      <h3>{event.type}</h3>
      <EventRelayActions event={event} onChanged={refresh} />
      {received && (
        <div className="inspector-actions">
          <CopyButton text={receivedRequestCurl(event, { captureUrl: connector?.captureUrl ?? null, pushUrl: connector?.pushUrl ?? null })} what="received request as curl" />
          <span className="muted small">
            Received request as curl{event.source === 'push' ? ' (put your push key in place of [redacted])' : ''}
          </span>
        </div>
      )}
      <dl className="facts">
        <Fact term="Id">{event.id}</Fact>
        <Fact term="Received">
          <time dateTime={event.receivedTime}>{new Date(event.receivedTime).toLocaleString()}</time>
        </Fact>
        <Fact term="Type">{event.type}</Fact>
        <Fact term="Data source">{event.dataSource}</Fact>
        <Fact term="Via">{event.source === 'capture' ? 'Capture URL' : event.source === 'push' ? 'Push API' : 'Hookdesk'}</Fact>
        {captured && (
          <Fact term="Request">
            {event.method} /{(event.path ?? '').replace(/^\//, '')}
            {event.query ? `?${event.query.replace(/^\?/, '')}` : ''}
          </Fact>
        )}
        {event.contentType !== undefined && <Fact term="Content type">{event.contentType ?? '(none)'}</Fact>}
        <Fact term="Size">{formatBytes(event.size)}</Fact>
        <Fact term="From">{event.remoteAddress ?? 'Hookdesk'}</Fact>
        {event.imported && (
          <Fact term="Imported">
            <time dateTime={event.imported.time}>{new Date(event.imported.time).toLocaleString()}</time>
            {` from a ${event.imported.format === 'har' ? 'HAR' : 'NDJSON'} file`}
            {event.imported.originalId !== null ? `; it was ${event.imported.originalId} there` : ''}
          </Fact>
        )}
      </dl>
      <HeadersTable label="Headers" headers={event.headers} empty={null} />
      <BodyView event={event} />
      <EventForwardAndReplays event={event} />
    </section>
  );
}
