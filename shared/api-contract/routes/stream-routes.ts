import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** SSE event names and what each carries (electron/engine/server/sse-hub.ts `StreamEventName`). */
export const STREAM_EVENTS: Readonly<Record<string, string>> = {
  hello: '`{version}`, once on connect.',
  'event.received': 'An Event, once it is stored.',
  'event.updated': 'An Event whose relay results changed (forward, verification, replays).',
  'events.deleted': '`{ids}` of events deleted one by one or in bulk.',
  'delivery.updated': 'A Delivery (without attempts) whenever its state changes.',
  'connector.updated': 'A Connector (status, counts); `{..., deleted: true}` when it was deleted.',
  'webhook.updated': 'A Webhook (state, failures); `{..., deleted: true}` when it was deleted.',
  'environments.updated': 'The Environments (values masked) after a change.',
};

/** The live stream of changes. */
export const streamRoute: Spec = {
  method: 'get',
  path: '/api/v1/stream',
  operationId: 'stream',
  summary: 'Live stream of changes (Server-Sent Events)',
  description:
    'Each message has an `event:` name and a JSON `data:` line. Events: ' +
    Object.entries(STREAM_EVENTS)
      .map(([name, what]) => `\`${name}\`: ${what}`)
      .join(' ') +
    ' A comment line every 15 s keeps the connection open; `retry: 2000` asks clients to reconnect after 2 s. A client more than 1 MiB behind, or whose socket has not drained for 30 s, is dropped: reconnect and reload.',
  tag: 'stream',
  auth: 'management',
  ok: { status: 200, description: 'The stream (never ends by itself).', answer: { contentType: 'text/event-stream', schema: { type: 'string' } } },
  errors: [],
};
