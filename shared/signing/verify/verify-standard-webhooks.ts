import { toBase64 } from '../bytes';
import { decodeStandardSecret, standardSignatureBytes } from '../standard-webhooks';
import {
  checkTimestamp,
  failed,
  headerValue,
  malformedSignature,
  missingHeader,
  sameSignatureText,
  signatureMismatch,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

/** Reads `webhook-*` headers, falling back to the `svix-*` names that Svix-based senders use. */
function pick(input: VerifyInput, suffix: 'id' | 'timestamp' | 'signature'): { name: string; value: string } | null {
  for (const name of [`webhook-${suffix}`, `svix-${suffix}`]) {
    const value = headerValue(input.headers, name);
    if (value !== undefined) return { name, value: value.trim() };
  }
  return null;
}

/**
 * Any `v1,<base64>` in the space-separated list matching the expected signature. The base64 text is
 * compared as the libraries compare it (standard alphabet, padded), not decoded leniently first.
 */
function anyMatches(list: string, expected: string): { matched: boolean; sawV1: boolean } {
  let sawV1 = false;
  for (const entry of list.split(' ')) {
    const [version, encoded] = entry.split(',', 2);
    if (version !== 'v1' || !encoded) continue;
    sawV1 = true;
    if (sameSignatureText(encoded, expected)) return { matched: true, sawV1 };
  }
  return { matched: false, sawV1 };
}

/**
 * Standard Webhooks: `webhook-signature` holds space-separated `v1,<base64>` entries, each an
 * HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}` keyed by the decoded `whsec_` secret.
 * As in the `standardwebhooks` and `svix` libraries' `verify`, the timestamp may be off by the
 * tolerance either way (too old or too far ahead both fail).
 */
export function verifyStandardWebhooks(input: VerifyInput): VerificationResult {
  const key = decodeStandardSecret(input.secret);
  if (!key) return failed('The secret configured here is not a Standard Webhooks secret ("whsec_" followed by base64).');
  const signature = pick(input, 'signature');
  if (!signature) return missingHeader('webhook-signature');
  const id = pick(input, 'id');
  if (!id) return missingHeader('webhook-id');
  const timestamp = pick(input, 'timestamp');
  if (!timestamp) return missingHeader('webhook-timestamp');
  if (!/^\d{1,12}$/.test(timestamp.value)) {
    return failed(`The ${timestamp.name} value "${timestamp.value}" is not a Unix timestamp in seconds.`);
  }
  const expected = toBase64(standardSignatureBytes(key, id.value, Number(timestamp.value), input.body));
  const { matched, sawV1 } = anyMatches(signature.value, expected);
  if (!sawV1) return malformedSignature(signature.name, 'space-separated "v1,<base64>" entries');
  if (!matched) return signatureMismatch(signature.name);
  return checkTimestamp(timestamp.name, timestamp.value, input, 'both-ways') ?? verified(`${signature.name} v1 matches and the timestamp is recent.`);
}
