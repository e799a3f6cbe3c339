import { toBase64 } from '../bytes';
import { hmacBytes } from '../hmac';
import { shopifySignedContent } from '../signed-content';
import {
  headerValue,
  malformedSignature,
  missingHeader,
  sameSignatureText,
  signatureMismatch,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

const HEADER = 'X-Shopify-Hmac-Sha256';

/**
 * Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>`, keyed by the app's client
 * secret. Shopify's docs and `@shopify/shopify-api` compare the base64 text to the computed one;
 * there is no timestamp.
 */
export function verifyShopify(input: VerifyInput): VerificationResult {
  const value = headerValue(input.headers, HEADER);
  if (value === undefined) return missingHeader(HEADER);
  const given = value.trim();
  if (given.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(given)) return malformedSignature(HEADER, '<base64>');
  if (!sameSignatureText(given, toBase64(hmacBytes('sha256', input.secret, shopifySignedContent(input.body))))) return signatureMismatch(HEADER);
  return verified(`${HEADER} matches (HMAC-SHA256 of the body as received).`);
}
