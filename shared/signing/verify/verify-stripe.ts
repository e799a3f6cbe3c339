import { toHex } from '../bytes';
import { hmacBytes } from '../hmac';
import { stripeSignedContent } from '../signed-content';
import {
  checkTimestamp,
  headerValue,
  malformedSignature,
  missingHeader,
  parseUnixSeconds,
  sameSignatureText,
  signatureMismatch,
  timestampAge,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

const HEADER = 'Stripe-Signature';

/**
 * Splits `t=...,v1=...,v1=...,v0=...` into the timestamp and the `v1` signatures the way
 * `stripe.webhooks` parses it: comma-separated `key=value` items, keys compared exactly.
 */
export function parseStripeHeader(value: string): { timestamp: string | null; v1: string[] } {
  let timestamp: string | null = null;
  const v1: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq);
    const val = part.slice(eq + 1);
    if (key === 't') timestamp = val;
    else if (key === 'v1') v1.push(val);
  }
  return { timestamp, v1 };
}

/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed by the endpoint's
 * `whsec_...` secret used as text (not base64-decoded). Any one matching `v1` is enough (secret
 * rotation sends two). As in `stripe.webhooks.constructEvent`: the lowercase hex is compared as
 * text, and only a timestamp older than the tolerance fails; one ahead of the clock passes.
 */
export function verifyStripe(input: VerifyInput): VerificationResult {
  const value = headerValue(input.headers, HEADER);
  if (value === undefined) return missingHeader(HEADER);
  const { timestamp, v1 } = parseStripeHeader(value);
  if (timestamp === null || v1.length === 0) return malformedSignature(HEADER, 't=<unix>,v1=<hex>');
  const seconds = parseUnixSeconds(timestamp);
  const expected = toHex(hmacBytes('sha256', input.secret, stripeSignedContent(timestamp, input.body)));
  if (!v1.some((given) => sameSignatureText(given, expected))) return signatureMismatch(HEADER);
  const stale = checkTimestamp(`${HEADER} t`, timestamp, input, 'past-only');
  if (stale) return stale;
  const age = timestampAge(seconds ?? 0, input.nowMs);
  if (age < 0) {
    return verified(
      `${HEADER} v1 matches. The timestamp is ${-age} s ahead of the time of receipt, which Stripe's library accepts (it refuses only old timestamps).`,
    );
  }
  return verified(`${HEADER} v1 matches and the timestamp is recent.`);
}
