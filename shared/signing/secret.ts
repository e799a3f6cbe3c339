import { toBase64 } from './bytes';
import { STANDARD_WEBHOOKS_PREFIX } from './standard-webhooks';

function randomBytes(byteLength: number): Uint8Array {
  const bytes = new Uint8Array(byteLength);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/**
 * A fresh Standard Webhooks signing secret, `whsec_` + base64 of 24 random bytes from the platform CSPRNG.
 * Valid for both signature kinds: `hmac-sha1` keys with its UTF-8, Standard Webhooks with the decoded bytes.
 */
export function generateWebhookSecret(byteLength = 24): string {
  return `${STANDARD_WEBHOOKS_PREFIX}${toBase64(randomBytes(byteLength))}`;
}

/**
 * A fresh secret in the form the signature scheme's receivers expect: `whsec_` + base64 for Standard
 * Webhooks (what its libraries decode), and for HMAC-SHA1 32 random bytes as base64url with no
 * prefix (its key is the secret's UTF-8 text as typed, so a `whsec_` prefix would only mislead).
 */
export function generateSecretFor(signature: 'hmac-sha1' | 'standard-webhooks'): string {
  if (signature === 'standard-webhooks') return generateWebhookSecret();
  return toBase64(randomBytes(32)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
