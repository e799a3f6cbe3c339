import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../../shared/errors';
import type { HookdeskError } from '../../../shared/errors';

/**
 * A hot-path handler that runs before Express (push and capture): it answers `true` when it
 * took the request. These skip the router and body parser on purpose (see docs/PERFORMANCE.md).
 */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Writes a JSON answer with a precomputed length (no chunked encoding). */
export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders?: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HookdeskError): void {
  const body: ApiErrorBody = error.toBody();
  sendJson(res, error.status, body);
}
