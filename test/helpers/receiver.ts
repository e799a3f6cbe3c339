import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The exact body bytes. */
  body: Buffer;
  text: string;
}

export interface ReceiverAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** A Buffer is sent as its exact bytes, a string as it is, anything else as JSON. */
  body?: unknown;
}

export type ReceiverHandler = (request: ReceivedRequest) => ReceiverAnswer | Promise<ReceiverAnswer>;

/**
 * A real HTTP receiver on 127.0.0.1:0 playing the customer's server: records every request byte
 * for byte and answers what `handler` says (default 200 `{"ok": true}`). `waitFor(n)` resolves
 * once n requests have arrived, so tests wait on arrivals, never on time.
 */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  handler: ReceiverHandler = () => ({ status: 200, body: { ok: true } });
  private waiters: { count: number; resolve: () => void }[] = [];
  private constructor(private readonly server: Server) {}

  static async start(handler?: ReceiverHandler): Promise<Receiver> {
    let receiver: Receiver | null = null;
    const server = createServer((req, res) => void receiver?.handle(req, res));
    receiver = new Receiver(server);
    if (handler) receiver.handler = handler;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests to one path (query ignored). */
  to(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.url.split('?')[0] === path);
  }

  waitFor(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const received: ReceivedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, text: body.toString('utf8') };
    this.requests.push(received);
    const answer = await this.handler(received);
    // A Buffer is answered byte for byte (binary answers); a string as it is; anything else as JSON.
    const payload = answer.body === undefined ? '' : typeof answer.body === 'string' || Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(payload);
    this.waiters = this.waiters.filter((w) => {
      if (this.requests.length < w.count) return true;
      w.resolve();
      return false;
    });
  }
}
