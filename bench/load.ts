import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  totalRequests: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Stop after this many requests instead of after `durationSeconds`. */
  amount?: number;
  headers: Record<string, string>;
  body: string | ((i: number) => string);
  method?: 'POST' | 'GET' | 'PUT';
  /** Fixed total request rate (for latency at a set load) instead of "as fast as possible". */
  overallRate?: number;
  /** Sees each response body (to sample acknowledged ids). */
  onResponse?: (body: string) => void;
}

/** One load-generator run with autocannon, the same for the engine and its ceilings. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let counter = 0;
  const bodyOf = typeof options.body === 'function' ? options.body : () => options.body as string;
  const onResponse = options.onResponse;
  const request: autocannon.Request = {
    setupRequest: (req) => ({ ...req, body: bodyOf(counter++) }),
    ...(onResponse ? { onResponse: (_status: number, body: string) => onResponse(body) } : {}),
  };
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.durationSeconds } : { amount: options.amount }),
    method: options.method ?? 'POST',
    headers: options.headers,
    requests: [request],
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    totalRequests: result.requests.total,
  };
}
