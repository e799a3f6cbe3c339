import { z } from 'zod';
import { verificationConfigSchema, verificationSettingSchema } from './verification';
import { urlWithVariablesSchema } from './webhook-url';

/** Built-in data sources an integrator can pick; any other string is a custom one. */
export const BUILT_IN_DATA_SOURCES = [
  'GitHub',
  'Stripe',
  'Shopify',
  'Slack',
  'CloudEvents',
  'AWS SNS',
  'Standard Webhooks',
  'Twilio',
  'SendGrid',
  'PagerDuty',
  'Jira',
  'GitLab',
] as const;

export const connectorStatusSchema = z.enum(['OFFLINE', 'ACTIVE', 'IDLE', 'NOT_RECEIVING_DATA']);
export type ConnectorStatus = z.infer<typeof connectorStatusSchema>;

/** `name`: 1..64 of letters, digits, space, `_` and `-`, not starting or ending with a space. */
export const connectorNameSchema = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[\p{L}\p{N} _-]+$/u, 'may hold only letters, digits, spaces, "_" and "-"')
  .refine((name) => !name.startsWith(' ') && !name.endsWith(' '), 'must not start or end with a space');

export const dataSourceSchema = z
  .string({ error: 'must be a string or null' })
  .trim()
  .min(1, 'must not be empty (use null for auto-discovery)')
  .max(64, 'must be at most 64 characters')
  .nullable();

export const DEFAULT_FORWARD_TIMEOUT_MS = 30_000;

/**
 * Relay: where every request the connector receives is sent on (API.md, Relay: `forwardTo`).
 * `timeoutMs` (default 30 s) bounds one forward; the sender never waits for it.
 */
export const forwardToSchema = z
  .object({
    /** May hold `${VAR}` references, resolved when a request is forwarded. */
    url: urlWithVariablesSchema,
    timeoutMs: z.number().int().min(100, 'must be 100..120000').max(120_000, 'must be 100..120000').optional(),
  })
  .strict()
  .nullable();
export type ForwardTo = NonNullable<z.infer<typeof forwardToSchema>>;

/** An HTTP header name (RFC 9110 token) and a value without line breaks or control characters. */
const headerNameSchema = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name');
const headerValueSchema = z.string().max(8192, 'must be at most 8192 characters').regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'must not hold line breaks or control characters');

/** What capture senders get back. A final answer cannot be 1xx, so the status is 200..599. */
export const connectorResponseSchema = z
  .object({
    status: z.number().int().min(200, 'must be 200..599').max(599, 'must be 200..599').default(200),
    headers: z.record(headerNameSchema, headerValueSchema).default({ 'content-type': 'application/json' }),
    body: z.string().max(65536, 'must be at most 64 KiB').default('{"ok": true}'),
    delayMs: z.number().int().min(0).max(60000, 'must be at most 60000').default(0),
  })
  .strict();
export type ConnectorResponse = z.infer<typeof connectorResponseSchema>;
export const DEFAULT_CONNECTOR_RESPONSE: ConnectorResponse = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"ok": true}',
  delayMs: 0,
};

export const DEFAULT_RETENTION = 10_000;

/** Body of `POST /connectors`. */
export const connectorCreateSchema = z
  .object({
    name: connectorNameSchema,
    dataSource: dataSourceSchema.default(null),
    typePath: z.string().startsWith('$', 'must be a JSONPath starting with $').nullable().default(null),
    retention: z.number().int().min(1).max(1_000_000).default(DEFAULT_RETENTION),
  })
  .strict();
export type ConnectorCreate = z.input<typeof connectorCreateSchema>;

/** Body of `PATCH /connectors/:id`. */
export const connectorPatchSchema = z
  .object({
    name: connectorNameSchema,
    dataSource: dataSourceSchema,
    forwardTo: forwardToSchema,
    verification: verificationSettingSchema,
    response: connectorResponseSchema,
    typePath: z.string().startsWith('$', 'must be a JSONPath starting with $').nullable(),
    retention: z.number().int().min(1).max(1_000_000),
  })
  .partial()
  .strict();
/** What a client sends (defaults may be left out). */
export type ConnectorPatch = z.input<typeof connectorPatchSchema>;

/**
 * A connector as the management API answers it. Never carries the key (shown once, at create and
 * reset); it does carry the push URL and the capture URL (the capture token is a URL credential,
 * kept so the connector page can show it at any time), or `captureUrl: null` for a connector made
 * before capture tokens were kept, until its key is reset.
 */
export const connectorSchema = z.object({
  id: z.string(),
  name: z.string(),
  dataSource: z.string().nullable(),
  status: connectorStatusSchema,
  createdTime: z.string(),
  updatedTime: z.string(),
  lastEventTime: z.string().nullable(),
  eventCount: z.number().int().nonnegative(),
  forwardTo: z.object({ url: z.string(), timeoutMs: z.number().int().optional() }).nullable(),
  /** Signature verification at ingest; the secret comes back masked ("••••"), and a masked secret sent back keeps the stored one. */
  verification: verificationConfigSchema.nullable(),
  response: connectorResponseSchema,
  typePath: z.string().nullable(),
  retention: z.number().int(),
  pushUrl: z.string(),
  captureUrl: z.string().nullable(),
});
export type Connector = z.infer<typeof connectorSchema>;

/** What create and reset-key answer besides the connector: the only time the key is shown. */
export const connectorSecretsSchema = z.object({
  apiKey: z.string(),
  pushUrl: z.string(),
  captureUrl: z.string(),
});
export type ConnectorSecrets = z.infer<typeof connectorSecretsSchema>;

export const statsRangeSchema = z.object({ range: z.enum(['24h', '7d']).default('24h') });
export type StatsRange = z.infer<typeof statsRangeSchema>['range'];

export const connectorStatsSchema = z.object({
  range: z.enum(['24h', '7d']),
  buckets: z.array(z.object({ start: z.string(), count: z.number().int() })),
});
export type ConnectorStats = z.infer<typeof connectorStatsSchema>;
