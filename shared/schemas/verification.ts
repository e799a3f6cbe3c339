import { z } from 'zod';
import { HMAC_ALGORITHMS } from '../signing/hmac';
import { headerNameSchema } from './http-header';

/** Relay signature verification per connector (API.md, Relay: `verification`). */
export const VERIFICATION_SCHEMES = ['standard-webhooks', 'github', 'stripe', 'shopify', 'slack', 'hmac'] as const;
export type VerificationScheme = (typeof VERIFICATION_SCHEMES)[number];

/**
 * Which requests are checked: those that arrive at the capture URL (the default: senders sign what
 * they send there), push API events (already authenticated by the connector's API key, so only when
 * the pusher also signs), or both.
 */
export const VERIFY_ON = ['capture', 'push', 'both'] as const;
export type VerifyOn = (typeof VERIFY_ON)[number];
export const DEFAULT_VERIFY_ON: VerifyOn = 'capture';

const common = {
  secret: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
  toleranceSeconds: z.number().int().min(1, 'must be 1..604800').max(604_800, 'must be 1..604800').optional(),
  verifyOn: z.enum(VERIFY_ON, { error: 'must be "capture", "push" or "both"' }).default(DEFAULT_VERIFY_ON),
  /** When the connector forwards: a request that was checked and did not verify is not forwarded (recorded with the reason). */
  forwardOnlyVerified: z.boolean({ error: 'must be true or false' }).default(false),
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

// Discriminated by `scheme`, so a bad field is reported on its own path (`verification.verifyOn`), not as "Invalid input".
export const verificationConfigSchema = z.discriminatedUnion('scheme', [
  simple('standard-webhooks'),
  simple('github'),
  simple('stripe'),
  simple('shopify'),
  simple('slack'),
  hmacVerificationSchema,
]);
/** A verification setting as stored and answered: `verifyOn` and `forwardOnlyVerified` always present. */
export type VerificationConfig = z.output<typeof verificationConfigSchema>;
/** A verification setting as a client sends it: `verifyOn` and `forwardOnlyVerified` may be left out (defaults). */
export type VerificationInput = z.input<typeof verificationConfigSchema>;

/** Whether a connector's verification checks a request that came in this way. */
export function verifiesSource(config: Pick<VerificationConfig, 'verifyOn'>, source: 'push' | 'capture'): boolean {
  const on = config.verifyOn ?? DEFAULT_VERIFY_ON;
  return on === 'both' || on === source;
}

/** `PATCH /connectors/:id` `verification`: a config or `null` to switch verification off. */
export const verificationSettingSchema = verificationConfigSchema.nullable();
