import { z } from 'zod';
import { retryPolicySchema, DEFAULT_RETRY_POLICY } from '../retry/retry-policy';
import { templateSaveError } from '../template/render-template';
import { hasVariables } from '../env/resolve-variables';
import { decodeStandardSecret } from '../signing/standard-webhooks';
import { authSchema, maskedAuthSchema } from './webhook-auth';
import { headersRecordSchema } from './http-header';
import { webhookUrlSchema } from './webhook-url';

export { insecureTargetWarning, isLoopbackHost } from './webhook-url';
export { authSchema, type WebhookAuth } from './webhook-auth';

/** Webhooks (outbound), API.md section 3. One schema per field, composed into create, patch, stored and read shapes. */

export const webhookNameSchema = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[\p{L}\p{N} ._-]+$/u, 'may hold only letters, digits, spaces, ".", "_" and "-"')
  .refine((name) => !name.startsWith(' ') && !name.endsWith(' '), 'must not start or end with a space');

/** Names are unique ignoring case and surrounding space: compare these keys. */
export function webhookNameKey(name: string): string {
  return name.trim().toLowerCase();
}

export const WEBHOOK_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
export type WebhookContentType = (typeof WEBHOOK_CONTENT_TYPES)[number];
export const SIGNATURE_KINDS = ['hmac-sha1', 'standard-webhooks'] as const;
export const WEBHOOK_STATES = ['ACTIVE', 'FAILED', 'DISABLED'] as const;
export const webhookStateSchema = z.enum(WEBHOOK_STATES);
export type WebhookState = z.infer<typeof webhookStateSchema>;

const shortText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** One entry of `events`: `type` may be a glob (`Flow.*`, `connector.*`); version and severity narrow it. */
export const eventSelectorSchema = z
  .object({ type: shortText(200), version: shortText(50).optional(), severity: shortText(50).optional() })
  .strict();
export type EventSelector = z.infer<typeof eventSelectorSchema>;

export const webhookEventsSchema = z.union([
  z.literal('all'),
  z.array(eventSelectorSchema).min(1, 'must list at least one event, or be "all"').max(100, 'must list at most 100 events'),
]);
export type WebhookEvents = z.infer<typeof webhookEventsSchema>;

const idList = z.array(shortText(200)).max(100, 'must list at most 100 values');
/** Filters narrow `events` further; an absent or empty list does not filter. */
export const webhookFiltersSchema = z
  .object({ connectorIds: idList.optional(), dataSources: idList.optional(), severities: idList.optional() })
  .strict();
export type WebhookFilters = z.infer<typeof webhookFiltersSchema>;

export const expectedValueSchema = z.union([z.string().max(1024), z.number(), z.boolean(), z.null()]);
/** A response validator: a JSONPath into the response body and the values that pass (any one of them). */
export const responseValidatorSchema = z
  .object({
    path: z.string().trim().startsWith('$', 'must be a JSONPath starting with $').max(512, 'must be at most 512 characters'),
    expected: z.array(expectedValueSchema).max(50, 'must list at most 50 values'),
  })
  .strict();
export type ResponseValidator = z.infer<typeof responseValidatorSchema>;

const MAX_TEMPLATE_LENGTH = 65_536;
/**
 * A body template: at most 64 KiB, parseable (a syntax error would fail every delivery), and within
 * the template limits (sections nested at most 32 deep), said with line and column.
 */
export const bodyTemplateSchema = z
  .string()
  .max(MAX_TEMPLATE_LENGTH, 'must be at most 64 KiB')
  .superRefine((template, ctx) => {
    if (template.length > MAX_TEMPLATE_LENGTH) return;
    const error = templateSaveError(template);
    if (error) ctx.addIssue({ code: 'custom', message: error.message });
  });

/** Every field a user sets, without defaults (patches use these as they are). */
export const webhookFieldSchemas = {
  name: webhookNameSchema,
  url: webhookUrlSchema,
  method: z.enum(['POST', 'GET']),
  contentType: z.enum(WEBHOOK_CONTENT_TYPES),
  enabled: z.boolean(),
  includeEntity: z.boolean(),
  bodyTemplate: bodyTemplateSchema.nullable(),
  jsonPayloadEnabled: z.boolean(),
  events: webhookEventsSchema,
  filters: webhookFiltersSchema,
  auth: authSchema,
  headers: headersRecordSchema,
  /** Write-only: stored as given, read back masked. */
  secret: z.string().min(1, 'must not be empty (use null for no secret)').max(1024, 'must be at most 1024 characters').nullable(),
  signature: z.enum(SIGNATURE_KINDS),
  timeoutSeconds: z.number().int('must be a whole number').min(1, 'must be 1..120').max(120, 'must be 1..120'),
  validators: z.array(responseValidatorSchema).max(20, 'must list at most 20 validators'),
  retry: retryPolicySchema,
};

export const WEBHOOK_DEFAULTS = {
  method: 'POST',
  contentType: 'application/json',
  enabled: true,
  includeEntity: true,
  bodyTemplate: null,
  jsonPayloadEnabled: false,
  events: 'all',
  filters: {},
  auth: { type: 'none' },
  headers: {},
  secret: null,
  signature: 'hmac-sha1',
  timeoutSeconds: 10,
  validators: [],
  retry: DEFAULT_RETRY_POLICY,
} as const satisfies Partial<{ [K in keyof typeof webhookFieldSchemas]: z.input<(typeof webhookFieldSchemas)[K]> }>;

/** Rules across fields, checked on create and on the result of a patch. */
function checkAcrossFields(config: { secret?: string | null; signature?: string }, ctx: z.RefinementCtx): void {
  // A `${VAR}` secret is checked once resolved, when used.
  if (config.signature === 'standard-webhooks' && config.secret && !hasVariables(config.secret) && !decodeStandardSecret(config.secret)) {
    ctx.addIssue({
      code: 'custom',
      path: ['secret'],
      message: 'must be a Standard Webhooks secret: "whsec_" followed by base64 (generate one to be sure)',
    });
  }
}

const f = webhookFieldSchemas;
const d = WEBHOOK_DEFAULTS;
/** Body of `POST /webhooks`: `name` and `url` are required, every other field has a default. */
export const webhookCreateSchema = z
  .object({
    name: f.name,
    url: f.url,
    method: f.method.default(d.method),
    contentType: f.contentType.default(d.contentType),
    enabled: f.enabled.default(d.enabled),
    includeEntity: f.includeEntity.default(d.includeEntity),
    bodyTemplate: f.bodyTemplate.default(d.bodyTemplate),
    jsonPayloadEnabled: f.jsonPayloadEnabled.default(d.jsonPayloadEnabled),
    events: f.events.default(d.events),
    filters: f.filters.default(d.filters),
    auth: f.auth.default(d.auth),
    headers: f.headers.default(d.headers),
    secret: f.secret.default(d.secret),
    signature: f.signature.default(d.signature),
    timeoutSeconds: f.timeoutSeconds.default(d.timeoutSeconds),
    validators: f.validators.default(d.validators),
    retry: f.retry.default(d.retry),
  })
  .strict()
  .superRefine(checkAcrossFields);
export type WebhookCreate = z.input<typeof webhookCreateSchema>;

/** Every user-set field, all required: what is stored, and what a merged patch must satisfy. */
export const webhookConfigSchema = z.object(webhookFieldSchemas).strict().superRefine(checkAcrossFields);
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

/** Body of `PATCH /webhooks/:id`: any subset; `secret: null` removes the secret. No defaults are filled in. */
export const webhookPatchSchema = z.object(webhookFieldSchemas).partial().strict();
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;

const serverFields = {
  id: z.string(),
  state: webhookStateSchema,
  consecutiveFailures: z.number().int().nonnegative(),
  lastSuccessfulMessageDelivery: z.string().nullable(),
  createdTime: z.string(),
  updatedTime: z.string(),
};

/** A webhook as stored by the engine (secret and credentials in clear). Never sent out as is: see `maskWebhook`. */
export const storedWebhookSchema = z.object({ ...webhookFieldSchemas, ...serverFields });
export type StoredWebhook = z.infer<typeof storedWebhookSchema>;

/**
 * A webhook as the management API answers it: `secret` masked (`whsec_••••abcd`) or null, credentials masked,
 * and `warnings` (e.g. a plain-http target that is not on this machine).
 */
export const webhookSchema = z.object({
  ...webhookFieldSchemas,
  ...serverFields,
  auth: maskedAuthSchema,
  headers: z.record(z.string(), z.string()),
  secret: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type Webhook = z.infer<typeof webhookSchema>;

export { maskWebhook, maskSecret, restoreMaskedSecrets, isMasked, MASK } from './webhook-mask';
