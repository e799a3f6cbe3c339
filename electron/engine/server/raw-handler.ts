import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../../shared/errors';
import type { HookdeskError } from '../../../shared/errors';

/**
 * A hot-path handler that runs before Express (push and capture): it answers `true` when it
 * took the request. These skip the router and body parser on purpose (see docs/PERFORMANCE.md).
 */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Headers on every push and capture answer. These routes share the workspace's origin, and a
 * capture answer is whatever its connector's owner configured (even `text/html`), so the browser
 * is told to render it in a sandbox with an opaque origin (no scripts, no cookies, no calls to the
 * management API) and never to guess a more dangerous type than the one declared.
 */
export const SANDBOXED_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

/** Writes a JSON answer with a precomputed length (no chunked encoding). */
export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders?: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extraHeaders,
    ...SANDBOXED_ANSWER_HEADERS,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HookdeskError): void {
  const body: ApiErrorBody = error.toBody();
  sendJson(res, error.status, body);
}
