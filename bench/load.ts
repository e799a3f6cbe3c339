import { runAutocannon } from './load-autocannon';
import { findWrk, runWrk } from './load-wrk';

/** One load run's figures, whichever generator made them. */
export interface LoadResult {
  generator: 'wrk' | 'autocannon';
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Socket errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Status and start of the first non-2xx answer (wrk only), to say why a phase failed. */
  firstNon2xx: string | null;
  totalRequests: number;
  /** A sample of acknowledged event ids (`sampleAckIds`). */
  ackIds: string[];
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** The run's length; with `amount`, the most it may take. */
  durationSeconds: number;
  /** Send exactly this many requests (rotating through `body`), then stop. */
  amount?: number;
  headers: Record<string, string>;
  /** One body, or several sent in rotation (e.g. distinct 50-event arrays). */
  body: string | string[];
  method?: 'POST' | 'GET' | 'PUT';
  /** Keep a sample (about 1 answer in 100, at most this many) of the `ids` of push answers. */
  sampleAckIds?: number;
}

/**
 * The load generator of every throughput phase: wrk (C, one thread per core) when it is installed,
 * else autocannon (Node; it saturates before a bare node:http server does on a 2-core machine, so
 * ceilings measured with it are low). `BENCH_LOAD=autocannon` forces the fallback.
 */
export function loadGenerator(): 'wrk' | 'autocannon' {
  return process.env.BENCH_LOAD !== 'autocannon' && findWrk() !== null ? 'wrk' : 'autocannon';
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return loadGenerator() === 'wrk' ? runWrk(options) : runAutocannon(options);
}
