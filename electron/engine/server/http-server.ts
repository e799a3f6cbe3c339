import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { describeError } from './describe-error';
import { sendError, type RawHandler } from './raw-handler';

const active = new WeakMap<Server, { requests: number; onIdle: (() => void) | null }>();

/** The edge's time and connection limits (EngineConfig; tests pass small values). */
export interface HttpEdgeLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** What answers a request no raw handler took: the Express app, or the ingest listener's 404. */
export type FallbackHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A listener: raw hot-path handlers first, then `fallback` (the Express app). The engine runs one
 * for everything, or two when ingest has its own (then each gets the same limits and guards).
 * Slow senders are bounded: the headers must arrive within `headersTimeoutMs` and the whole
 * request within `requestTimeoutMs` (Node checks these on a timer, so the timer runs at a
 * fraction of the smaller one), idle keep-alive sockets close after `keepAliveTimeoutMs`, and at
 * most `maxConnections` sockets are open at once.
 * In-flight requests are counted so that a stop can wait for exactly those and no longer.
 */
export function createHttpServer(rawHandlers: RawHandler[], fallback: FallbackHandler, limits: HttpEdgeLimits, log: (line: string) => void): Server {
  const state = { requests: 0, onIdle: null as (() => void) | null };
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    (req: IncomingMessage, res: ServerResponse) => {
      state.requests += 1;
      res.once('close', () => {
        state.requests -= 1;
        if (state.requests === 0) state.onIdle?.();
      });
      // A handler that throws before it has set up its own error mapping must not take the
      // process with it: the request ends as a JSON 500 and the engine keeps serving.
      try {
        for (const handler of rawHandlers) if (handler(req, res)) return;
        fallback(req, res);
      } catch (error) {
        log(`internal error on ${req.method ?? '?'} ${(req.url ?? '').split('?')[0] ?? ''}: ${describeError(error)}`);
        if (res.headersSent) res.destroy();
        else sendError(res, new HookdeskError(500, ErrorCode.internal, 'Hookdesk hit an internal error. It was logged; try again, and report it if it repeats.'));
      }
    },
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));
  active.set(server, state);
  return server;
}

/**
 * Requests Node's parser refuses (malformed, too slow, headers too large) get the contract's JSON
 * error, then the socket closes; a reset socket is just dropped.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const pending = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || (pending && pending.headersSent)) {
    socket.destroy();
    return;
  }
  const [status, reason, answer] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', new HookdeskError(408, ErrorCode.requestTimeout, 'The request did not arrive in time. Send the headers and body without pausing.')]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', new HookdeskError(431, ErrorCode.badRequest, 'The request headers are too large. Send fewer or shorter headers.')]
        : [400, 'Bad Request', new HookdeskError(400, ErrorCode.badRequest, 'The request is not valid HTTP/1.1 and was refused.')];
  const body = JSON.stringify(answer.toBody());
  socket.write(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroy();
}

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Stops accepting connections, lets in-flight requests finish (their writes are acknowledged
 * only once durable), then closes every socket. Requests still running after `graceMs` are cut.
 */
export function closeServer(server: Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const state = active.get(server);
    server.close(() => resolve());
    server.closeIdleConnections();
    const finish = (): void => server.closeAllConnections();
    if (!state || state.requests === 0) finish();
    else state.onIdle = finish;
    setTimeout(finish, graceMs).unref();
  });
}
