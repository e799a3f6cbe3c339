import { z } from 'zod';
import { WRK_RESULT_PREFIX } from './wrk-script';

/** The JSON line the script's `done()` prints (microseconds as wrk reports them). */
const wrkDoneSchema = z.object({
  duration_us: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
  responses: z.number().int().nonnegative(),
  non2xx: z.number().int().nonnegative(),
  first_non2xx: z.string().max(400),
  errors: z.object({
    connect: z.number().int().nonnegative(),
    read: z.number().int().nonnegative(),
    write: z.number().int().nonnegative(),
    status: z.number().int().nonnegative(),
    timeout: z.number().int().nonnegative(),
  }),
  latency_us: z.object({
    min: z.number(),
    mean: z.number(),
    max: z.number(),
    p50: z.number(),
    p90: z.number(),
    p99: z.number(),
    p999: z.number(),
  }),
  ids: z.array(z.string().max(200)).max(100_000),
});

export type WrkDone = z.output<typeof wrkDoneSchema>;

/** Figures of one wrk run, in the bench's units. */
export interface WrkFigures {
  requestsPerSecond: number;
  totalRequests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Socket errors and timeouts (connect, read, write, timeout). */
  errors: number;
  non2xx: number;
  firstNon2xx: string | null;
  ackIds: string[];
}

/**
 * Finds the result line in wrk's stdout (wrk's own human summary comes first and is ignored) and
 * checks it. Throws with what was found when there is none or it is malformed.
 */
export function parseWrkOutput(stdout: string): WrkFigures {
  const line = stdout.split('\n').find((l) => l.startsWith(WRK_RESULT_PREFIX));
  if (!line) throw new Error(`wrk printed no result line (did done() run?): ${stdout.slice(0, 500)}`);
  let json: unknown;
  try {
    json = JSON.parse(line.slice(WRK_RESULT_PREFIX.length));
  } catch (error) {
    throw new Error(`wrk's result line is not JSON (${(error as Error).message}): ${line.slice(0, 300)}`);
  }
  const parsed = wrkDoneSchema.safeParse(json);
  if (!parsed.success) throw new Error(`wrk's result line is not as expected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return figuresOf(parsed.data);
}

const ms = (us: number): number => us / 1000;

function figuresOf(d: WrkDone): WrkFigures {
  const seconds = d.duration_us / 1e6;
  return {
    requestsPerSecond: seconds > 0 ? d.requests / seconds : 0,
    totalRequests: d.requests,
    p50: ms(d.latency_us.p50),
    p90: ms(d.latency_us.p90),
    p99: ms(d.latency_us.p99),
    max: ms(d.latency_us.max),
    errors: d.errors.connect + d.errors.read + d.errors.write + d.errors.timeout,
    non2xx: d.non2xx,
    firstNon2xx: d.first_non2xx === '' ? null : d.first_non2xx,
    ackIds: d.ids,
  };
}
