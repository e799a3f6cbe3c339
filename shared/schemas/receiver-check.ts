import { z } from 'zod';
import { httpUrlSchema } from './webhook-url';

/**
 * Receiver check (issue #15): Hookdesk fires a battery of deliveries at a user's receiver, signed as a
 * real sender signs, and grades each answer. `POST /api/v1/receiver-checks` takes the request below and
 * answers 202 with the run; `GET /api/v1/receiver-checks/:id` and `GET /api/v1/receiver-checks` read runs.
 */

export const RECEIVER_CHECK_PROFILES = ['standard-webhooks', 'stripe', 'github', 'shopify', 'slack', 'hookdesk'] as const;
export type ReceiverCheckProfileName = (typeof RECEIVER_CHECK_PROFILES)[number];

/**
 * Every case of the battery, in the order they run. Not every profile runs every case: a scheme with
 * no signed timestamp has no `stale-timestamp` case, and only schemes that carry several signatures in
 * one header run `secret-rotation`.
 */
export const RECEIVER_CHECK_CASES = [
  'valid-delivery',
  'tampered-body',
  'wrong-secret',
  'missing-signature',
  'stale-timestamp',
  'duplicate-delivery',
  'duplicate-burst',
  'out-of-order',
  'concurrent-burst',
  'large-body',
  'unicode-and-big-numbers',
  'secret-rotation',
] as const;
export type ReceiverCheckCaseId = (typeof RECEIVER_CHECK_CASES)[number];

/** Longest receiver downtime the retry timeline is computed for: 30 days. */
export const MAX_DOWN_FOR_SECONDS = 30 * 24 * 3600;

/** `POST /api/v1/receiver-checks` body. */
export const receiverCheckRequestSchema = z
  .object({
    url: httpUrlSchema,
    profile: z.enum(RECEIVER_CHECK_PROFILES, {
      error: 'must be one of "standard-webhooks", "stripe", "github", "shopify", "slack", "hookdesk"',
    }),
    /** The receiver's signing secret (Standard Webhooks: `whsec_` + base64). Never stored in the run nor shown. */
    secret: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
    /** How long the receiver is imagined down, for the retry timeline (default 1 h). */
    downForSeconds: z
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, `must be 0..${MAX_DOWN_FOR_SECONDS}`)
      .max(MAX_DOWN_FOR_SECONDS, `must be 0..${MAX_DOWN_FOR_SECONDS}`)
      .optional(),
    /**
     * Overrides the profile's response timeout (ms). For tests and for receivers behind slow links;
     * the scorecard says when it differs from the real sender's.
     */
    timeoutMs: z.number({ error: 'must be a number of ms' }).int('must be whole ms').min(50, 'must be 50..60000').max(60_000, 'must be 50..60000').optional(),
    /** Runs only these cases (default: every case the profile supports). */
    cases: z.array(z.enum(RECEIVER_CHECK_CASES)).min(1, 'must name at least one case').max(RECEIVER_CHECK_CASES.length).optional(),
  })
  .strict();
export type ReceiverCheckRequest = z.infer<typeof receiverCheckRequestSchema>;

export const RECEIVER_CHECK_VERDICTS = ['pass', 'fail', 'warning', 'pending'] as const;
export type ReceiverCheckVerdict = (typeof RECEIVER_CHECK_VERDICTS)[number];

/** One request as sent. Signature headers are shown (they prove nothing without the secret); the secret never is. */
export const receiverCheckSentSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The first 2 KiB of the body as text (`…` appended when cut). */
  bodyPreview: z.string(),
  bytes: z.number().int().nonnegative(),
  /** How many identical or similar requests this case sent (bursts); 1 when absent. */
  count: z.number().int().positive().optional(),
});
export type ReceiverCheckSent = z.infer<typeof receiverCheckSentSchema>;

/** What came back to the (first or worst) request of the case. Bodies capped. */
export const receiverCheckReceivedSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  bodyPreview: z.string(),
});
export type ReceiverCheckReceived = z.infer<typeof receiverCheckReceivedSchema>;

export const receiverCheckCaseSchema = z.object({
  id: z.enum(RECEIVER_CHECK_CASES),
  name: z.string(),
  /** What a correct receiver does, e.g. "answers 4xx, never 2xx". */
  expectation: z.string(),
  verdict: z.enum(RECEIVER_CHECK_VERDICTS),
  sent: receiverCheckSentSchema.nullable(),
  received: receiverCheckReceivedSchema.nullable(),
  /** Transport failure (timeout, connection reset, ...), or null. */
  error: z.string().nullable(),
  durationMs: z.number().nonnegative().nullable(),
  /** What was observed and, for a fail or warning, what to change in the receiver. Null while pending. */
  advice: z.string().nullable(),
});
export type ReceiverCheckCase = z.infer<typeof receiverCheckCaseSchema>;

export const RETRY_ATTEMPT_OUTCOMES = ['failed', 'succeeded'] as const;

export const retryTimelineAttemptSchema = z.object({
  /** 1-based; attempt 1 is the first delivery. */
  attempt: z.number().int().positive(),
  /** Seconds after the first attempt. */
  atSeconds: z.number().nonnegative(),
  outcome: z.enum(RETRY_ATTEMPT_OUTCOMES),
});
export type RetryTimelineAttempt = z.infer<typeof retryTimelineAttemptSchema>;

/**
 * What the real sender would do with one event if the receiver were down for `downForSeconds` from the
 * first attempt on: computed from the sender's published schedule, never waited for.
 */
export const retryTimelineSchema = z.object({
  profile: z.enum(RECEIVER_CHECK_PROFILES),
  downForSeconds: z.number().int().nonnegative(),
  attempts: z.array(retryTimelineAttemptSchema),
  /** `delivered`: an attempt got through; `gave-up`: the sender stops retrying this event; `disabled`: it also switches the endpoint off. */
  outcome: z.enum(['delivered', 'gave-up', 'disabled']),
  deliveredAtSeconds: z.number().nonnegative().nullable(),
  /** When the last attempt failed and the sender gave up on the event (null when delivered). */
  gaveUpAtSeconds: z.number().nonnegative().nullable(),
  /** When the sender disables the endpoint or subscription (null when it does not within the schedule). */
  disabledAtSeconds: z.number().nonnegative().nullable(),
  /** One or two sentences on what happens, in the sender's terms. */
  summary: z.string(),
  /** True when the sender publishes only a summary ("8 times over 4 hours") and the times between attempts are estimated. */
  approximate: z.boolean(),
  /** Where the schedule and the give-up rule are documented. */
  sourceUrl: z.string(),
});
export type RetryTimeline = z.infer<typeof retryTimelineSchema>;

export const RECEIVER_CHECK_STATUSES = ['running', 'done', 'failed'] as const;
export type ReceiverCheckStatus = (typeof RECEIVER_CHECK_STATUSES)[number];

export const receiverCheckRunSchema = z.object({
  id: z.string(),
  url: z.string(),
  profile: z.enum(RECEIVER_CHECK_PROFILES),
  /** `failed`: the run itself broke (not a case; a case failing leaves the run `done`). */
  status: z.enum(RECEIVER_CHECK_STATUSES),
  startedTime: z.string(),
  finishedTime: z.string().nullable(),
  /** The response timeout the cases were graded against (the profile's unless overridden). */
  timeoutMs: z.number().int().positive(),
  /** The sender's own timeout and where it is documented, for the scorecard's header. */
  profileTimeoutMs: z.number().int().positive(),
  timeoutSourceUrl: z.string(),
  summary: z.object({
    pass: z.number().int().nonnegative(),
    fail: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
  }),
  cases: z.array(receiverCheckCaseSchema),
  retryTimeline: retryTimelineSchema,
  /** Why the run failed as a whole (status `failed`), else null. */
  error: z.string().nullable(),
});
export type ReceiverCheckRun = z.infer<typeof receiverCheckRunSchema>;

/** Runs kept (in memory and in the data dir): the newest 20. */
export const RECEIVER_CHECK_HISTORY_LIMIT = 20;

/** `GET /api/v1/receiver-checks?page=&pageSize=`: the kept runs, newest first, paged as every list. */
export const receiverCheckListSchema = z.object({
  page: z.number().int().positive(),
  pageAmount: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  items: z.array(receiverCheckRunSchema),
});
export type ReceiverCheckList = z.infer<typeof receiverCheckListSchema>;

/** The SSE event broadcast on every change of a run (its data: the run). */
export const RECEIVER_CHECK_SSE_EVENT = 'receiver-check.updated';
