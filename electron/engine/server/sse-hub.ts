import type { ServerResponse } from 'node:http';

/** The live stream's event names (API.md "Live stream"), plus `hello` sent on connect. */
export type StreamEventName = 'hello' | 'event.received' | 'event.updated' | 'delivery.updated' | 'connector.updated' | 'webhook.updated';

/**
 * Server-Sent Events fan-out. Each message is serialized once and written to every client; a
 * comment line every 15 s keeps idle connections (and proxies) open.
 */
export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | null = null;

  get size(): number {
    return this.clients.size;
  }

  attach(res: ServerResponse, hello: unknown): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => this.writeAll(': keep-alive\n\n'), 15_000);
      this.heartbeat.unref();
    }
  }

  broadcast(name: StreamEventName, data: unknown): void {
    if (this.clients.size === 0) return;
    this.writeAll(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private writeAll(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
