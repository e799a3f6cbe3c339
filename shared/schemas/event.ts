import { z } from 'zod';
import { EVENT_STATUS_FILTERS, MAX_SEARCH_LENGTH } from '../matching/event-search';
import { invocationResponseSchema } from './delivery';
import { relayFidelitySchema } from './fidelity';
import { replayRecordSchema } from './replay';

/** Where an event came from. */
export const eventSourceSchema = z.enum(['push', 'capture', 'api', 'system']);
export type EventSource = z.infer<typeof eventSourceSchema>;

/**
 * The relay's forward of the request that carried an event (API.md, Relay: `forward`). `url` and
 * `time` say where and when it was (last) sent; `succeeded` means the target answered 2xx.
 */
export const forwardResultSchema = z.object({
  status: z.enum(['succeeded', 'failed', 'pending']),
  url: z.string().optional(),
  time: z.string().optional(),
  /** The target's answer, its body kept as in delivery records (text, or base64 with `encoding`). */
  response: invocationResponseSchema.nullable(),
  error: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** What was sent against what was received (SHA-256 of both bodies, header names changed); absent on records from older versions. */
  fidelity: relayFidelitySchema.optional(),
});

/** How an event's body differs from the shape inferred for its connector and type before it arrived (JSONPath-like paths, `[*]` for array items). */
export const shapeDriftSchema = z.object({
  added: z.array(z.string()),
  missing: z.array(z.string()),
  changed: z.array(z.object({ path: z.string(), was: z.string(), now: z.string() })),
});
export type ShapeDrift = z.infer<typeof shapeDriftSchema>;

export const verificationResultSchema = z.object({
  status: z.enum(['verified', 'failed', 'none']),
  reason: z.string().nullable(),
});

/**
 * Set on events added by `POST /connectors/:id/import` (a HAR or NDJSON file): when, from which
 * format, and the id the event had where it was exported (null when the file did not say).
 * Imported events are never forwarded or delivered to webhooks by the import itself.
 */
export const importedMarkSchema = z.object({
  time: z.string(),
  format: z.enum(['har', 'ndjson']),
  originalId: z.string().nullable(),
});
export type ImportedMark = z.infer<typeof importedMarkSchema>;

/**
 * An event as the engine stores and serves it (API.md sections 1 and 2, plus the relay fields).
 * Capture-only fields are optional; push events have `body` as parsed JSON.
 */
export const hookEventSchema = z.object({
  id: z.string(),
  connectorId: z.string().nullable(),
  source: eventSourceSchema,
  dataSource: z.string(),
  type: z.string(),
  version: z.string().optional(),
  severity: z.string().optional(),
  receivedTime: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  /**
   * Why `body` is null although the request had one (the body nests deeper than the bound, see
   * shared/json/bounded-json.ts): the bytes are kept in `bodyBase64`, not parsed, searched or walked.
   */
  bodyNote: z.string().optional(),
  /**
   * The body's JSON text as the sender wrote it, kept only when it holds a number that parsing would
   * change (`12345678901234567890123`, `9007199254740993`, `1.10`) and no `bodyBase64` holds the bytes:
   * webhooks and replays send those numbers from this text, digit for digit.
   */
  bodyJson: z.string().optional(),
  size: z.number().int().nonnegative(),
  remoteAddress: z.string().nullable(),
  method: z.string().optional(),
  path: z.string().optional(),
  query: z.string().optional(),
  contentType: z.string().nullable().optional(),
  bodyBase64: z.string().optional(),
  forward: forwardResultSchema.nullable().optional(),
  verification: verificationResultSchema.optional(),
  /** Set (non-null) when the body's shape drifted from what earlier events of this connector and type had. */
  drift: shapeDriftSchema.nullable().optional(),
  /** The latest replays of this event (newest last, at most 10), each with its target. */
  replays: z.array(replayRecordSchema).optional(),
  /** Set when the event came from an imported file, not from a sender. */
  imported: importedMarkSchema.optional(),
});
export type HookEvent = z.infer<typeof hookEventSchema>;

const searchText = z.string().min(1).max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`).optional();

/**
 * `GET /events` filters, all of which must hold (shared/matching/event-search.ts): `type` a glob or
 * a prefix, `id` an id's start, `header` text in a `name: value` line, `q` body text, `text` any of
 * those, `status` a relay outcome.
 */
export const eventListQuerySchema = z.object({
  connectorId: z.string().min(1).optional(),
  type: searchText,
  id: searchText,
  header: searchText,
  q: searchText,
  text: searchText,
  status: z.enum(EVENT_STATUS_FILTERS, { message: `must be one of ${EVENT_STATUS_FILTERS.join(', ')}` }).optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

/** Body of `POST /events`: a synthetic event, routed as if it had been received. */
export const publishEventSchema = z
  .object({
    type: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    version: z.string().max(50).optional(),
    severity: z.string().max(50).optional(),
    entity: z.unknown().optional(),
  })
  .strict();
export type PublishEvent = z.infer<typeof publishEventSchema>;

/** `DELETE /events?connectorId=`: the synthetic events when connectorId is absent. */
export const eventClearQuerySchema = z.object({ connectorId: z.string().min(1).optional() });

/** The most ids one `POST /events/bulk-delete` takes. */
export const MAX_BULK_IDS = 10_000;

/** Body of `POST /events/bulk-delete`. */
export const bulkDeleteEventsSchema = z
  .object({ ids: z.array(z.string().min(1).max(200)).min(1, 'must name at least one event').max(MAX_BULK_IDS, `must name at most ${MAX_BULK_IDS} events`) })
  .strict();

/** Answer of `POST /events/bulk-delete`: what was deleted, and the ids no stored event has (already gone). */
export interface BulkDeleteResult {
  deleted: string[];
  notFound: string[];
}
