import { Agent, request } from 'undici';
import { sendErrorKind, type SendErrorKind } from '../dispatch/http-sender';

/** One request the check sends: always the exact bytes that were signed (or deliberately not). */
export interface OutgoingRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** What came back to one request, or why nothing did. */
export interface Observed {
  status: number | null;
  headers: Record<string, string>;
  /** The response body as text (lossy UTF-8), at most `RESPONSE_READ_CAP` bytes of it. */
  body: string;
  error: string | null;
  errorKind: SendErrorKind | null;
  durationMs: number;
}

/** Bytes of a response body read at most; the rest is not read (the connection is dropped). */
export const RESPONSE_READ_CAP = 64 * 1024;

/**
 * Sends the check's requests with its own undici Agent (one per run, so a run never shares
 * connections with deliveries). Redirects are never followed: a 3xx comes back as it is and the
 * graders report it. Each request is cut at `cutMs` whatever it is doing (connecting, waiting, reading);
 * each uses a fresh connection, as most senders do, so a receiver that drops one connection (a
 * crash on a big body) cannot fail the next case.
 */
export class CheckExchange {
  private readonly agent = new Agent({ connections: 64, pipelining: 1, keepAliveTimeout: 1_000 });

  async send(outgoing: OutgoingRequest, cutMs: number): Promise<Observed> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const signal = AbortSignal.timeout(cutMs);
    try {
      const response = await request(outgoing.url, {
        method: outgoing.method,
        headers: outgoing.headers,
        body: outgoing.body,
        dispatcher: this.agent,
        signal,
        reset: true,
        headersTimeout: cutMs,
        bodyTimeout: cutMs,
      });
      const body = await readCapped(response.body, RESPONSE_READ_CAP);
      return { status: response.statusCode, headers: flatten(response.headers), body, error: null, errorKind: null, durationMs: elapsed() };
    } catch (error) {
      const kind = signal.aborted ? 'timeout' : sendErrorKind(error);
      return { status: null, headers: {}, body: '', error: describe(kind, error, outgoing.url, cutMs), errorKind: kind, durationMs: elapsed() };
    }
  }

  /** Ends every connection now, failing requests in flight (a run stopped with the engine). */
  destroy(): Promise<void> {
    return this.agent.destroy();
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }, cap: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const room = cap - size;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    size += Math.min(chunk.length, room);
    if (size >= cap) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describe(kind: SendErrorKind, error: unknown, url: string, cutMs: number): string {
  const host = safeHost(url);
  switch (kind) {
    case 'timeout':
      return `No answer within ${(cutMs / 1000).toFixed(cutMs < 10_000 ? 2 : 0).replace(/\.?0+$/, '')} s.`;
    case 'refused':
      return `Connection refused by ${host}: nothing is listening there.`;
    case 'dns':
      return `The host ${host} could not be resolved.`;
    case 'reset':
      return `${host} closed the connection before answering.`;
    case 'tls':
      return `The TLS certificate of ${host} was not accepted (${(error as { code?: string }).code ?? 'TLS error'}).`;
    case 'other':
      return `The request failed: ${(error as Error).message ?? String(error)}.`;
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
