import { Agent, errors as undiciErrors, type Dispatcher } from 'undici';

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

  /**
   * Sends through the Agent's `dispatch` with a handler that collects the response bytes itself (up
   * to the cap), rather than `request()`: no Readable stream, async iterator or AbortSignal per
   * request, which were a few per cent of the engine per delivery. One timer per request, cleared
   * when it ends, aborts it at `timeoutMs` (also while it waits for a pooled connection).
   */
  send(request: OutboundRequest, timeoutMs: number, maxBodyBytes = RESPONSE_BODY_CAP): Promise<SendResult> {
    const started = performance.now();
    return new Promise<SendResult>((resolve) => {
      const finish = (outcome: { response: OutboundResponse } | { error: unknown }): void => {
        const durationMs = Math.round(performance.now() - started);
        if ('response' in outcome) resolve({ response: outcome.response, error: null, durationMs });
        else resolve({ response: null, error: this.describeError(outcome.error, request.url, timeoutMs), durationMs });
      };
      try {
        const target = targetOf(request.url);
        const handler = new CappedExchange(maxBodyBytes, timeoutMs, finish);
        this.agent.dispatch(
          {
            origin: target.origin,
            path: target.path,
            method: request.method as Dispatcher.HttpMethod,
            headers: request.headers,
            body: request.body ?? null,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
          },
          handler,
        );
      } catch (error) {
        finish({ error });
      }
    });
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

/**
 * One request's undici handler: the status and headers of the final response (1xx skipped), its
 * body's bytes up to `cap` (past it: the bytes so far, `truncated`, and the connection aborted),
 * or the error. `finish` is called exactly once; the timer aborts the request at `timeoutMs`.
 */
class CappedExchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null;
  private status = 0;
  private headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private done = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly cap: number,
    timeoutMs: number,
    private readonly finish: (outcome: { response: OutboundResponse } | { error: unknown }) => void,
  ) {
    this.timer = setTimeout(() => this.fail(timeoutError(), true), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // The timeout passed while the request waited for a connection: it is not sent.
    if (this.done) controller.abort(timeoutError());
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    if (statusCode < 200) return;
    this.status = statusCode;
    this.headers = flattenHeaders(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.done) return;
    if (this.size + chunk.length > this.cap) {
      this.chunks.push(chunk.subarray(0, this.cap - this.size));
      this.size = this.cap;
      this.succeed(true);
      controller.abort(new Error('The response body passed the recorded cap; the rest was not read.'));
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  onResponseEnd(): void {
    this.succeed(false);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.fail(error, false);
  }

  private succeed(truncated: boolean): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    const bytes = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.size);
    this.finish({ response: { status: this.status, headers: this.headers, bytes, body: bytes.toString('utf8'), truncated } });
  }

  /** `abort`: the failure is ours (the timeout), so the request in flight is stopped too. */
  private fail(error: Error, abort: boolean): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    if (abort) this.controller?.abort(error);
    this.finish({ error });
  }
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
