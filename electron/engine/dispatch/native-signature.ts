import { createHmac } from 'node:crypto';
import { signatureHeaders, type SignatureHeadersInput } from '../../../shared/outbound/outbound-headers';
import { HOOKDESK_SIGNATURE_HEADER } from '../../../shared/signing/hookdesk-signature';
import { utf8 } from '../../../shared/signing/bytes';
import { decodeStandardSecret } from '../../../shared/signing/standard-webhooks';

/**
 * `signatureHeaders` with Node's native HMAC: the same headers, byte for byte, as the shared pure-JS
 * version (which the editor's preview uses), at a fraction of the cost per delivery (the JS SHA-1
 * was ~2 % of the engine in the dispatch profile). Keys are the secret's UTF-8 bytes exactly as the
 * shared code takes them. A Standard Webhooks secret that is not base64 goes to the shared code,
 * so its error is the same.
 */
export function nativeSignatureHeaders(input: SignatureHeadersInput): Record<string, string> {
  if (!input.secret) return {};
  if (input.signature === 'hmac-sha1') {
    return { [HOOKDESK_SIGNATURE_HEADER]: createHmac('sha1', utf8(input.secret)).update(input.body).digest('hex') };
  }
  const key = decodeStandardSecret(input.secret);
  if (!key) return signatureHeaders(input);
  const signature = createHmac('sha256', key).update(utf8(`${input.messageId}.${input.timestampSeconds}.`)).update(input.body).digest('base64');
  return { 'webhook-id': input.messageId, 'webhook-timestamp': String(input.timestampSeconds), 'webhook-signature': `v1,${signature}` };
}
