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

const SIGNATURE = 'X-Slack-Signature';
const TIMESTAMP = 'X-Slack-Request-Timestamp';

/** Slack v0: `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">`, timestamp within tolerance. */
export function verifySlack(input: VerifyInput): VerificationResult {
  const signature = headerValue(input.headers, SIGNATURE);
  if (signature === undefined) return missingHeader(SIGNATURE);
  const timestamp = headerValue(input.headers, TIMESTAMP);
  if (timestamp === undefined) return missingHeader(TIMESTAMP);
  const trimmed = signature.trim();
  const given = trimmed.startsWith('v0=') ? fromHex(trimmed.slice(3)) : null;
  if (!given) return malformedSignature(SIGNATURE, 'v0=<hex>');
  const base = concat(utf8(`v0:${timestamp.trim()}:`), input.body);
  if (!constantTimeEqual(given, hmacBytes('sha256', input.secret, base))) return signatureMismatch(SIGNATURE);
  return checkTimestamp(TIMESTAMP, timestamp, input) ?? verified(`${SIGNATURE} matches and the timestamp is recent.`);
}
