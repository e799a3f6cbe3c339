import { concat, constantTimeEqual, fromHex, utf8 } from '../bytes';
import { hmacBytes } from '../hmac';
import {
  checkTimestamp,
  headerValue,
  malformedSignature,
  missingHeader,
  signatureMismatch,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

const HEADER = 'Stripe-Signature';

/** Splits `t=...,v1=...,v1=...,v0=...` into the timestamp and the `v1` signatures. */
export function parseStripeHeader(value: string): { timestamp: string | null; v1: string[] } {
  let timestamp: string | null = null;
  const v1: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (key === 't') timestamp = val;
    else if (key === 'v1') v1.push(val);
  }
  return { timestamp, v1 };
}

/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed by the endpoint's
 * `whsec_...` secret used as text (not base64-decoded). Any one matching `v1` is enough.
 */
export function verifyStripe(input: VerifyInput): VerificationResult {
  const value = headerValue(input.headers, HEADER);
  if (value === undefined) return missingHeader(HEADER);
  const { timestamp, v1 } = parseStripeHeader(value);
  if (timestamp === null || v1.length === 0) return malformedSignature(HEADER, 't=<unix>,v1=<hex>');
  const expected = hmacBytes('sha256', input.secret, concat(utf8(`${timestamp}.`), input.body));
  const matches = v1.some((hex) => {
    const given = fromHex(hex);
    return given !== null && constantTimeEqual(given, expected);
  });
  if (!matches) return signatureMismatch(HEADER);
  return checkTimestamp(`${HEADER} t`, timestamp, input) ?? verified(`${HEADER} v1 matches and the timestamp is recent.`);
}
