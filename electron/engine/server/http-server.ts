import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { RawHandler } from './raw-handler';

/**
 * One listener for everything: raw hot-path handlers first, then the Express app.
 * Keep-alive is kept long enough for load generators and webhook senders that reuse sockets.
 */
export function createHttpServer(rawHandlers: RawHandler[], app: Express): Server {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const handler of rawHandlers) if (handler(req, res)) return;
    app(req, res);
  });
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

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Long-lived streams (SSE) and slow senders: give them a moment, then cut them.
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}
