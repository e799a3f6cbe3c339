import type { ReceiverCheckVerdict } from '../../../shared/schemas/receiver-check';
import type { Observed } from './exchange';

/**
 * The graders: each turns what the receiver answered into a verdict and a sentence an integrator can
 * act on. Pure; the cases (cases.ts) decide what was sent and call the grader that fits.
 */
export interface Grade {
  verdict: Exclude<ReceiverCheckVerdict, 'pending'>;
  advice: string;
}

/** What a grader knows about the sender being imitated. */
export interface GradeContext {
  /** "Stripe", "GitHub", ... */
  sender: string;
  /** The response timeout graded against, in ms. */
  timeoutMs: number;
  /** What the receiver should deduplicate on ("the webhook-id header"). */
  dedupeKey: string;
  /** The header(s) holding the signature, for wording. */
  signatureHeader: string;
}

/** An answer this close to the timeout passes with a warning: a slower day fails it. */
export const NEAR_TIMEOUT_SHARE = 0.8;

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number(s.toFixed(s < 1 ? 2 : 1))} s`;
}

function is2xx(o: Observed): boolean {
  return o.status !== null && o.status >= 200 && o.status < 300;
}

function is3xx(o: Observed): boolean {
  return o.status !== null && o.status >= 300 && o.status < 400;
}

function redirect(o: Observed, ctx: GradeContext): Grade {
  const location = o.headers.location ?? o.headers.Location;
  return {
    verdict: 'warning',
    advice:
      `Your receiver answered ${o.status}${location ? ` to ${location}` : ''}. Hookdesk does not follow redirects and neither do webhook senders: ` +
      `${ctx.sender} counts a 3xx as a failed delivery. Register the final URL (https, trailing slash and host as the server wants them).`,
  };
}

/** No answer at all: the words depend on why. */
function noAnswer(o: Observed, ctx: GradeContext, acceptAdvice: string | null): Grade {
  if (o.errorKind === 'timeout') {
    return {
      verdict: 'fail',
      advice:
        `${o.error ?? 'No answer.'} ${ctx.sender} waits ${seconds(ctx.timeoutMs)}, then counts the delivery as failed and sends it again, so a slow receiver ` +
        'does the work twice and still looks down. Answer 2xx as soon as the signature is verified and the event is stored, and do the work afterwards (a queue or a background job).',
    };
  }
  if (o.errorKind === 'reset') {
    return {
      verdict: 'fail',
      advice: `${o.error ?? ''} ${acceptAdvice ?? 'The receiver dropped the connection instead of answering: look for a crash in its logs at this time.'}`.trim(),
    };
  }
  return { verdict: 'fail', advice: `${o.error ?? 'No answer.'} Check that the receiver is running and that the URL is the one it listens on.` };
}

/**
 * For a delivery a real sender could send (validly signed): a 2xx within the sender's timeout passes,
 * near the timeout warns, later fails; any other answer fails with `refusedAdvice` (why a correct
 * receiver would accept this delivery).
 */
export function gradeAccepted(o: Observed, ctx: GradeContext, refusedAdvice: string, droppedAdvice: string | null = null): Grade {
  if (o.status === null) return noAnswer(o, ctx, droppedAdvice);
  if (is3xx(o)) return redirect(o, ctx);
  if (!is2xx(o)) {
    if (o.status >= 500) {
      return {
        verdict: 'fail',
        advice: `Your receiver answered ${o.status} to a valid delivery: ${ctx.sender} will retry it as failed. ${refusedAdvice} If it crashed, its logs at this time say why.`,
      };
    }
    return { verdict: 'fail', advice: `Your receiver answered ${o.status} to a valid delivery. ${refusedAdvice}` };
  }
  if (o.durationMs > ctx.timeoutMs) {
    return {
      verdict: 'fail',
      advice:
        `Your receiver answered ${o.status}, but after ${seconds(o.durationMs)}: ${ctx.sender} gives up at ${seconds(ctx.timeoutMs)} and sends the delivery again. ` +
        'Answer 2xx as soon as the signature is verified and the event is stored, and do the work afterwards (a queue or a background job).',
    };
  }
  if (o.durationMs > ctx.timeoutMs * NEAR_TIMEOUT_SHARE) {
    return {
      verdict: 'warning',
      advice: `Accepted (${o.status}) after ${seconds(o.durationMs)}, close to ${ctx.sender}'s ${seconds(ctx.timeoutMs)} timeout: a busier moment will make it fail. Move slow work after the answer.`,
    };
  }
  return { verdict: 'pass', advice: `Accepted (${o.status}) in ${o.durationMs} ms.` };
}

/**
 * For a delivery no real sender sends (forged, tampered, replayed): a 4xx passes; a 2xx fails with
 * `acceptedAdvice` (what the receiver must check); a 5xx or no answer warns (refused, but as a crash
 * that the sender would retry for days).
 */
export function gradeRefused(o: Observed, ctx: GradeContext, acceptedAdvice: string): Grade {
  if (o.status === null) {
    return {
      verdict: 'warning',
      advice: `${o.error ?? 'No answer.'} The delivery was not accepted, but a forged request should be refused at once with 401 (or 400), not left without an answer.`,
    };
  }
  if (is3xx(o)) return redirect(o, ctx);
  if (is2xx(o)) return { verdict: 'fail', advice: `Your receiver answered ${o.status}. ${acceptedAdvice}` };
  if (o.status >= 500) {
    return {
      verdict: 'warning',
      advice:
        `Refused, but with ${o.status}: a 5xx reads as a crash in your monitoring, and a sender retries it. ` +
        'Answer 401 (or 400) when verification fails, before any other work.',
    };
  }
  return { verdict: 'pass', advice: `Refused with ${o.status}.` };
}

/**
 * The same delivery sent more than once (retries, at-least-once delivery): the first must be accepted,
 * and every repeat answered with the same 2xx. A different 2xx body only warns.
 */
export function gradeRepeats(answers: readonly Observed[], ctx: GradeContext, refusedAdvice: string): Grade {
  const first = answers[0];
  if (!first) return { verdict: 'fail', advice: 'Nothing was sent.' };
  const firstGrade = gradeAccepted(first, ctx, refusedAdvice);
  if (firstGrade.verdict === 'fail' || is3xx(first)) return firstGrade;
  const repeats = answers.slice(1);
  const failedRepeat = repeats.find((o) => o.status !== first.status || !is2xx(o));
  if (failedRepeat) {
    const answered = failedRepeat.status === null ? `no answer (${failedRepeat.error ?? 'error'})` : String(failedRepeat.status);
    return {
      verdict: 'fail',
      advice:
        `Your receiver answered ${first.status} to the first copy and ${answered} to the same delivery sent again. Senders deliver at least once and ` +
        `retry on any non-2xx, so repeats are normal: treat a repeat of ${ctx.dedupeKey} as success (answer ${first.status}) and skip the work, ` +
        'with a unique constraint on that key rather than a check-then-insert.',
    };
  }
  const slow = repeats.map((o) => gradeAccepted(o, ctx, refusedAdvice)).find((g) => g.verdict !== 'pass');
  if (slow) return slow;
  if (repeats.some((o) => o.body !== first.body)) {
    return {
      verdict: 'warning',
      advice: `Every copy was accepted with ${first.status}, but the answer body changed between copies. Fine if only informative; a sender never reads it, so nothing should depend on it.`,
    };
  }
  if (firstGrade.verdict === 'warning') return firstGrade;
  return { verdict: 'pass', advice: `All ${answers.length} copies answered ${first.status}, with the same body.` };
}

/**
 * Many different deliveries at once: all must be accepted, and the 99th percentile of answer times
 * must stay under the sender's timeout.
 */
export function gradeBurst(answers: readonly Observed[], ctx: GradeContext, refusedAdvice: string): Grade {
  const refused = answers.filter((o) => !is2xx(o));
  const p99 = percentile(answers.map((o) => o.durationMs), 0.99);
  if (refused.length > 0) {
    const worst = refused[0] as Observed;
    const grade = gradeAccepted(worst, ctx, refusedAdvice);
    const what = worst.status === null ? (worst.errorKind === 'timeout' ? 'timed out' : 'got no answer') : `were answered ${worst.status}`;
    return {
      verdict: grade.verdict === 'warning' ? 'warning' : 'fail',
      advice: `${refused.length} of ${answers.length} concurrent deliveries ${what} (p99 ${p99} ms). ${grade.advice} Senders send in parallel after an outage: size the receiver (or its queue) for bursts.`,
    };
  }
  if (p99 > ctx.timeoutMs) {
    return {
      verdict: 'fail',
      advice: `All ${answers.length} were accepted, but the slowest took ${seconds(p99)} (p99), past ${ctx.sender}'s ${seconds(ctx.timeoutMs)}: under a burst those deliveries count as failed and come back. Answer first, work later.`,
    };
  }
  if (p99 > ctx.timeoutMs * NEAR_TIMEOUT_SHARE) {
    return { verdict: 'warning', advice: `All ${answers.length} accepted, but p99 ${p99} ms is close to the ${seconds(ctx.timeoutMs)} timeout.` };
  }
  return { verdict: 'pass', advice: `All ${answers.length} concurrent deliveries accepted; p99 ${p99} ms.` };
}

/** Nearest-rank percentile of whole milliseconds (0 for no samples). */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(share * sorted.length)));
  return sorted[rank - 1] as number;
}
