import { toHex } from '../bytes';
import { hmacBytes, type HmacAlgorithm } from '../hmac';
import { githubSignedContent } from '../signed-content';
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

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`, compared as text the way
 * `@octokit/webhooks-methods` `verify` does (lowercase hex, no timestamp). When only the legacy
 * `X-Hub-Signature: sha1=<hex>` is present (GitHub sends it beside the modern one for old
 * integrations), that one is checked and the answer says so.
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
  const given = value.trim();
  if (!given.startsWith(prefix) || given.length === prefix.length) return malformedSignature(header, `${prefix}<hex>`);
  const expected = `${prefix}${toHex(hmacBytes(algorithm, input.secret, githubSignedContent(input.body)))}`;
  if (!sameSignatureText(given, expected)) return signatureMismatch(header);
  return verified(`${header} matches (HMAC-${algorithm.toUpperCase()} of the body as received).`);
}
