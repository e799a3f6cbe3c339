import { randomIdPart } from '../../../shared/ids';
import { senderProfile } from '../../../shared/receiver-check/profiles';
import { retryTimeline } from '../../../shared/receiver-check/retry-timeline';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import {
  receiverCheckRequestSchema,
  type ReceiverCheckCase,
  type ReceiverCheckRequest,
  type ReceiverCheckRun,
} from '../../../shared/schemas/receiver-check';
import { parseOrThrow } from '../../../shared/validation';
import { casesFor, type CaseContext } from './cases';
import { DeliveryFactory } from './deliveries';
import { CheckExchange } from './exchange';

/** Downtime the retry timeline assumes when the request names none: one hour. */
export const DEFAULT_DOWN_FOR_SECONDS = 3600;

/**
 * Runs a receiver check: pure engine code (no store, no HTTP server), so the API's background runs
 * and the CLI's in-process runs are the same code. Cases run one after another, as a sender's
 * deliveries would arrive, each bounded in time; a case that fails (or breaks) never stops the run.
 */
export interface RunOptions {
  nowMs?: () => number;
  /** Called with a fresh copy of the run after every change (a case finished, the run ended). */
  onUpdate?: (run: ReceiverCheckRun) => void;
  /** Aborting stops the run: requests in flight are cut and the run ends `failed`. */
  signal?: AbortSignal;
}

/** The request body, validated: the contract's 400 with `fields` when it does not fit, including a secret the profile cannot use. */
export function parseReceiverCheckRequest(input: unknown): ReceiverCheckRequest {
  const request = parseOrThrow(receiverCheckRequestSchema, input, 'receiver check');
  const profile = senderProfile(request.profile);
  const problem = profile.secretProblem(request.secret);
  if (problem) throw invalid('secret', problem);
  if (request.cases && casesFor(profile, request.cases).length === 0) {
    throw invalid('cases', `none of these cases applies to the ${request.profile} profile`);
  }
  return request;
}

function invalid(field: string, problem: string): HookdeskError {
  return new HookdeskError(400, ErrorCode.validationFailed, `The receiver check is invalid: ${field}: ${problem}. Fix the listed fields and send it again.`, {
    [field]: problem,
  });
}

/** How long past the timeout a request is still waited for, to tell a slow receiver from a silent one. */
export function cutAfterMs(timeoutMs: number): number {
  return timeoutMs + Math.min(5_000, Math.max(250, Math.round(timeoutMs / 2)));
}

/** How long a whole run may take before the cases not yet run are skipped (each case is bounded by the cut as well). */
export function runLimitMs(timeoutMs: number): number {
  return cutAfterMs(timeoutMs) * 16;
}

/** The run as it starts: every case the profile supports, pending. */
export function planRun(request: ReceiverCheckRequest, nowMs: number): ReceiverCheckRun {
  const profile = senderProfile(request.profile);
  const timeoutMs = request.timeoutMs ?? profile.timeoutMs;
  return {
    id: `rck_${nowMs.toString(36).padStart(9, '0')}${randomIdPart(12)}`,
    url: displayUrl(request.url),
    profile: request.profile,
    status: 'running',
    startedTime: new Date(nowMs).toISOString(),
    finishedTime: null,
    timeoutMs,
    profileTimeoutMs: profile.timeoutMs,
    timeoutSourceUrl: profile.timeoutSourceUrl,
    summary: { pass: 0, fail: 0, warning: 0 },
    cases: casesFor(profile, request.cases).map(
      (c): ReceiverCheckCase => ({
        id: c.id,
        name: c.name,
        expectation: c.expectation({ profile, timeoutMs }),
        verdict: 'pending',
        sent: null,
        received: null,
        error: null,
        durationMs: null,
        advice: null,
      }),
    ),
    retryTimeline: retryTimeline(request.profile, request.downForSeconds ?? DEFAULT_DOWN_FOR_SECONDS),
    error: null,
  };
}

/** Plans and runs a check; resolves with the finished run (never rejects for the receiver's sake). */
export async function runReceiverCheck(request: ReceiverCheckRequest, options: RunOptions = {}): Promise<ReceiverCheckRun> {
  const nowMs = options.nowMs ?? Date.now;
  return executeRun(planRun(request, nowMs()), request, options);
}

/** Runs the cases of a planned run, updating it in place and reporting each change. */
export async function executeRun(run: ReceiverCheckRun, request: ReceiverCheckRequest, options: RunOptions = {}): Promise<ReceiverCheckRun> {
  const nowMs = options.nowMs ?? Date.now;
  const profile = senderProfile(request.profile);
  const exchange = new CheckExchange();
  const stop = (): void => void exchange.destroy().catch(() => undefined);
  options.signal?.addEventListener('abort', stop, { once: true });
  const report = (): void => options.onUpdate?.(structuredClone(run));
  const ctx: CaseContext = {
    profile,
    factory: new DeliveryFactory(profile, request.url, request.secret, nowMs),
    exchange,
    cutMs: cutAfterMs(run.timeoutMs),
    grade: {
      sender: profile.label,
      timeoutMs: run.timeoutMs,
      dedupeKey: profile.dedupeKey,
      signatureHeader: profile.signatureHeaders.join(' / '),
    },
    nowMs,
  };
  const deadline = nowMs() + runLimitMs(run.timeoutMs);
  try {
    report();
    for (const check of casesFor(profile, request.cases)) {
      if (options.signal?.aborted) break;
      const slot = run.cases.find((c) => c.id === check.id);
      if (!slot) continue;
      if (nowMs() > deadline) {
        Object.assign(slot, {
          verdict: 'warning',
          advice: `Not run: the check's time limit (${runLimitMs(run.timeoutMs) / 1000} s) passed, because earlier cases waited for answers that did not come. Fix those first.`,
        });
        run.summary = summarize(run.cases);
        report();
        continue;
      }
      try {
        const result = await check.run(ctx);
        if (options.signal?.aborted) break;
        Object.assign(slot, result, { sent: { ...result.sent, url: run.url } });
      } catch (error) {
        // Hookdesk's own failure, not the receiver's: it must not read as a flaw in the receiver.
        Object.assign(slot, { verdict: 'warning', advice: `Hookdesk could not run this case: ${(error as Error).message ?? String(error)}` });
      }
      run.summary = summarize(run.cases);
      report();
    }
    if (options.signal?.aborted) {
      run.status = 'failed';
      run.error = 'The check was stopped before it finished (the engine is shutting down).';
    } else {
      run.status = 'done';
    }
  } catch (error) {
    run.status = 'failed';
    run.error = `The check could not finish: ${(error as Error).message ?? String(error)}`;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await exchange.close().catch(() => undefined);
  }
  run.finishedTime = new Date(nowMs()).toISOString();
  run.summary = summarize(run.cases);
  report();
  return run;
}

function summarize(cases: readonly ReceiverCheckCase[]): ReceiverCheckRun['summary'] {
  const summary = { pass: 0, fail: 0, warning: 0 };
  for (const c of cases) if (c.verdict !== 'pending') summary[c.verdict] += 1;
  return summary;
}

/** The URL as shown in runs: a password in it is masked (the request itself goes to the real URL). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
