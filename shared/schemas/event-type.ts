import { z } from 'zod';

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
