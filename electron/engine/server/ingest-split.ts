import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { CAPTURE_PREFIX, PUSH_PATH } from '../ingest/connector-service';
import { sendError, type RawHandler } from './raw-handler';

/**
 * When push and capture have their own listener (`--ingest-port`), each listener answers only its
 * half: the ingest one faces senders (often the internet) and must not expose the management API
 * or the UI; the management one must not take events, so a sender pointed at the wrong port hears
 * where to go instead of silently reaching the workspace.
 */

/** True for the paths the ingest handlers own (push, and capture under /hooks/). */
export function isIngestPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path === PUSH_PATH || path === `${PUSH_PATH}/` || path.startsWith(CAPTURE_PREFIX) || path === CAPTURE_PREFIX.slice(0, -1);
}

/** On the management listener: push and capture paths answer 404 naming the ingest listener. */
export function ingestIsElsewhere(ingestUrl: () => string): RawHandler {
  return (req, res) => {
    if (!isIngestPath(req.url ?? '')) return false;
    sendError(
      res,
      new HookdeskError(404, ErrorCode.notFound, `Push and capture do not answer on this port: send events to the ingest listener at ${ingestUrl()}.`),
    );
    return true;
  };
}

/** On the ingest listener: everything that is not push or capture (management API, UI, health). */
export function ingestOnlyFallback(req: IncomingMessage, res: ServerResponse): void {
  // The body, if any, is not read: the socket is closed after the answer rather than drained.
  res.shouldKeepAlive = false;
  sendError(
    res,
    new HookdeskError(
      404,
      ErrorCode.notFound,
      `Nothing answers at ${(req.url ?? '').split('?', 1)[0] ?? ''} here: this is Hookdesk's ingest listener, which takes only POST ${PUSH_PATH} and capture URLs (${CAPTURE_PREFIX}...).`,
    ),
  );
}
