import { z } from 'zod';
import { HMAC_ALGORITHMS } from '../signing/hmac';
import { headerNameSchema } from './http-header';

/** Relay signature verification per connector (API.md, Relay: `verification`). */
export const VERIFICATION_SCHEMES = ['standard-webhooks', 'github', 'stripe', 'shopify', 'slack', 'hmac'] as const;
export type VerificationScheme = (typeof VERIFICATION_SCHEMES)[number];

const common = {
  secret: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  toleranceSeconds: z.number().int().min(1, 'must be 1..604800').max(604_800, 'must be 1..604800').optional(),
};

const simple = (scheme: Exclude<VerificationScheme, 'hmac'>) => z.object({ scheme: z.literal(scheme), ...common }).strict();

export const hmacVerificationSchema = z
  .object({
    scheme: z.literal('hmac'),
    ...common,
    algorithm: z.enum(HMAC_ALGORITHMS),
    encoding: z.enum(['hex', 'base64']),
    header: headerNameSchema,
    prefix: z.string().max(64, 'must be at most 64 characters').optional(),
    signedPayload: z
      .string()
      .max(256, 'must be at most 256 characters')
      .refine((value) => value.includes('{body}'), 'must contain {body}')
      .optional(),
    timestampHeader: headerNameSchema.optional(),
  })
  .strict()
  .refine((v) => !(v.signedPayload ?? '').includes('{timestamp}') || v.timestampHeader !== undefined, {
    message: 'is required when the signed payload uses {timestamp}',
    path: ['timestampHeader'],
  });

export const verificationConfigSchema = z.union([
  simple('standard-webhooks'),
  simple('github'),
  simple('stripe'),
  simple('shopify'),
  simple('slack'),
  hmacVerificationSchema,
]);
export type VerificationConfig = z.infer<typeof verificationConfigSchema>;

/** `PATCH /connectors/:id` `verification`: a config or `null` to switch verification off. */
export const verificationSettingSchema = verificationConfigSchema.nullable();
