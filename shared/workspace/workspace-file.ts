import { z } from 'zod';
import {
  DEFAULT_CONNECTOR_RESPONSE,
  connectorCreateSchema,
  connectorResponseSchema,
  forwardToSchema,
} from '../schemas/connector';
import { environmentsMapSchema, variableNameSchema } from '../env/environment-schema';
import { verificationSettingSchema } from '../schemas/verification';
import { webhookCreateSchema } from '../schemas/webhook';

/**
 * The workspace file (API.md section 5): connectors, webhooks and environments as one JSON document
 * meant to be committed to git. Resources are matched by name; no ids, events, deliveries or runtime
 * state. Each resource reuses its API schema (one schema per resource), so the file accepts exactly
 * what the API accepts, and zod's output key order (the schema's) is the file's canonical order.
 */

export const WORKSPACE_KIND = 'hookdesk.workspace';
export const WORKSPACE_VERSION = 1;

const shortList = z.array(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters')).max(100, 'must list at most 100 values');

/**
 * A connector in the file: everything configurable. `apiKey` is the push key to set (usually a
 * `${VAR}` reference: the engine keeps only a hash, so an export can never write the key itself).
 */
export const workspaceConnectorSchema = connectorCreateSchema.safeExtend({
  response: connectorResponseSchema.default(DEFAULT_CONNECTOR_RESPONSE),
  forwardTo: forwardToSchema.default(null),
  verification: verificationSettingSchema.default(null),
  apiKey: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters').optional(),
});
export type WorkspaceConnector = z.output<typeof workspaceConnectorSchema>;

/**
 * A webhook in the file: every field of `POST /webhooks`, except that the filter by connector names
 * connectors (`filters.connectors`), since connector ids differ between machines.
 */
export const workspaceWebhookFiltersSchema = z
  .object({ connectors: shortList.optional(), dataSources: shortList.optional(), severities: shortList.optional() })
  .strict();
export const workspaceWebhookSchema = webhookCreateSchema.safeExtend({
  filters: workspaceWebhookFiltersSchema.default({}),
});
export type WorkspaceWebhook = z.output<typeof workspaceWebhookSchema>;

export const workspaceFileSchema = z
  .object({
    /** Optional, for editors: a path or URL of `workspace.schema.json`. Export does not write it (no path fits every checkout). */
    $schema: z.string().max(2048).optional(),
    kind: z.literal(WORKSPACE_KIND, { error: `must be "${WORKSPACE_KIND}"` }),
    version: z.literal(WORKSPACE_VERSION, { error: `must be ${WORKSPACE_VERSION} (this Hookdesk reads version 1 files)` }),
    /** Named sets of variables (the same schema as `PUT /api/v1/environments`). */
    environments: environmentsMapSchema.default({}),
    connectors: z.array(workspaceConnectorSchema).max(1000, 'must list at most 1000 connectors').default([]),
    webhooks: z.array(workspaceWebhookSchema).max(1000, 'must list at most 1000 webhooks').default([]),
    /**
     * Written by export for people: the variables this file references, to set where it runs. Plan
     * and apply ignore it (they find references themselves and report the unset ones).
     */
    variables: z.array(variableNameSchema).max(10_000).optional(),
  })
  .strict();
export type WorkspaceFile = z.output<typeof workspaceFileSchema>;
/** What may be written by hand (defaults left out). */
export type WorkspaceFileInput = z.input<typeof workspaceFileSchema>;

/** The file's text: 2-space JSON and a trailing newline, so diffs read well. */
export function workspaceFileText(file: WorkspaceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The file with its `variables` list (last, so the resources read first); none when there are none. */
export function withVariables(file: WorkspaceFile, variables: readonly string[]): WorkspaceFile {
  const { variables: _old, ...rest } = file;
  return variables.length === 0 ? rest : { ...rest, variables: [...variables] };
}
