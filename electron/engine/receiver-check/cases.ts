import type { SenderProfile } from '../../../shared/receiver-check/profiles';
import type { ReceiverCheckCaseId, ReceiverCheckReceived, ReceiverCheckSent } from '../../../shared/schemas/receiver-check';
import { appendField, LARGE_BODY_BYTES, padTo, STALE_AGE_SECONDS, UNICODE_AND_BIG_NUMBERS, type Delivery, type DeliveryFactory } from './deliveries';
import type { CheckExchange, Observed, OutgoingRequest } from './exchange';
import { gradeAccepted, gradeBurst, gradeRefused, gradeRepeats, type Grade, type GradeContext } from './graders';

/** Copies of one delivery sent at once in the duplicate-burst case. */
export const DUPLICATE_BURST = 5;
/** Different deliveries sent at once in the concurrent-burst case. */
export const CONCURRENT_BURST = 20;
/** Characters of a body shown in the scorecard. */
export const PREVIEW_CHARS = 2048;

/** What one case needs: how to build deliveries, how to send them, and what to grade against. */
export interface CaseContext {
  profile: SenderProfile;
  factory: DeliveryFactory;
  exchange: CheckExchange;
  /** Where a request is cut if no answer came (the timeout plus a margin to tell "slow" from "silent"). */
  cutMs: number;
  grade: GradeContext;
  nowMs: () => number;
}

export interface CaseOutcome extends Grade {
  sent: ReceiverCheckSent;
  received: ReceiverCheckReceived | null;
  error: string | null;
  durationMs: number;
}

export interface CheckCase {
  id: ReceiverCheckCaseId;
  name: string;
  expectation(ctx: { profile: SenderProfile; timeoutMs: number }): string;
  applies(profile: SenderProfile): boolean;
  run(ctx: CaseContext): Promise<CaseOutcome>;
}

const decoder = new TextDecoder();

function preview(bytes: Uint8Array | string): string {
  const text = typeof bytes === 'string' ? bytes : decoder.decode(bytes.subarray(0, PREVIEW_CHARS * 4));
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

export function sentOf(request: OutgoingRequest, count = 1): ReceiverCheckSent {
  return {
    method: request.method,
    url: request.url,
    headers: { ...request.headers },
    bodyPreview: preview(request.body),
    bytes: request.body.length,
    ...(count > 1 ? { count } : {}),
  };
}

export function receivedOf(o: Observed): ReceiverCheckReceived | null {
  return o.status === null ? null : { status: o.status, headers: o.headers, bodyPreview: preview(o.body) };
}

function outcome(request: OutgoingRequest, shown: Observed, grade: Grade, durationMs = shown.durationMs, count = 1): CaseOutcome {
  return { ...grade, sent: sentOf(request, count), received: receivedOf(shown), error: shown.error, durationMs };
}

/** The answer a burst is shown by: the first that was not a 2xx, else the slowest. */
function worstOf(answers: readonly Observed[]): Observed {
  const refused = answers.find((o) => o.status === null || o.status < 200 || o.status >= 300);
  if (refused) return refused;
  return answers.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
}

async function sendOne(ctx: CaseContext, delivery: Delivery): Promise<Observed> {
  return ctx.exchange.send(delivery.request, ctx.cutMs);
}

function sendAll(ctx: CaseContext, requests: readonly OutgoingRequest[]): Promise<Observed[]> {
  return Promise.all(requests.map((r) => ctx.exchange.send(r, ctx.cutMs)));
}

function validRefusedAdvice(ctx: CaseContext): string {
  return (
    `A delivery signed exactly as ${ctx.grade.sender} signs it was refused. Check that the receiver uses this endpoint's secret, ` +
    `reads the signature from ${ctx.grade.signatureHeader}, and verifies the raw body bytes before any JSON parsing.`
  );
}

/** How each scheme's receivers usually get the replay window for free. */
const REPLAY_HINTS: Partial<Record<SenderProfile['name'], string>> = {
  'standard-webhooks': 'the standardwebhooks (or svix) library\'s verify does this',
  stripe: 'stripe.webhooks.constructEvent does this with its default tolerance; never pass 0',
  slack: 'compare X-Slack-Request-Timestamp with your clock before checking the signature, as Slack\'s guide says',
};

const refuse = (
  id: ReceiverCheckCaseId,
  name: string,
  options: { applies?: (p: SenderProfile) => boolean; build: (ctx: CaseContext) => Delivery; accepted: (ctx: CaseContext) => string },
): CheckCase => ({
  id,
  name,
  expectation: () => '4xx (401 or 400), never 2xx',
  applies: options.applies ?? (() => true),
  async run(ctx) {
    const delivery = options.build(ctx);
    const answer = await sendOne(ctx, delivery);
    return outcome(delivery.request, answer, gradeRefused(answer, ctx.grade, options.accepted(ctx)));
  },
});

const accept = (
  id: ReceiverCheckCaseId,
  name: string,
  options: {
    applies?: (p: SenderProfile) => boolean;
    expectation?: (c: { profile: SenderProfile; timeoutMs: number }) => string;
    build: (ctx: CaseContext) => Delivery;
    refused: (ctx: CaseContext) => string;
    dropped?: (ctx: CaseContext) => string;
  },
): CheckCase => ({
  id,
  name,
  expectation: options.expectation ?? (({ timeoutMs }) => `2xx within ${timeoutMs / 1000} s`),
  applies: options.applies ?? (() => true),
  async run(ctx) {
    const delivery = options.build(ctx);
    const answer = await sendOne(ctx, delivery);
    return outcome(delivery.request, answer, gradeAccepted(answer, ctx.grade, options.refused(ctx), options.dropped?.(ctx) ?? null));
  },
});

/** The battery, in the order it runs. A case that does not apply to a profile is left out of its scorecard. */
export const CHECK_CASES: readonly CheckCase[] = [
  accept('valid-delivery', 'Valid signed delivery', {
    build: (ctx) => ctx.factory.build(),
    refused: validRefusedAdvice,
  }),
  refuse('tampered-body', 'Tampered body', {
    build: (ctx) => ctx.factory.build({ tamper: true }),
    accepted: (ctx) =>
      `It accepted a body whose signature did not match (the body was changed after it was signed): verify the ${ctx.grade.signatureHeader} ` +
      'signature over the raw bytes before parsing, and answer 401 when it does not match.',
  }),
  refuse('wrong-secret', 'Signed with another secret', {
    build: (ctx) => ctx.factory.build({ secrets: [ctx.profile.otherSecret()] }),
    accepted: (ctx) =>
      `It accepted a delivery signed with a different secret: it does not verify signatures, or verifies against the wrong secret. ` +
      `Verify ${ctx.grade.signatureHeader} with this endpoint's secret and answer 401 when it does not match.`,
  }),
  refuse('missing-signature', 'No signature header', {
    build: (ctx) => ctx.factory.build({ omitSignature: true }),
    accepted: (ctx) =>
      `It accepted a delivery without the ${ctx.grade.signatureHeader} header: anyone who knows the URL can post events to it. ` +
      'Refuse a request with no signature (401) before doing anything with it.',
  }),
  refuse('stale-timestamp', 'Replayed delivery (timestamp 1 h old)', {
    applies: (p) => p.toleranceSeconds !== null,
    build: (ctx) => ctx.factory.build({ timestampSeconds: Math.floor(ctx.nowMs() / 1000) - STALE_AGE_SECONDS }),
    accepted: (ctx) =>
      `It accepted a correctly signed delivery whose signed timestamp is ${STALE_AGE_SECONDS / 60} min old: anyone who captured one request can replay it. ` +
      `Refuse timestamps more than ${ctx.profile.toleranceSeconds ?? 300} s from your clock${REPLAY_HINTS[ctx.profile.name] ? ` (${REPLAY_HINTS[ctx.profile.name]})` : ''}.`,
  }),
  {
    id: 'duplicate-delivery',
    name: 'Same delivery twice',
    expectation: () => '2xx both times, with the same answer',
    applies: () => true,
    async run(ctx) {
      const delivery = ctx.factory.build();
      const first = await sendOne(ctx, delivery);
      const second = first.status === null ? first : await sendOne(ctx, delivery);
      const answers = first === second ? [first] : [first, second];
      const grade = gradeRepeats(answers, ctx.grade, validRefusedAdvice(ctx));
      const shown = second.status !== first.status ? second : first;
      return outcome(delivery.request, shown, grade, first.durationMs + (first === second ? 0 : second.durationMs), answers.length);
    },
  },
  {
    id: 'duplicate-burst',
    name: `Burst of ${DUPLICATE_BURST} duplicates`,
    expectation: () => `2xx for all ${DUPLICATE_BURST} copies sent at once, with the same answer`,
    applies: () => true,
    async run(ctx) {
      const delivery = ctx.factory.build();
      const answers = await sendAll(ctx, Array.from({ length: DUPLICATE_BURST }, () => delivery.request));
      // Order by arrival of the answer: the first accepted copy is the reference.
      const ordered = [...answers].sort((a, b) => a.durationMs - b.durationMs);
      const accepted = ordered.find((o) => o.status !== null && o.status >= 200 && o.status < 300);
      const reference = accepted ? [accepted, ...ordered.filter((o) => o !== accepted)] : ordered;
      const grade = gradeRepeats(reference, ctx.grade, validRefusedAdvice(ctx));
      return outcome(delivery.request, worstOf(answers), grade, Math.max(...answers.map((o) => o.durationMs)), DUPLICATE_BURST);
    },
  },
  {
    id: 'out-of-order',
    name: 'Out-of-order delivery',
    expectation: () => '2xx for both, the older event (sent second) too',
    applies: () => true,
    async run(ctx) {
      const now = Math.floor(ctx.nowMs() / 1000);
      const newer = ctx.factory.build({ sequence: 2, createdSeconds: now });
      const older = ctx.factory.build({ sequence: 1, createdSeconds: now - 60 });
      const first = await sendOne(ctx, newer);
      const firstGrade = gradeAccepted(first, ctx.grade, validRefusedAdvice(ctx));
      if (firstGrade.verdict === 'fail') return outcome(newer.request, first, firstGrade);
      const second = await sendOne(ctx, older);
      const grade = gradeAccepted(
        second,
        ctx.grade,
        'This event is older than the one delivered just before it. Senders do not guarantee order: accept it (2xx) and let the event\'s own time ' +
          'decide which state wins, or fetch the current state from the sender\'s API.',
      );
      const worse = grade.verdict === 'pass' && firstGrade.verdict === 'warning' ? firstGrade : grade;
      return outcome(older.request, second, worse, first.durationMs + second.durationMs, 2);
    },
  },
  {
    id: 'concurrent-burst',
    name: `Concurrent burst of ${CONCURRENT_BURST}`,
    expectation: ({ timeoutMs }) => `2xx for all ${CONCURRENT_BURST}, p99 under ${timeoutMs / 1000} s`,
    applies: () => true,
    async run(ctx) {
      const deliveries = Array.from({ length: CONCURRENT_BURST }, (_, i) => ctx.factory.build({ sequence: i + 1 }));
      const answers = await sendAll(ctx, deliveries.map((d) => d.request));
      const grade = gradeBurst(answers, ctx.grade, validRefusedAdvice(ctx));
      const shown = worstOf(answers);
      const request = (deliveries[answers.indexOf(shown)] ?? deliveries[0])?.request as OutgoingRequest;
      return outcome(request, shown, grade, Math.max(...answers.map((o) => o.durationMs)), CONCURRENT_BURST);
    },
  },
  accept('large-body', `Large body (${LARGE_BODY_BYTES / 1024} KiB)`, {
    expectation: () => `2xx for a ${LARGE_BODY_BYTES / 1024} KiB body`,
    build: (ctx) => ctx.factory.build({ rewriteBody: padTo(LARGE_BODY_BYTES) }),
    refused: (ctx) =>
      `${ctx.grade.sender} sends bodies this large. Raise the body size limit of the receiver and of any proxy in front of it ` +
      '(express.json() and express.raw() refuse more than 100 kB by default; nginx\'s client_max_body_size is 1 MB).',
    dropped: () =>
      `The receiver dropped the connection while a ${LARGE_BODY_BYTES / 1024} KiB body arrived: it probably crashed or ran into a limit. ` +
      'Raise its body size limit (express.json() and express.raw() default to 100 kB), and let it answer 413 rather than crash when it must refuse.',
  }),
  accept('unicode-and-big-numbers', 'Unicode and big numbers', {
    expectation: () => '2xx: the signature is checked over the raw bytes',
    build: (ctx) => ctx.factory.build({ rewriteBody: (json) => appendField(json, UNICODE_AND_BIG_NUMBERS) }),
    refused: () =>
      'The body held non-ASCII text, JSON escapes and numbers past double precision. A receiver that parses the JSON and serializes it again before ' +
      'verifying changes those bytes, so the signature no longer matches: verify over the raw body exactly as received (a Buffer, express.raw()), then parse.',
    dropped: () => 'The receiver dropped the connection on this body: its JSON parsing probably threw on the text or the numbers. Parse after verifying, and catch parse errors.',
  }),
  accept('secret-rotation', 'Two signatures (secret rotation)', {
    applies: (p) => p.supportsRotation,
    expectation: () => '2xx: one of the two signatures matches',
    build: (ctx) => ctx.factory.build({ secrets: [ctx.profile.otherSecret(), secretOf(ctx)] }),
    refused: (ctx) =>
      `${ctx.grade.signatureHeader} carried two signatures, one made with another secret and one with yours, as during a secret rotation. ` +
      'Check every signature in the header and accept when any one matches (the official libraries do).',
  }),
];

/** The receiver's secret, as the factory signs with it by default. */
function secretOf(ctx: CaseContext): string {
  return ctx.factory.secret;
}

export function casesFor(profile: SenderProfile, only?: readonly ReceiverCheckCaseId[]): CheckCase[] {
  return CHECK_CASES.filter((c) => c.applies(profile) && (only === undefined || only.includes(c.id)));
}
