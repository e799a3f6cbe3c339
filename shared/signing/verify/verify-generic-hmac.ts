import { constantTimeEqual, fromBase64, fromHex } from '../bytes';
import { hmacBytes, type HmacAlgorithm } from '../hmac';
import { genericHmacSignedContent } from '../signed-content';
import {
  checkTimestamp,
  failed,
  headerValue,
  malformedSignature,
  missingHeader,
  signatureMismatch,
  verified,
  type VerificationResult,
  type VerifyInput,
} from './verification-result';

/** How a custom sender signs: set by the user on the connector. */
export interface GenericHmacSettings {
  algorithm: HmacAlgorithm;
  encoding: 'hex' | 'base64';
  /** Header holding the signature, e.g. `X-Signature`. */
  header: string;
  /** Text before the signature in the header, e.g. `sha256=`; stripped before decoding. */
  prefix?: string;
  /**
   * What is signed: `{body}` stands for the raw body bytes, `{timestamp}` for the value of
   * `timestampHeader`. Default `{body}`; `{timestamp}.{body}` is the common timestamped form.
   */
  signedPayload?: string;
  timestampHeader?: string;
}

function decode(value: string, encoding: 'hex' | 'base64'): Uint8Array | null {
  return encoding === 'hex' ? fromHex(value) : fromBase64(value);
}

/** A user-defined HMAC scheme: algorithm, encoding, header, optional prefix, what is signed. */
export function verifyGenericHmac(input: VerifyInput, settings: GenericHmacSettings): VerificationResult {
  const value = headerValue(input.headers, settings.header);
  if (value === undefined) return missingHeader(settings.header);
  const template = settings.signedPayload ?? '{body}';
  let timestamp = '';
  if (template.includes('{timestamp}')) {
    if (!settings.timestampHeader) return failed('The signed payload uses {timestamp} but no timestamp header is set: set one in the verification settings.');
    const raw = headerValue(input.headers, settings.timestampHeader);
    if (raw === undefined) return missingHeader(settings.timestampHeader);
    timestamp = raw.trim();
  }
  const prefix = settings.prefix ?? '';
  const trimmed = value.trim();
  const given = trimmed.startsWith(prefix) && trimmed.length > prefix.length ? decode(trimmed.slice(prefix.length), settings.encoding) : null;
  if (!given) return malformedSignature(settings.header, `${prefix}<${settings.encoding}>`);
  const expected = hmacBytes(settings.algorithm, input.secret, genericHmacSignedContent(template, input.body, timestamp));
  if (!constantTimeEqual(given, expected)) return signatureMismatch(settings.header);
  const label = `HMAC-${settings.algorithm.toUpperCase()}`;
  if (settings.timestampHeader && template.includes('{timestamp}')) {
    return checkTimestamp(settings.timestampHeader, timestamp, input, 'both-ways') ?? verified(`${settings.header} matches (${label}) and the timestamp is recent.`);
  }
  return verified(`${settings.header} matches (${label} of ${template}).`);
}
