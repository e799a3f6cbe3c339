import autocannon from 'autocannon';
import type { LoadOptions, LoadResult } from './load';

/** The fallback generator when wrk is missing: autocannon, with the same options and figures. */
export async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const bodies = typeof options.body === 'string' ? [options.body] : options.body;
  let counter = 0;
  const ackIds: string[] = [];
  const sampleMax = options.sampleAckIds ?? 0;
  let answers = 0;
  const request: autocannon.Request = {
    setupRequest: (req) => ({ ...req, body: bodies[counter++ % bodies.length] }),
    ...(sampleMax > 0
      ? {
          onResponse: (_status: number, body: string) => {
            if (ackIds.length >= sampleMax || answers++ % 100 !== 0) return;
            const id = /"ids":\["([\w-]+)"/.exec(body)?.[1];
            if (id) ackIds.push(id);
          },
        }
      : {}),
  };
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.durationSeconds } : { amount: options.amount }),
    method: options.method ?? 'POST',
    headers: options.headers,
    requests: [request],
  });
  return {
    generator: 'autocannon',
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    firstNon2xx: null,
    totalRequests: result.requests.total,
    ackIds,
  };
}
