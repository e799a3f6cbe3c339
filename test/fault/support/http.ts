import { request, type Agent } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  ms: number;
}

export interface Call {
  method?: string;
  /** Path and query, sent exactly as given (no normalising). */
  path: string;
  headers?: Record<string, string | number | string[]> | [string, string][];
  body?: string | Buffer;
  agent?: Agent | false;
  timeoutMs?: number;
}

/** A request the socket lost (reset, closed by the server after a refusal) rather than an answer. */
export class NoAnswerError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * One request over node:http, so every header, method and byte is the test's choice (fetch would
 * add its own content type and refuse odd methods). Resolves with the answer, rejects with
 * NoAnswerError when the connection ends without one, or after `timeoutMs` (a hang).
 */
export function call(baseUrl: string, c: Call): Promise<Answer> {
  const base = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // A header list (to send one name twice) goes out as is, so it needs its own Host line.
    const headers = Array.isArray(c.headers) ? ['host', base.host, ...c.headers.flat()] : c.headers;
    const req = request(
      { hostname: base.hostname, port: base.port, method: c.method ?? 'GET', path: c.path, headers, agent: c.agent ?? false, setHost: true },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json, ms: performance.now() - started });
        });
        res.on('error', (error) => reject(new NoAnswerError(`response: ${error.message}`)));
      },
    );
    req.setTimeout(c.timeoutMs ?? 15_000, () => {
      req.destroy(new NoAnswerError(`no answer within ${c.timeoutMs ?? 15_000} ms`));
    });
    req.on('error', (error) => reject(error instanceof NoAnswerError ? error : new NoAnswerError(`${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim())));
    req.end(c.body);
  });
}

/** The contract's error code of an answer, if it has one. */
export function errorCode(answer: Answer): string | undefined {
  return (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
}

/** True when the body has the contract's error shape: `{"error": {"code", "message"}}`. */
export function hasErrorShape(answer: Answer): boolean {
  const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** A stack trace leaking into a body: "at fn (file:line:col)" lines or absolute source paths. */
export function looksLikeStack(text: string): boolean {
  return /\n\s+at .+:\d+:\d+/.test(text) || /\bat (?:async )?\S+ \(\/.+:\d+:\d+\)/.test(text) || /node_modules\//.test(text);
}
