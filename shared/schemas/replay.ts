import { z } from 'zod';
import { invocationSchema } from './delivery';
import { relayFidelitySchema } from './fidelity';
import { headersRecordSchema } from './http-header';

/** Relay replay (API.md, Relay: `POST /events/:id/replay`). */

export const REPLAY_TARGETS = ['forward', 'webhook', 'url'] as const;
export type ReplayTargetKind = (typeof REPLAY_TARGETS)[number];

/** `POST /events/:id/replay` body. `body`/`headers` given: the event is sent edited. */
export const replayRequestSchema = z
  .object({
    target: z.enum(REPLAY_TARGETS),
    webhookId: z.string().min(1).optional(),
    url: z.string().max(2048).pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' })).optional(),
    body: z.string().max(10 * 1024 * 1024).optional(),
    headers: headersRecordSchema.optional(),
  })
  .strict()
  .refine((r) => r.target !== 'webhook' || r.webhookId !== undefined, { message: 'is required for target "webhook"', path: ['webhookId'] })
  .refine((r) => r.target !== 'url' || r.url !== undefined, { message: 'is required for target "url"', path: ['url'] });
export type ReplayRequest = z.infer<typeof replayRequestSchema>;

/** `POST /events/:id/replay` answers an invocation plus the earlier answer from the same target, when there is one. */
export const replayInvocationSchema = invocationSchema.extend({
  previous: invocationSchema.nullable().optional(),
  /** What this replay sent against what the connector received (absent when the sent body is not known whole). */
  fidelity: relayFidelitySchema.optional(),
});
export type ReplayInvocation = z.infer<typeof replayInvocationSchema>;

/** One replay as kept on the event (bodies capped, credentials masked like delivery records). */
export const replayRecordSchema = invocationSchema.extend({
  time: z.string(),
  target: z.enum(REPLAY_TARGETS),
  webhookId: z.string().optional(),
  edited: z.boolean(),
  /** What was sent against what was received; absent on records from older versions. */
  fidelity: relayFidelitySchema.optional(),
});
export type ReplayRecord = z.infer<typeof replayRecordSchema>;

/** `GET /connectors/:id/schemas` items: the JSON Schema inferred for one event type on one connector. */
export const inferredSchemaSchema = z.object({
  type: z.string(),
  eventCount: z.number().int().nonnegative(),
  firstSeenTime: z.string(),
  lastSeenTime: z.string(),
  /** A JSON Schema (draft 2020-12) that every body seen so far satisfies. */
  schema: z.record(z.string(), z.unknown()),
});
export type InferredSchema = z.infer<typeof inferredSchemaSchema>;
