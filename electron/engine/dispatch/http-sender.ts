import { Agent, errors as undiciErrors } from 'undici';

export interface OutboundRequest {
  /** Webhooks send GET or POST; the relay forwards whatever method it received. */
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Exact bytes to send (signatures are computed over these); null for GET. */
  body: Uint8Array | null;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  /** The body's bytes exactly as received, cut at `maxBodyBytes`. */
  bytes: Uint8Array;
  /** The same bytes read as UTF-8 (lossy), for validators and token answers; records keep `bytes`. */
  body: string;
  /** True when the body went on past `maxBodyBytes` and only its first bytes are in `bytes`. */
  truncated: boolean;
}

export interface SendResult {
  response: OutboundResponse | null;
  /** A sentence a person can act on when no response came back (timeout, refused, DNS...). */
  error: string | null;
  durationMs: number;
}

/** How much of a response body is kept in delivery records. */
export const RESPONSE_BODY_CAP = 64 * 1024;

/** Words a failed request (no response) for the person who set up its target. */
export type SendErrorDescriber = (error: unknown, url: string, timeoutMs: number) => string;

/**
 * Sends webhook requests (and the relay's forwards) with undici through pooled keep-alive
 * connections (one pool per origin inside the Agent). Never throws: every outcome is a SendResult.
 */
export class HttpSender {
  private readonly agent = new Agent({ connections: 64, keepAliveTimeout: 30_000, pipelining: 1 });

  /** `describeError` words failures for its callers' setting (default: a webhook's). */
  constructor(private readonly describeError: SendErrorDescriber = describeSendError) {}

  async send(request: OutboundRequest, timeoutMs: number, maxBodyBytes = RESPONSE_BODY_CAP): Promise<SendResult> {
    const started = performance.now();
    // One plain timer per request, cleared when done: AbortSignal.timeout() keeps a timer alive for
    // the whole timeout and builds a DOMException when it fires, which showed up under load.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(timeoutError()), timeoutMs);
    try {
      const target = targetOf(request.url);
      const res = await this.agent.request({
        origin: target.origin,
        path: target.path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: abort.signal,
      });
      const { bytes, truncated } = await readCapped(res.body, maxBodyBytes);
      return {
        response: { status: res.statusCode, headers: flattenHeaders(res.headers), bytes, body: bytes.toString('utf8'), truncated },
        error: null,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      return { response: null, error: this.describeError(error, request.url, timeoutMs), durationMs: Math.round(performance.now() - started) };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /** Ends every connection now, failing requests in flight (engine shutdown). */
  destroy(): Promise<void> {
    return this.agent.destroy();
  }
}

function timeoutError(): Error {
  const error = new Error('The webhook timeout passed.');
  error.name = 'TimeoutError';
  return error;
}

/** Origin and path of the URLs sent to lately: a webhook sends to the same URL every time, parsed once. */
const targets = new Map<string, { origin: string; path: string }>();
const TARGETS_KEPT = 256;

function targetOf(url: string): { origin: string; path: string } {
  let target = targets.get(url);
  if (target) return target;
  const parsed = new URL(url);
  target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
  if (targets.size >= TARGETS_KEPT) targets.delete(targets.keys().next().value as string);
  targets.set(url, target);
  return target;
}

async function readCapped(body: AsyncIterable<Uint8Array> & { destroy?: () => void }, cap: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    if (size + chunk.length > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      truncated = true;
      size = cap;
      body.destroy?.();
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { bytes: Buffer.concat(chunks), truncated };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** What kind of failure a send error is, for wording it. */
export type SendErrorKind = 'timeout' | 'refused' | 'dns' | 'reset' | 'tls' | 'other';

export function sendErrorKind(error: unknown): SendErrorKind {
  const code = (error as { code?: string }).code;
  const name = (error as { name?: string }).name;
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'reset';
  if ((typeof code === 'string' && code.startsWith('ERR_TLS')) || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN' || code === 'CERT_HAS_EXPIRED') return 'tls';
  return 'other';
}

export function describeSendError(error: unknown, url: string, timeoutMs: number): string {
  const code = (error as { code?: string }).code;
  switch (sendErrorKind(error)) {
    case 'timeout':
      return `No answer from ${url} within ${timeoutMs / 1000} s (the webhook's timeout). Make the receiver answer faster, or raise timeoutSeconds.`;
    case 'refused':
      return `Connection refused by ${new URL(url).host}: nothing is listening there. Start the receiver, or fix the URL.`;
    case 'dns':
      return `The host ${new URL(url).hostname} could not be resolved. Check the URL's host name.`;
    case 'reset':
      return `${new URL(url).host} closed the connection before answering. Check the receiver's logs.`;
    case 'tls':
      return `The TLS certificate of ${new URL(url).host} was not accepted (${code ?? 'TLS error'}). Use a valid certificate, or http:// for a local receiver.`;
    case 'other':
      return `The request to ${url} failed: ${(error as Error).message ?? String(error)}.`;
  }
}
