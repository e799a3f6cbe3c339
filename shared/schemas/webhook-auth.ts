import { z } from 'zod';
import { headerNameSchema } from './http-header';
import { urlWithVariablesSchema } from './webhook-url';

/** An auth field: printable ASCII only, at most 255 bytes (API.md; ASCII makes bytes = characters). */
export const authFieldSchema = z
  .string({ error: 'must be a string' })
  .max(255, 'must be at most 255 bytes')
  .regex(/^[\x20-\x7E]*$/, 'must hold printable ASCII characters only');

const requiredAuthField = authFieldSchema.min(1, 'must not be empty');

export const authSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('basic'), username: requiredAuthField, password: authFieldSchema }).strict(),
  z.object({ type: z.literal('bearer'), token: requiredAuthField }).strict(),
  z.object({ type: z.literal('apiKey'), header: headerNameSchema.max(255), value: requiredAuthField }).strict(),
  z
    .object({
      type: z.literal('oauth2'),
      tokenUrl: requiredAuthField.pipe(urlWithVariablesSchema),
      clientId: requiredAuthField,
      clientSecret: requiredAuthField,
      scopes: z.array(requiredAuthField.regex(/^\S+$/, 'must not contain spaces')).max(50).optional(),
    })
    .strict(),
]);
export type WebhookAuth = z.infer<typeof authSchema>;
export type WebhookAuthType = WebhookAuth['type'];
export const AUTH_TYPES: readonly WebhookAuthType[] = ['none', 'basic', 'bearer', 'apiKey', 'oauth2'];

/** The fields of each auth type that hold a credential (masked when read back). */
export const SECRET_AUTH_FIELDS = {
  none: [],
  basic: ['password'],
  bearer: ['token'],
  apiKey: ['value'],
  oauth2: ['clientSecret'],
} as const satisfies Record<WebhookAuthType, readonly string[]>;

/** The read shape of `auth`: the same structure, credential fields masked (so any string). */
export const maskedAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string() }),
  z.object({ type: z.literal('apiKey'), header: z.string(), value: z.string() }),
  z.object({
    type: z.literal('oauth2'),
    tokenUrl: z.string(),
    clientId: z.string(),
    clientSecret: z.string(),
    scopes: z.array(z.string()).optional(),
  }),
]);
