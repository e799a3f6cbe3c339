import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { PUSH_KEY_HEADERS } from '../../../shared/relay/forward-request';
import type { HookEvent } from '../../../shared/schemas/event';
import type { EngineContext } from '../engine-context';
import { sendJson, type RawHandler } from '../server/raw-handler';
import { PUSH_PATH, type ConnectorService } from './connector-service';
import { contentCodings, decodeContent, decodeError } from './content-coding';
import { parsePushEvents, pushBodyText, type PushItem } from './push-body';
import { declaredTooLarge, payloadTooLarge, readBody } from './read-body';
import { eventHeaders, isJsonMediaType, mediaType } from './request-headers';
import { arrivalAt, receivedEvent, type Arrival } from './received-event';
import { runRawRequest } from './raw-request';
import { relayHookFor, type RequestHookSlot } from './request-hook';

/** The key header (API.md: `API_KEY`); `api-key` is taken too, for proxies that drop underscores. */
const KEY_HEADERS = ['api_key', 'api-key'] as const;

function isPushUrl(url: string): boolean {
  return url.startsWith(PUSH_PATH) && (url.length === PUSH_PATH.length || url[PUSH_PATH.length] === '?' || url === `${PUSH_PATH}/`);
}

function queryOf(url: string): string {
  const questionMark = url.indexOf('?');
  return questionMark === -1 ? '' : url.slice(questionMark + 1);
}

function keyOf(req: IncomingMessage): { header: string; value: string | undefined } {
  for (const header of KEY_HEADERS) {
    const value = req.headers[header];
    if (value !== undefined) return { header, value: Array.isArray(value) ? value[0] : value };
  }
  return { header: KEY_HEADERS[0], value: undefined };
}

/**
 * One pushed event. An event nested deeper than the bound keeps its bytes in `bodyBase64` (the whole
 * request's bytes for a single event) with the note, and its type comes from headers or is generic.
 */
function pushedEvent(arrival: Arrival, item: PushItem, requestBytes: Buffer | null): HookEvent {
  const event = receivedEvent(arrival, item.body, item.size);
  if (item.note !== undefined) {
    event.bodyNote = item.note;
    event.bodyBase64 = (requestBytes ?? Buffer.from(item.raw, 'utf8')).toString('base64');
  }
  return event;
}

/**
 * The JSON bytes of a push body sent with Content-Encoding (without one, the body is used as it is,
 * no await, no copy): decoded with the body limit as the cap on the decoded size (413 past it, 400 invalid_encoding when broken).
 */
async function decodedJsonBytes(bytes: Buffer, codings: ReturnType<typeof contentCodings>, limit: number): Promise<Buffer> {
  if (bytes.length === 0) return bytes;
  const decoded = await decodeContent(bytes, codings, limit);
  if (!decoded.ok) throw decodeError(decoded.failure, limit);
  return decoded.bytes;
}

/** A body sent with a content type other than JSON is refused (none at all is taken as JSON). */
function assertJsonContentType(req: IncomingMessage): void {
  const type = mediaType(req.headers['content-type']);
  if (type === '' || isJsonMediaType(type)) return;
  throw new HookdeskError(
    415,
    ErrorCode.unsupportedMediaType,
    `The push API takes JSON; this body was sent as "${req.headers['content-type'] ?? ''}". Send it with "Content-Type: application/json".`,
  );
}

/**
 * `POST /api/1.0/webhook/push` (API.md section 1), straight on node:http: key lookup, size
 * limit while reading, parse, tag, one durable append for the whole batch, then 200.
 * Any refusal happens before the append, so a rejected request stores nothing.
 */
export function pushHandler(ctx: EngineContext, connectors: ConnectorService, relay: RequestHookSlot): RawHandler {
  const limit = ctx.config.maxBodyBytes;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      const error = new HookdeskError(405, ErrorCode.methodNotAllowed, `The push API takes POST requests only; this was ${req.method ?? 'unknown'}. Send the events with POST.`);
      sendJson(res, error.status, error.toBody(), { allow: 'POST' });
      return;
    }
    const key = keyOf(req);
    const connector = connectors.byApiKey(key.value);
    if (!connector) {
      throw new HookdeskError(
        404,
        ErrorCode.unknownApiKey,
        key.value === undefined
          ? 'The request has no API_KEY header. Send the key shown when the connector was created (or its key was reset).'
          : 'No connector has this API key. It may have been reset or its connector deleted; copy the current key from the connector.',
      );
    }
    if (declaredTooLarge(req, limit)) throw payloadTooLarge(limit);
    const codings = contentCodings(req.headers);
    const bytes = await readBody(req, limit);
    const json = codings.length === 0 ? bytes : await decodedJsonBytes(bytes, codings, limit);
    const text = pushBodyText(json);
    assertJsonContentType(req);
    const items = parsePushEvents(text, json.length);
    const arrival = arrivalAt(ctx.clock.now(), {
      connector,
      source: 'push' as const,
      // Every spelling of the key header is redacted, not only the one the key was taken from.
      headers: eventHeaders(req.headers, PUSH_KEY_HEADERS),
      remoteAddress: req.socket.remoteAddress ?? null,
    });
    // A single event too deep to parse keeps the request's JSON bytes (decoded from any Content-Encoding).
    const events = items.map((item) => pushedEvent(arrival, item, items.length === 1 ? json : null));
    const relayHook = relayHookFor(relay, connector);
    const afterStored = relayHook
      ? relayHook(
          // Decoded: a pushed request is verified, kept and sent on as its JSON (Content-Encoding is not sent on).
          { connector, source: 'push', method: 'POST', path: '', query: queryOf(req.url ?? ''), headers: req.headers, body: json, receivedMs: arrival.receivedMs },
          events,
        )
      : null;
    // An event kept as raw text (too deep) is written with `body: null`; its text rides in bodyBase64.
    await connectors.storeEvents(connector.id, events, items.map((item) => (item.note === undefined ? item.raw : undefined)));
    sendJson(res, 200, { accepted: events.length, ids: events.map((e) => e.id) });
    afterStored?.();
  }

  return (req, res) => {
    if (!isPushUrl(req.url ?? '')) return false;
    runRawRequest(req, res, ctx.log, () => handle(req, res));
    return true;
  };
}
