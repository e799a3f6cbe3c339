import { z } from 'zod';
import { EVENT_ARCHIVE_FORMATS } from '../interop/event-archive';

/**
 * The interop formats of API.md section 6, as far as this document describes them: each is a
 * standard format with its own specification (linked), so only the envelope is written here and
 * every other field is allowed. The format's own validator checks the content (see the interop tests).
 */

/** `GET /api/v1/events/export?format=har`: HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/). */
export const harLogSchema = z
  .object({
    log: z
      .object({
        version: z.string().meta({ examples: ['1.2'] }),
        creator: z.object({ name: z.string(), version: z.string() }).loose(),
        entries: z.array(z.object({}).loose().meta({ description: 'One request; Hookdesk data in `_hookdesk`.' })),
      })
      .loose(),
  })
  .loose()
  .meta({ description: 'HAR 1.2. Hookdesk data (event id, connector, verification, forward result) is in `_hookdesk` fields.' });

/** `POST /api/v1/connectors/:id/import` (shared/interop/event-archive.ts `EventImportResult`): what was added, and each entry left out with its reason. */
export const eventImportResultSchema = z.object({
  format: z.enum(EVENT_ARCHIVE_FORMATS),
  imported: z.number().int().nonnegative(),
  ids: z.array(z.string()).meta({ description: "The new events' ids, in file order." }),
  skipped: z.array(
    z.object({
      index: z.number().int().nonnegative().meta({ description: 'The HAR `log.entries` index, or the NDJSON line number less one.' }),
      reason: z.string(),
    }),
  ),
});

/** `GET /api/v1/catalog/openapi`: OpenAPI 3.1 with a `webhooks` entry per event type. */
export const openApiDocumentShape = z
  .object({ openapi: z.string().meta({ examples: ['3.1.0'] }), info: z.object({}).loose(), webhooks: z.record(z.string(), z.unknown()).optional() })
  .loose()
  .meta({ description: 'An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0).' });

/** `GET /api/v1/catalog/asyncapi`: AsyncAPI 3. */
export const asyncApiDocumentShape = z
  .object({ asyncapi: z.string().meta({ examples: ['3.0.0'] }), info: z.object({}).loose() })
  .loose()
  .meta({ description: 'An AsyncAPI 3 document (https://www.asyncapi.com/docs/reference/specification/v3.0.0).' });

/** `GET /api/v1/webhooks/export/postman`: Postman collection v2.1. */
export const postmanCollectionShape = z
  .object({ info: z.object({ name: z.string(), schema: z.string() }).loose(), item: z.array(z.unknown()) })
  .loose()
  .meta({ description: 'A Postman collection v2.1 (https://schema.postman.com/collection/json/v2.1.0/draft-07/docs/index.html), one request per webhook.' });
