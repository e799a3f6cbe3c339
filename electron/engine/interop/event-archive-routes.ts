import type { Response } from 'express';
import express, { Router } from 'express';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import {
  ARCHIVE_MEDIA_TYPES,
  eventExportBodySchema,
  eventExportQuerySchema,
  NDJSON_MEDIA_TYPES,
  type EventArchiveFormat,
} from '../../../shared/interop/event-archive';
import { readArchiveJson, readArchiveNdjson } from '../../../shared/interop/event-archive-import';
import { parseOrThrow } from '../../../shared/validation';
import { MANAGEMENT_BODY_LIMIT } from '../server/management-app';
import { EventArchiveService, type EventSelection } from './event-archive-service';
import type { InteropSources } from './interop-module';

/** Resolves once `res` can take more, or has closed (then writing stops). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/** Streams the selection as a download, honouring backpressure; stops if the client goes away. */
async function sendArchive(service: EventArchiveService, res: Response, selection: EventSelection, format: EventArchiveFormat): Promise<void> {
  res.status(200);
  res.setHeader('content-type', `${ARCHIVE_MEDIA_TYPES[format]}; charset=utf-8`);
  res.setHeader('content-disposition', `attachment; filename="${selection.fileName}"`);
  res.setHeader('x-hookdesk-event-count', String(selection.events.length));
  await service.write(selection, format, async (chunk) => {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res);
  });
  res.end();
}

/**
 * Events out and in (API.md section 6): `GET /events/export?connectorId=&format=har|ndjson` with the
 * list's filters and optional `ids`; `POST /events/export {format, connectorId?, ids}` for a larger
 * selection; `POST /connectors/:id/import` with a HAR (JSON) or NDJSON (`application/x-ndjson`) body.
 */
export function eventArchiveRoutes(sources: InteropSources): Router {
  const router = Router();
  const service = new EventArchiveService(sources.ctx, sources.ingest.connectors);

  router.get('/events/export', async (req, res) => {
    const { format, ids, ...filters } = parseOrThrow(eventExportQuerySchema, req.query, 'export query');
    await sendArchive(service, res, service.select({ ...filters, ids }, format), format);
  });

  router.post('/events/export', async (req, res) => {
    const { format, connectorId, ids } = parseOrThrow(eventExportBodySchema, req.body, 'export');
    await sendArchive(service, res, service.select({ ...(connectorId === undefined ? {} : { connectorId }), ids }, format), format);
  });

  // NDJSON arrives as text (the JSON parser before this leaves it alone); HAR and single events as parsed JSON.
  router.post('/connectors/:id/import', express.text({ type: [...NDJSON_MEDIA_TYPES], limit: MANAGEMENT_BODY_LIMIT }), async (req, res) => {
    const body: unknown = req.body;
    if (body === undefined) {
      throw new HookdeskError(400, ErrorCode.validationFailed, 'Send the file as the body: a HAR file as application/json, or NDJSON as application/x-ndjson.', {
        file: 'is missing',
      });
    }
    const archive = typeof body === 'string' ? readArchiveNdjson(body) : readArchiveJson(body);
    res.json(await service.importInto(req.params.id, archive));
  });

  return router;
}
