import { constantTimeEqual, fromBase64 } from '../bytes';
import { hmacBytes } from '../hmac';
import {
  headerValue,
  malformedSignature,
  missingHeader,
  signatureMismatch,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

const HEADER = 'X-Shopify-Hmac-Sha256';

/** Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>`, keyed by the app's client secret. */
export function verifyShopify(input: VerifyInput): VerificationResult {
  const value = headerValue(input.headers, HEADER);
  if (value === undefined) return missingHeader(HEADER);
  const given = fromBase64(value.trim());
  if (!given || given.length === 0) return malformedSignature(HEADER, '<base64>');
  if (!constantTimeEqual(given, hmacBytes('sha256', input.secret, input.body))) return signatureMismatch(HEADER);
  return verified(`${HEADER} matches (HMAC-SHA256 of the body as received).`);
}
