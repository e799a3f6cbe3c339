import { fromHex, constantTimeEqual } from '../bytes';
import { hmacBytes, type HmacAlgorithm } from '../hmac';
import {
  headerValue,
  malformedSignature,
  missingHeader,
  signatureMismatch,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`. When only the legacy
 * `X-Hub-Signature: sha1=<hex>` is present, that one is checked and the answer says so.
 */
export function verifyGithub(input: VerifyInput): VerificationResult {
  const modern = headerValue(input.headers, 'X-Hub-Signature-256');
  if (modern !== undefined) return check(input, 'X-Hub-Signature-256', modern, 'sha256');
  const legacy = headerValue(input.headers, 'X-Hub-Signature');
  if (legacy !== undefined) return check(input, 'X-Hub-Signature', legacy, 'sha1');
  return missingHeader('X-Hub-Signature-256');
}

function check(input: VerifyInput, header: string, value: string, algorithm: HmacAlgorithm): VerificationResult {
  const prefix = `${algorithm}=`;
  const trimmed = value.trim();
  const given = trimmed.startsWith(prefix) ? fromHex(trimmed.slice(prefix.length)) : null;
  if (!given) return malformedSignature(header, `${prefix}<hex>`);
  const expected = hmacBytes(algorithm, input.secret, input.body);
  if (!constantTimeEqual(given, expected)) return signatureMismatch(header);
  return verified(`${header} matches (HMAC-${algorithm.toUpperCase()} of the body as received).`);
}
