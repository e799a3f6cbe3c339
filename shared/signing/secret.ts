import { toBase64 } from './bytes';
import { STANDARD_WEBHOOKS_PREFIX } from './standard-webhooks';

/**
 * A fresh signing secret, `whsec_` + base64 of 24 random bytes from the platform CSPRNG.
 * Valid for both signature kinds: `hmac-sha1` keys with its UTF-8, Standard Webhooks with the decoded bytes.
 */
export function generateWebhookSecret(byteLength = 24): string {
  const bytes = new Uint8Array(byteLength);
  globalThis.crypto.getRandomValues(bytes);
  return `${STANDARD_WEBHOOKS_PREFIX}${toBase64(bytes)}`;
}
