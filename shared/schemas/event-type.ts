import { z } from 'zod';
import type { DispatchEvent } from '../events/dispatch-event';

/** `GET /api/v1/event-types`: the event types a webhook can select, for pickers and template completion. */
export const eventTypeSummarySchema = z.object({
  type: z.string(),
  /** Stored events of this type (0 for Hookdesk's own system types not raised yet). */
  count: z.number().int().nonnegative(),
  /** `received`: seen on a connector or published; `system`: raised by Hookdesk itself. */
  origin: z.enum(['received', 'system']),
});
export type EventTypeSummary = z.infer<typeof eventTypeSummarySchema>;

/** `GET /api/v1/event-types/sample?type=`: query. */
export const eventSampleQuerySchema = z.object({ type: z.string().trim().min(1, 'must not be empty').max(200) });

/**
 * `GET /api/v1/event-types/sample?type=`: the latest stored event of the type (else a mock built
 * from its inferred schema, else Hookdesk's built-in sample). For a type with inferred schemas,
 * `completionBody` is the body with every field seen in events of that type added (placeholders
 * where the sample lacks them): `{{` completion reads it, previews and tests use `body`.
 */
export type EventSample = DispatchEvent & { completionBody?: unknown };
