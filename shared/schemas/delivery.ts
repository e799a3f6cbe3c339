import { z } from 'zod';
import { expectedValueSchema } from './webhook';

/** Invocations and deliveries (API.md: `POST /webhooks/:id/test`, deliveries, replay). */

/**
 * How a recorded body's bytes are held (shared/body-bytes.ts): `encoding: "base64"` when they are not
 * valid UTF-8 (absent: the body is the text), `truncated` when only the first 64 KiB were kept.
 */
export const recordedBodyFields = {
  encoding: z.enum(['utf8', 'base64']).optional(),
  truncated: z.boolean().optional(),
};

export const invocationRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The body as sent (text, or base64 when `encoding` says so), or null for GET / no body. */
  body: z.string().nullable(),
  ...recordedBodyFields,
});
export type InvocationRequest = z.infer<typeof invocationRequestSchema>;

export const invocationResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  /** The body as received (text, or base64 when `encoding` says so). */
  body: z.string(),
  ...recordedBodyFields,
});
export type InvocationResponse = z.infer<typeof invocationResponseSchema>;

export const validatorResultSchema = z.object({
  path: z.string(),
  expected: z.array(expectedValueSchema),
  actual: z.unknown(),
  ok: z.boolean(),
});
export type ValidatorResult = z.infer<typeof validatorResultSchema>;

/** Where a body template or the JSON it rendered broke (1-based line and column). */
export const bodyErrorSchema = z.object({
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  /** `template`: the template does not parse; `body`: the rendered body is not valid JSON. */
  source: z.enum(['template', 'body']),
});
export type BodyError = z.infer<typeof bodyErrorSchema>;

/** One request sent and what came back, "whatever the target answered". */
export const invocationSchema = z.object({
  ok: z.boolean(),
  request: invocationRequestSchema,
  response: invocationResponseSchema.nullable(),
  error: z.string().nullable(),
  durationMs: z.number().nonnegative(),
  validators: z.array(validatorResultSchema),
  /** Set when the body could not be rendered: nothing was sent. */
  bodyError: bodyErrorSchema.nullable().optional(),
  /**
   * A test only: the stored event whose body the test borrowed (null: a built-in sample or a given
   * entity). The test itself goes out under its own fresh id, never this one.
   */
  sampleEventId: z.string().nullable().optional(),
});
export type Invocation = z.infer<typeof invocationSchema>;

export const DELIVERY_TRIGGERS = ['scheduled', 'manual', 'replay', 'test'] as const;
export const deliveryTriggerSchema = z.enum(DELIVERY_TRIGGERS);
export type DeliveryTrigger = z.infer<typeof deliveryTriggerSchema>;

/** pending: waiting to be sent (or to be retried); held: kept while the webhook is FAILED; skipped: webhook disabled. */
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'held', 'skipped'] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** One HTTP attempt of a delivery: the request as sent, the response as received (bodies capped, secrets masked). */
export const deliveryAttemptSchema = invocationSchema.extend({
  attempt: z.number().int().min(1),
  time: z.string(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/**
 * One event sent (or to be sent) to one webhook. The top-level request/response fields are those of
 * its latest attempt; `attempts` (every attempt, oldest first) comes with `GET /deliveries/:id`.
 */
export const deliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  /** Attempts made so far (0 while held or not yet sent). */
  attempt: z.number().int().min(0),
  trigger: deliveryTriggerSchema,
  status: deliveryStatusSchema,
  createdTime: z.string(),
  /** When the request went out; null until it has. */
  sentTime: z.string().nullable(),
  /** For a failed attempt that will be retried: when the next attempt is due. */
  nextAttemptTime: z.string().nullable(),
  /** For redeliveries: the delivery this one repeats. */
  redeliveryOf: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().nonnegative().nullable(),
  error: z.string().nullable(),
  request: invocationRequestSchema.nullable(),
  response: invocationResponseSchema.nullable(),
  validators: z.array(validatorResultSchema),
  updatedTime: z.string().optional(),
  /** Why it was held or skipped, in words. */
  note: z.string().nullable().optional(),
  attempts: z.array(deliveryAttemptSchema).optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * `GET /webhooks/:id/deliveries` filters, all of which must hold: `status`, `code` (the response
 * status: `404`, a class `5xx`, or `none` for no answer) and `eventType` (a glob or a prefix, as
 * for events).
 */
export const deliveryListQuerySchema = z.object({
  status: deliveryStatusSchema.optional(),
  code: z
    .string()
    .regex(/^([1-5][0-9][0-9]|[1-5]xx|none)$/i, 'must be a status code (404), a class (5xx) or none')
    .optional(),
  eventType: z.string().min(1).max(200, 'must be at most 200 characters').optional(),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;

/** True when a delivery's response status fits a `code` filter. */
export function codeMatches(code: string, responseStatus: number | null): boolean {
  const c = code.toLowerCase();
  if (c === 'none') return responseStatus === null;
  if (responseStatus === null) return false;
  if (c.endsWith('xx')) return Math.floor(responseStatus / 100) === Number(c[0]);
  return responseStatus === Number(c);
}

/** `GET /webhooks/:id/stats?range=24h|7d`. */
export const webhookStatsSchema = z.object({
  range: z.enum(['24h', '7d']),
  buckets: z.array(z.object({ start: z.string(), succeeded: z.number().int(), failed: z.number().int() })),
});
export type WebhookStats = z.infer<typeof webhookStatsSchema>;

/**
 * `POST /webhooks/:id/test` body: an event to send, or none for a mock of the chosen type; and
 * `webhook`, the unsaved settings to send it with (on `/webhooks/:id/test` any subset of the fields,
 * merged over the saved webhook as a PATCH would be; on `POST /webhooks/test` a whole create body).
 */
export const webhookTestRequestSchema = z
  .object({
    webhook: z.record(z.string(), z.unknown()).optional(),
    event: z
      .object({
        type: z.string().trim().min(1).max(200),
        version: z.string().max(50).optional(),
        severity: z.string().max(50).optional(),
        entity: z.unknown().optional(),
        /** The stored event `entity` was taken from (the editor's sample), named back in the answer; never sent as the id. */
        sampleEventId: z.string().max(200).optional(),
      })
      .loose()
      .optional(),
  })
  .strict();
export type WebhookTestRequest = z.infer<typeof webhookTestRequestSchema>;
