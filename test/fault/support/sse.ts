import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseClient {
  /** Everything received so far, as text. */
  text(): string;
  /** Resolves once the received text contains `needle`, or rejects after `timeoutMs`. */
  waitFor(needle: string, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream or drops the socket (seen only while reading). */
  closed: Promise<void>;
  /** Starts reading a client opened with `read: false` (what the server sent, then its end, if any). */
  resume(): void;
  close(): void;
}

/**
 * A live-stream client on /api/v1/stream with the bearer token. With `read: false` it never
 * reads: its socket is paused, so the server's writes pile up unsent (a client that does not keep up).
 */
export function openSse(baseUrl: string, token: string, options: { read?: boolean } = {}): Promise<SseClient> {
  const url = new URL('/api/v1/stream', baseUrl);
  return new Promise((resolve, reject) => {
    let received = '';
    let waiters: { needle: string; resolve: () => void }[] = [];
    let onClosed: () => void = () => undefined;
    const closed = new Promise<void>((r) => (onClosed = r));
    const req: ClientRequest = request(
      { hostname: url.hostname, port: url.port, path: url.pathname, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, agent: false },
      (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          reject(new Error(`the stream answered ${res.statusCode}`));
          return;
        }
        res.socket.once('close', onClosed);
        res.once('close', onClosed);
        let reading = false;
        const read = (): void => {
          if (reading) return;
          reading = true;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            received += chunk;
            waiters = waiters.filter((w) => {
              if (!received.includes(w.needle)) return true;
              w.resolve();
              return false;
            });
          });
          res.socket.resume();
          res.resume();
        };
        if (options.read === false) {
          res.pause();
          res.socket.pause();
        } else read();
        res.on('error', () => onClosed());
        resolve({
          text: () => received,
          waitFor(needle, timeoutMs = 10_000) {
            if (received.includes(needle)) return Promise.resolve();
            return new Promise((ok, fail) => {
              const timer = setTimeout(() => fail(new Error(`the stream did not carry "${needle}" within ${timeoutMs} ms`)), timeoutMs);
              waiters.push({ needle, resolve: () => (clearTimeout(timer), ok()) });
            });
          },
          closed,
          resume: read,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (error) => {
      onClosed();
      reject(error);
    });
    req.end();
  });
}
