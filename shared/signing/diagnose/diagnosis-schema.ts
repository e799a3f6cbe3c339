import { z } from 'zod';
import { verificationResultSchema } from '../../schemas/event';
import { VERIFICATION_SCHEMES } from '../../schemas/verification';

/** What the signature debugger found (issue #15, "Signature debugger"): `GET /events/:id/signature-diagnosis`. */

export const DIAGNOSIS_CAUSES = [
  'missing-header',
  'other-provider',
  'secret-unusable',
  'timestamp',
  'secret-encoding',
  'secret-prefix',
  'secret-whitespace',
  'body-reserialized',
  'algorithm',
  'encoding',
  'matches-now',
  'no-match',
] as const;
export type DiagnosisCauseKind = (typeof DIAGNOSIS_CAUSES)[number];

export const diagnosisCauseSchema = z.object({
  kind: z.enum(DIAGNOSIS_CAUSES),
  /** One line: the most likely cause. */
  title: z.string(),
  /** Why this is the cause (what matched). */
  detail: z.string(),
  /** What to change. */
  fix: z.string(),
});
export type DiagnosisCause = z.infer<typeof diagnosisCauseSchema>;

export const signatureDiagnosisSchema = z.object({
  scheme: z.enum(VERIFICATION_SCHEMES),
  /** The header the scheme reads the signature from. */
  header: z.string(),
  /** The bytes the scheme signs for this request (with the body as received), at most 4 KiB shown. */
  signedContent: z.object({
    /** What is signed, in words: `webhook-id.webhook-timestamp.body`, `t.body`, `body`, `v0:X-Slack-Request-Timestamp:body`. */
    label: z.string(),
    /** The content (text, or base64 when `encoding` says so), cut at 4 KiB when `truncated`. */
    text: z.string(),
    encoding: z.enum(['utf8', 'base64']).optional(),
    truncated: z.boolean().optional(),
    bytes: z.number().int().nonnegative(),
  }),
  /** The signature header's value as received (cut at 1 KiB), or null when it is missing. */
  received: z.string().nullable(),
  /** The signature computed with the configured secret, in the header's form; null when the secret cannot key this scheme. */
  computed: z.string().nullable(),
  /** The configured secret as a hint only (length, prefix), never its value. */
  secretHint: z.string(),
  /** Verification run again now with the connector's current settings. */
  recheck: verificationResultSchema,
  cause: diagnosisCauseSchema,
  /** Every usual mistake tried, in order, and whether it made the signature match. */
  tried: z.array(z.object({ step: z.string(), matched: z.boolean() })),
});
export type SignatureDiagnosis = z.infer<typeof signatureDiagnosisSchema>;

/** `GET /events/:id/signature-diagnosis`: the stored result, and the diagnosis (null with a `note` saying why there is none). */
export const signatureDiagnosisAnswerSchema = z.object({
  eventId: z.string(),
  verification: verificationResultSchema,
  diagnosis: signatureDiagnosisSchema.nullable(),
  note: z.string().nullable(),
});
export type SignatureDiagnosisAnswer = z.infer<typeof signatureDiagnosisAnswerSchema>;
