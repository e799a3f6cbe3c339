import { connect, type Socket } from 'node:net';

export interface RawExchange {
  /** Every byte the server sent until it closed the socket (or `timeoutMs` passed). */
  received: string;
  /** True when the server closed the connection; false when we gave up waiting. */
  closedByServer: boolean;
}

/**
 * Writes `chunks` to a fresh TCP connection to the engine (optionally half-closing after them) and
 * collects what comes back until the server closes or `timeoutMs` passes: the client controls
 * every byte, which node:http would not allow (lying Content-Length, CL+TE).
 */
export function rawExchange(baseUrl: string, chunks: (string | Buffer)[], options: { endAfter?: boolean; timeoutMs?: number } = {}): Promise<RawExchange> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(url.port), url.hostname);
    let received = '';
    let done = false;
    const finish = (closedByServer: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received, closedByServer });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 5_000);
    socket.on('data', (c: Buffer) => (received += c.toString('latin1')));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.endAfter) socket.end();
    });
  });
}

/** The status codes of every HTTP response found in a byte stream (to count smuggled answers). */
export function statusLines(received: string): number[] {
  return [...received.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
}

/**
 * A slowloris socket: sends a request line, then one header byte every `everyMs`, never finishing
 * the headers. Resolves with how long the server kept it open (ms), or `giveUpMs` if it never closed.
 */
export function slowloris(baseUrl: string, everyMs: number, giveUpMs: number): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    const started = performance.now();
    let done = false;
    let ticker: NodeJS.Timeout | undefined;
    const finish = (ms: number): void => {
      if (done) return;
      done = true;
      clearInterval(ticker);
      clearTimeout(giveUp);
      socket.destroy();
      resolve(ms);
    };
    const giveUp = setTimeout(() => finish(giveUpMs), giveUpMs);
    socket.on('connect', () => {
      socket.write(`GET /healthz HTTP/1.1\r\nHost: ${url.host}\r\n`);
      ticker = setInterval(() => socket.write('X'), everyMs);
    });
    socket.on('close', () => finish(performance.now() - started));
    socket.on('error', () => finish(performance.now() - started));
  });
}
