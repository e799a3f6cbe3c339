import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { stringifyBounded } from '../../../shared/json/bounded-json';
import type { HookEvent } from '../../../shared/schemas/event';
import type { OutboundRequest } from '../dispatch/http-sender';
import type { HopMark } from './forward-loop';
import { forwardHeaders } from '../../../shared/relay/forward-request';

/**
 * The body bytes of a stored event as it arrived: the exact bytes when they were kept (captures,
 * push requests of one event to a connector that forwards or verifies, events kept raw because they
 * nest too deep), else its JSON text as sent when that was kept for its numbers (`bodyJson`), else
 * the event's JSON (an event of a push batch, or an event from before the relay kept bytes). A body
 * that cannot be written as JSON (nested deeper than the bound, from older data)
 * refused (400, naming `body`, the field that lets the replay send something else): nothing is sent.
 */
export function eventBodyBytes(event: HookEvent): Buffer {
  if (event.bodyBase64 !== undefined) return Buffer.from(event.bodyBase64, 'base64');
  if (event.bodyJson !== undefined) return Buffer.from(event.bodyJson, 'utf8');
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  if (typeof event.body === 'string') return Buffer.from(event.body, 'utf8');
  const json = stringifyBounded(event.body);
  if (!json.ok) {
    const why = `this event's body cannot be sent again: ${json.reason}`;
    throw new HookdeskError(400, ErrorCode.validationFailed, `The replay request is invalid: body: ${why} Replay it with an edited body.`, { body: why });
  }
  return Buffer.from(json.text, 'utf8');
}

/** What a replay to a URL may change: the whole body, or the whole set of headers. */
export interface ReplayEdits {
  body?: string | undefined;
  headers?: Record<string, string> | undefined;
}

/**
 * The request a replay to the forward target or to a URL sends, built like a forward: the event's
 * method, its headers (or the edited ones) less hop-by-hop ones and the push key, with the hop mark,
 * and its body bytes (or the edited body as UTF-8).
 */
export function replayRequest(event: HookEvent, url: string, edits: ReplayEdits, hop: HopMark): OutboundRequest {
  const base = edits.headers ?? withJsonTypeWhenBare(event);
  const headers = hop.stamp(forwardHeaders(base, { dropPushKey: event.source === 'push' }));
  const bytes = edits.body === undefined ? eventBodyBytes(event) : Buffer.from(edits.body, 'utf8');
  return { method: event.method ?? 'POST', url, headers, body: bytes.length === 0 ? null : bytes };
}

/** Events published through the API or raised by Hookdesk have no headers: their JSON body is sent as JSON. */
function withJsonTypeWhenBare(event: HookEvent): Record<string, string> {
  if (event.bodyBase64 !== undefined || Object.keys(event.headers).some((name) => name.toLowerCase() === 'content-type')) return event.headers;
  return { ...event.headers, 'content-type': 'application/json' };
}
