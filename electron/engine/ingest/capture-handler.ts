import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import type { EngineContext } from '../engine-context';
import type { RawHandler } from '../server/raw-handler';
import { readCapturedContent } from './capture-decoded';
import { CaptureResponseResolver, sendConfiguredResponse } from './capture-response';
import { EnvironmentService } from '../environments/environment-service';
import { parseCaptureUrl, type CaptureTarget } from './capture-url';
import type { ConnectorService } from './connector-service';
import { declaredTooLarge, payloadTooLarge, readBody } from './read-body';
import { eventHeaders } from './request-headers';
import { arrivalAt, receivedEvent } from './received-event';
import { runRawRequest } from './raw-request';
import { relayHookFor, type RequestHookSlot } from './request-hook';

/**
 * `ANY /hooks/<captureToken>[/sub/path][?query]` (API.md section 2): any method and content type.
 * The body's exact bytes are kept (base64) beside what they read as (decoded from gzip, deflate or
 * br when Content-Encoding says so); once the event is durable
 * the sender gets the connector's configured response, after its delay.
 */
export function captureHandler(ctx: EngineContext, connectors: ConnectorService, relay: RequestHookSlot): RawHandler {
  const limit = ctx.config.maxBodyBytes;
  const answers = new CaptureResponseResolver(new EnvironmentService(ctx), ctx.log);

  async function handle(req: IncomingMessage, res: ServerResponse, target: CaptureTarget): Promise<void> {
    const connector = target.token === '' ? undefined : connectors.byCaptureToken(target.token);
    if (!connector) {
      throw new HookdeskError(
        404,
        ErrorCode.unknownCapture,
        'No connector has this capture URL. Its key may have been reset or the connector deleted; copy the current capture URL from the connector.',
      );
    }
    if (declaredTooLarge(req, limit)) throw payloadTooLarge(limit);
    const bytes = await readBody(req, limit);
    const contentType = req.headers['content-type'] ?? null;
    const method = req.method ?? 'GET';
    const arrival = arrivalAt(ctx.clock.now(), {
      connector,
      source: 'capture' as const,
      headers: eventHeaders(req.headers),
      remoteAddress: req.socket.remoteAddress ?? null,
    });
    // The body as it reads, decoded from its Content-Encoding; the bytes as received are kept as they are.
    const captured = await readCapturedContent(bytes, req.headers, limit);
    const event = receivedEvent(arrival, captured.body, bytes.length, {
      method,
      path: target.path,
      query: target.query,
      contentType,
      bodyBase64: bytes.toString('base64'),
    });
    if (captured.note !== undefined) event.bodyNote = captured.note;
    const relayHook = relayHookFor(relay, connector);
    const afterStored = relayHook
      ? relayHook({ connector, source: 'capture', method, path: target.path, query: target.query, headers: req.headers, body: bytes, receivedMs: arrival.receivedMs }, [event])
      : null;
    await connectors.storeEvents(connector.id, [event]);
    const response = answers.resolve(connector);
    if (response.delayMs <= 0) {
      sendConfiguredResponse(res, response);
      afterStored?.();
      return;
    }
    afterStored?.();
    const cancel = ctx.clock.setTimer(() => {
      if (!res.destroyed) sendConfiguredResponse(res, response);
    }, response.delayMs);
    res.once('close', cancel);
  }

  return (req, res) => {
    const target = parseCaptureUrl(req.url ?? '');
    if (!target) return false;
    runRawRequest(req, res, ctx.log, () => handle(req, res, target));
    return true;
  };
}
