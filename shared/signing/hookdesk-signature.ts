import { toHex } from './bytes';
import { hmacBytes } from './hmac';
import { hookdeskSignedContent } from './signed-content';

/** Header carrying the `hmac-sha1` signature of an outbound request (API.md). */
export const HOOKDESK_SIGNATURE_HEADER = 'X-Hookdesk-Signature';

/** `X-Hookdesk-Signature`: lowercase hex HMAC-SHA1 of the exact body bytes sent, keyed by the secret's UTF-8. */
export function hookdeskSignature(secret: string, body: Uint8Array): string {
  return toHex(hmacBytes('sha1', secret, hookdeskSignedContent(body)));
}
