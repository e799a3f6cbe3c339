import { Router } from 'express';
import { SYSTEM_EVENT_TYPES } from '../../../shared/events/dispatch-event';
import { withFieldsOfShapes } from '../../../shared/inference/completion-sample';
import { eventSampleQuerySchema, type EventSample, type EventTypeSummary } from '../../../shared/schemas/event-type';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import type { WebhookActions } from './webhook-actions';

/** `/api/v1/event-types`: the types a webhook can select, and a sample event of each (for previews and completion). */
export function eventTypeRoutes(ctx: EngineContext, actions: WebhookActions): Router {
  const router = Router();

  router.get('/event-types', (_req, res) => {
    const counts = new Map<string, number>();
    for (const event of ctx.store.events.list({})) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    const items: EventTypeSummary[] = [...counts].map(([type, count]) => ({ type, count, origin: (SYSTEM_EVENT_TYPES as readonly string[]).includes(type) ? 'system' : 'received' }));
    for (const type of SYSTEM_EVENT_TYPES) if (!counts.has(type)) items.push({ type, count: 0, origin: 'system' });
    items.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
    res.json({ items });
  });

  router.get('/event-types/sample', (req, res) => {
    const { type } = parseOrThrow(eventSampleQuerySchema, req.query, 'sample query');
    res.json(withInferredFields(ctx, actions.sample(type)));
  });

  return router;
}

/**
 * For a type with inferred schemas: `completionBody` holds every field seen in its events (so `{{`
 * completion offers fields only older events had), and a mock (no event of the type is stored any
 * more) gets the inferred shape as its body instead of the generic one.
 */
function withInferredFields(ctx: EngineContext, sample: EventSample): EventSample {
  const schemas = ctx.store.schemas.ofType(sample.type);
  if (schemas.length === 0) return sample;
  schemas.sort((a, b) => (a.lastSeenTime < b.lastSeenTime ? 1 : a.lastSeenTime > b.lastSeenTime ? -1 : 0));
  const stored = ctx.store.events.get(sample.id) !== undefined;
  const completionBody = withFieldsOfShapes(
    schemas.map((s) => s.shape.root),
    stored ? sample.body : undefined,
    new Date(ctx.clock.now()).toISOString(),
  );
  return stored ? { ...sample, completionBody } : { ...sample, body: completionBody, completionBody };
}
