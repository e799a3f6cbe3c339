import type { ServerResponse } from 'node:http';
import { sseMessage } from './sse-message';

/** The live stream's event names (API.md "Live stream"), plus `hello` sent on connect. */
export type StreamEventName = 'hello' | 'event.received' | 'event.updated' | 'delivery.updated' | 'connector.updated' | 'webhook.updated' | 'events.deleted' | 'environments.updated' | 'receiver-check.updated';

/** How far a client may fall behind before it is dropped (EngineConfig). */
export interface SseLimits {
  /** Bytes left unsent to one client (Node's buffer, not the kernel's) past which it is dropped at the next message. */
  maxBufferedBytes: number;
  /** How long one client's socket may stay undrained before it is dropped. */
  stallMs: number;
}

/**
 * One SSE message as written on the wire, or null when it cannot be written (then it is left out
 * for every client rather than thrown into the code that broadcast it).
 */
function formatMessage(name: StreamEventName, data: unknown): string | null {
  return sseMessage(name, data);
}

interface Client {
  /** When a write to this client last returned false and it has not drained since; null when flowing. */
  stalledSinceMs: number | null;
  /** Bytes written to it in this turn of the event loop: it cannot have read those yet. */
  bytesThisTurn: number;
}

/**
 * Server-Sent Events fan-out. Each message is serialized once and written to every client; a
 * comment line every 15 s keeps idle connections (and proxies) open.
 * A client that does not keep up (never reads, or reads slower than events arrive) is dropped
 * at the next message once its unsent bytes pass `maxBufferedBytes` or its socket has not
 * drained for `stallMs`, so it holds at most that plus one message of the engine's memory and
 * never holds up anyone else. The browser's client reconnects by itself and reloads what it missed.
 */
export class SseHub {
  private readonly clients = new Map<ServerResponse, Client>();
  private heartbeat: NodeJS.Timeout | null = null;
  private turnResetScheduled = false;

  constructor(
    private readonly limits: SseLimits = { maxBufferedBytes: 1024 * 1024, stallMs: 30_000 },
    private readonly log: (line: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

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
    const client: Client = { stalledSinceMs: null, bytesThisTurn: 0 };
    this.clients.set(res, client);
    res.on('close', () => this.clients.delete(res));
    res.on('drain', () => (client.stalledSinceMs = null));
    this.write(res, client, `retry: 2000\n${formatMessage('hello', hello) ?? ''}`);
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => this.writeAll(': keep-alive\n\n'), Math.min(15_000, this.limits.stallMs));
      this.heartbeat.unref();
    }
  }

  broadcast(name: StreamEventName, data: unknown): void {
    if (this.clients.size === 0) return;
    const message = formatMessage(name, data);
    if (message !== null) this.writeAll(message);
  }

  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const res of this.clients.keys()) res.end();
    this.clients.clear();
  }

  private writeAll(chunk: string): void {
    const size = Buffer.byteLength(chunk);
    for (const [res, client] of this.clients) this.write(res, client, chunk, size);
  }

  /**
   * Judges a client before each write by what it left unread from earlier turns of the event
   * loop: a burst (one large message, a batch of events) to a client that keeps reading is never
   * a reason to drop it, however big.
   */
  private write(res: ServerResponse, client: Client, chunk: string, size = Buffer.byteLength(chunk)): void {
    if (res.destroyed) return;
    const now = this.now();
    if (client.stalledSinceMs !== null) {
      const unread = res.writableLength - client.bytesThisTurn;
      if (unread > this.limits.maxBufferedBytes) {
        this.drop(res, `${unread} bytes were waiting to be sent (limit ${this.limits.maxBufferedBytes})`);
        return;
      }
      if (now - client.stalledSinceMs >= this.limits.stallMs) {
        this.drop(res, `it had not read for ${Math.round((now - client.stalledSinceMs) / 1000)} s`);
        return;
      }
    }
    client.bytesThisTurn += size;
    this.resetTurnSoon();
    if (!res.write(chunk)) client.stalledSinceMs ??= now;
  }

  private resetTurnSoon(): void {
    if (this.turnResetScheduled) return;
    this.turnResetScheduled = true;
    setImmediate(() => {
      this.turnResetScheduled = false;
      for (const client of this.clients.values()) client.bytesThisTurn = 0;
    });
  }

  private drop(res: ServerResponse, why: string): void {
    this.clients.delete(res);
    // end() would wait for the client to read what is queued; it never will, so cut the socket.
    res.destroy();
    this.log(`live stream: dropped a client that did not keep up (${why}); it reconnects and reloads`);
  }
}
