import { fromBase64, toBase64 } from './bytes';
import { hmacBytes } from './hmac';
import { standardWebhooksSignedContent } from './signed-content';

/**
 * Standard Webhooks (standardwebhooks.com), symmetric `v1`: HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}`, keyed by the base64 part of a `whsec_` secret.
 */
export const STANDARD_WEBHOOKS_PREFIX = 'whsec_';

/** The key bytes of a Standard Webhooks secret (`whsec_` optional); null when it is not base64. */
export function decodeStandardSecret(secret: string): Uint8Array | null {
  const raw = secret.startsWith(STANDARD_WEBHOOKS_PREFIX) ? secret.slice(STANDARD_WEBHOOKS_PREFIX.length) : secret;
  const key = fromBase64(raw);
  return key && key.length > 0 ? key : null;
}

/** The raw HMAC bytes of one message (what follows `v1,` once base64-decoded). */
export function standardSignatureBytes(key: Uint8Array, id: string, timestampSeconds: number, body: Uint8Array): Uint8Array {
  return hmacBytes('sha256', key, standardWebhooksSignedContent(id, timestampSeconds, body));
}

export interface StandardSignInput {
  secret: string;
  id: string;
  timestampSeconds: number;
  body: Uint8Array;
}

/** The `webhook-signature` value, `v1,<base64>`. Throws when the secret is not a `whsec_`/base64 secret. */
export function signStandardWebhook(input: StandardSignInput): string {
  const key = decodeStandardSecret(input.secret);
  if (!key) throw new Error('The Standard Webhooks secret must be "whsec_" followed by base64.');
  return `v1,${toBase64(standardSignatureBytes(key, input.id, input.timestampSeconds, input.body))}`;
}

/** The three headers the specification defines, ready to set on the outbound request. */
export function standardWebhookHeaders(input: StandardSignInput): Record<string, string> {
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': signStandardWebhook(input),
  };
}
