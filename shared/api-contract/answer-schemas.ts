import { z } from 'zod';
import { ErrorCode } from '../errors';
import { connectorSchema, connectorSecretsSchema } from '../schemas/connector';
import { hookEventSchema } from '../schemas/event';
import { webhookSchema } from '../schemas/webhook';

/**
 * Answer shapes of the management API that the engine builds from TypeScript interfaces (no zod
 * schema of their own yet), written here as zod so the OpenAPI document can describe them. Each
 * names the interface it mirrors; the contract test parses real answers with them.
 */

/** `{"error": {code, message, fields?}}` (shared/errors.ts `ApiErrorBody`). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: `A stable snake_case code: ${Object.values(ErrorCode).join(', ')}.`, examples: ['validation_failed'] }),
    message: z.string().meta({ description: 'A sentence a person can act on.' }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'Only for validation_failed: `{"path.to.field": "what is wrong"}`.' }),
  }),
});

/** What a connector or webhook read adds about `serve --config` (electron/engine/server/managed-guard.ts `ManagedInfo`). */
const managedFields = {
  managed: z.boolean().meta({ description: 'Applied from a config file (`serve --config`).' }),
  managedReason: z.string().nullable().meta({ description: 'Why the API refuses to change it (409 managed_by_config), or null.' }),
};

export const connectorViewSchema = connectorSchema.extend(managedFields);
/** `POST /connectors`: the connector plus the key, shown only here and at a reset. */
export const connectorCreatedSchema = connectorViewSchema.extend(connectorSecretsSchema.shape);
export const webhookViewSchema = webhookSchema.extend(managedFields);

/** `GET /events/...`: an event as the API answers it (`forward` and `verification` always present). */
export const eventViewSchema = hookEventSchema;

/** A paged list (shared/paging.ts `Page`). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    page: z.number().int().min(1),
    pageAmount: z.number().int().min(1),
    total: z.number().int().nonnegative().meta({ description: 'Items across all pages.' }),
    items: z.array(item),
  });
}

/** `POST /events/bulk-delete` (shared/schemas/event.ts `BulkDeleteResult`). */
export const bulkDeleteResultSchema = z.object({ deleted: z.array(z.string()), notFound: z.array(z.string()) });

/** `GET /event-types`. */
export const eventTypeListSchema = z.object({
  items: z.array(
    z.object({
      type: z.string(),
      count: z.number().int().nonnegative(),
      origin: z.enum(['received', 'system']),
    }),
  ),
});

/** `GET /event-types/sample` (shared/schemas/event-type.ts `EventSample`). */
export const eventSampleSchema = z.object({
  id: z.string(),
  type: z.string(),
  dataSource: z.string(),
  receivedTime: z.string(),
  connectorId: z.string().nullable(),
  body: z.unknown(),
  version: z.string().optional(),
  severity: z.string().optional(),
  source: z.enum(['push', 'capture', 'api', 'system']).optional(),
  bodyJson: z.string().optional(),
  bodyBase64: z.string().optional(),
  completionBody: z.unknown().optional().meta({ description: 'The body with every field seen in events of the type (for template completion).' }),
});

/** Plan and apply answers (shared/workspace/workspace-plan.ts `WorkspacePlan`). */
export const workspacePlanSchema = z.object({
  changes: z.array(
    z.object({
      kind: z.enum(['connector', 'webhook']),
      name: z.string(),
      action: z.enum(['create', 'update', 'delete', 'unchanged']),
      fields: z.array(z.string()).optional().meta({ description: 'For update: the changed field paths, sorted.' }),
      secrets: z
        .array(z.object({ field: z.string(), outcome: z.enum(['kept', 'unset']), variables: z.array(z.string()), message: z.string() }))
        .optional()
        .meta({
          description:
            'Only when a secret field\'s ${VAR} reference cannot resolve: kept (the stored secret stays, the field is not changed) or unset (nothing was stored, the reference is written).',
        }),
    }),
  ),
  missingVariables: z.array(z.string()),
  generatedKeys: z
    .array(z.object({ connector: z.string(), variable: z.string(), apiKey: z.string() }))
    .optional()
    .meta({ description: 'Only in an apply answer: push keys made for new connectors whose key variable was not set (shown once).' }),
});

/** `POST /api/1.0/webhook/push`: 200 once every event is durable. */
export const pushAcceptedSchema = z.object({ accepted: z.number().int().min(1).max(50), ids: z.array(z.string()) });

/** `GET/POST /api/v1/session`. */
export const sessionStateSchema = z.object({ signedIn: z.literal(true) });
