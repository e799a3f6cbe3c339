import { toHex } from '../bytes';
import { hmacBytes } from '../hmac';
import { slackSignedContent } from '../signed-content';
import {
  checkTimestamp,
  headerValue,
  malformedSignature,
  missingHeader,
  sameSignatureText,
  signatureMismatch,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

const SIGNATURE = 'X-Slack-Signature';
const TIMESTAMP = 'X-Slack-Request-Timestamp';

/**
 * Slack v0: `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">`. Slack's
 * "Verifying requests" guide compares the text and refuses a timestamp more than five minutes from
 * local time either way (`abs(now - timestamp) > 300`), so both directions count here.
 */
export function verifySlack(input: VerifyInput): VerificationResult {
  const signature = headerValue(input.headers, SIGNATURE);
  if (signature === undefined) return missingHeader(SIGNATURE);
  const timestamp = headerValue(input.headers, TIMESTAMP);
  if (timestamp === undefined) return missingHeader(TIMESTAMP);
  const given = signature.trim();
  if (!given.startsWith('v0=') || given.length === 3) return malformedSignature(SIGNATURE, 'v0=<hex>');
  const expected = `v0=${toHex(hmacBytes('sha256', input.secret, slackSignedContent(timestamp, input.body)))}`;
  if (!sameSignatureText(given, expected)) return signatureMismatch(SIGNATURE);
  return checkTimestamp(TIMESTAMP, timestamp, input, 'both-ways') ?? verified(`${SIGNATURE} matches and the timestamp is recent.`);
}
