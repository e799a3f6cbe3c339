import { Router } from 'express';
import { ErrorCode, HookdeskError } from '../../../../shared/errors';
import { newId } from '../../../../shared/ids';
import { stringifyBounded } from '../../../../shared/json/bounded-json';
import { MAX_BODY_DEPTH } from '../../ingest/body-depth';
import { pageQuerySchema, paginate } from '../../../../shared/paging';
import {
  bulkDeleteEventsSchema,
  eventClearQuerySchema,
  eventListQuerySchema,
  publishEventSchema,
  type HookEvent,
} from '../../../../shared/schemas/event';
import { parseOrThrow } from '../../../../shared/validation';
import type { EngineContext } from '../../engine-context';
import { toEventView } from '../../relay/event-view';

/**
 * A published event's body as JSON text, or 400 when its `entity` cannot be one: nested deeper than
 * the bound (the body adds one level around it), so the event could not be stored, shown or sent.
 */
function publishedBodyText(body: { entity: unknown }): string {
  const written = stringifyBounded(body, MAX_BODY_DEPTH);
  if (written.ok) return written.text;
  const message = `is nested deeper than ${MAX_BODY_DEPTH - 1} levels of arrays and objects`;
  throw new HookdeskError(400, ErrorCode.validationFailed, `The event is invalid: entity: ${message}. Send a flatter entity.`, { entity: message });
}

/** `/api/v1/events`: list (paged, newest first, filters), get, publish a synthetic event, delete some, clear. */
export function eventRoutes(ctx: EngineContext): Router {
  const router = Router();
  const events = ctx.store.events;

  router.get('/events', (req, res) => {
    const paging = parseOrThrow(pageQuerySchema, req.query, 'page query');
    const filters = parseOrThrow(eventListQuerySchema, req.query, 'event filter');
    const page = paginate(events.list(filters), paging);
    res.json({ ...page, items: page.items.map(toEventView) });
  });

  router.get('/events/:id', (req, res) => {
    const event = events.get(req.params.id);
    if (!event) throw new HookdeskError(404, ErrorCode.notFound, `No event has the id "${req.params.id}". It may have been trimmed by retention or cleared.`);
    res.json(toEventView(event));
  });

  router.post('/events', async (req, res) => {
    const input = parseOrThrow(publishEventSchema, req.body, 'event');
    const now = ctx.clock.now();
    const body = { type: input.type, version: input.version, severity: input.severity, entity: input.entity ?? null };
    const text = publishedBodyText(body);
    const event: HookEvent = {
      id: newId('evt', now),
      connectorId: null,
      source: 'api',
      dataSource: 'hookdesk',
      type: input.type,
      ...(input.version === undefined ? {} : { version: input.version }),
      ...(input.severity === undefined ? {} : { severity: input.severity }),
      receivedTime: new Date(now).toISOString(),
      headers: {},
      body,
      size: Buffer.byteLength(text),
      remoteAddress: null,
    };
    await events.append([event]);
    res.status(201).json(toEventView(event));
  });

  // Deleted events leave every open list at once: `events.deleted` carries their ids.
  router.post('/events/bulk-delete', async (req, res) => {
    const { ids } = parseOrThrow(bulkDeleteEventsSchema, req.body, 'bulk delete');
    const result = await events.remove(ids);
    if (result.deleted.length > 0) ctx.hub.broadcast('events.deleted', { ids: result.deleted });
    res.json(result);
  });

  router.delete('/events/:id', async (req, res) => {
    const { deleted } = await events.remove([req.params.id]);
    if (deleted.length === 0) throw new HookdeskError(404, ErrorCode.notFound, `No event has the id "${req.params.id}". It may have been deleted, trimmed by retention or cleared.`);
    ctx.hub.broadcast('events.deleted', { ids: deleted });
    res.status(204).end();
  });

  router.delete('/events', async (req, res) => {
    const { connectorId } = parseOrThrow(eventClearQuerySchema, req.query, 'clear query');
    if (connectorId !== undefined && !ctx.store.workspace.data.connectors.some((c) => c.id === connectorId)) {
      throw new HookdeskError(404, ErrorCode.notFound, `No connector has the id "${connectorId}".`);
    }
    await events.clear(connectorId ?? null);
    res.status(204).end();
  });

  return router;
}
