import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { RawHandler } from './raw-handler';

const active = new WeakMap<Server, { requests: number; onIdle: (() => void) | null }>();

/**
 * One listener for everything: raw hot-path handlers first, then the Express app.
 * Keep-alive is kept long enough for load generators and webhook senders that reuse sockets.
 * In-flight requests are counted so that a stop can wait for exactly those and no longer.
 */
export function createHttpServer(rawHandlers: RawHandler[], app: Express): Server {
  const state = { requests: 0, onIdle: null as (() => void) | null };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests += 1;
    res.once('close', () => {
      state.requests -= 1;
      if (state.requests === 0) state.onIdle?.();
    });
    for (const handler of rawHandlers) if (handler(req, res)) return;
    app(req, res);
  });
  active.set(server, state);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
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
