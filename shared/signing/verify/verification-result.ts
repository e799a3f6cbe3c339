import { constantTimeEqual, utf8 } from '../bytes';

/** What every relay verifier answers: the shape of an event's `verification` field (API.md, Relay). */
export interface VerificationResult {
  status: 'verified' | 'failed' | 'none';
  reason: string | null;
}

export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Input shared by all verifiers: the raw body bytes as received, never re-serialized JSON. */
export interface VerifyInput {
  headers: RequestHeaders;
  body: Uint8Array;
  secret: string;
  /** Current time in ms since the epoch (for a stored event, the time it was received). */
  nowMs: number;
  /** Allowed clock difference for schemes with a signed timestamp; default 300 s. */
  toleranceSeconds?: number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

export function verified(reason: string): VerificationResult {
  return { status: 'verified', reason };
}

export function failed(reason: string): VerificationResult {
  return { status: 'failed', reason };
}

/** Case-insensitive header lookup; repeated headers are joined with ", " as HTTP allows. */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

export function missingHeader(header: string): VerificationResult {
  return failed(
    `No ${header} header: the sender did not sign this request, or something between it and Hookdesk removed the header. ` +
      'Check that signing is switched on at the sender.',
  );
}

/** Honest wording: a wrong secret and a changed body look the same from here. */
export function signatureMismatch(header: string): VerificationResult {
  return failed(
    `The ${header} signature does not match. Either the secret configured here is not the one the sender signs with, ` +
      'or the body changed after it was signed (a proxy re-encoding JSON, for example); the two cannot be told apart. ' +
      'Check the secret first.',
  );
}

export function malformedSignature(header: string, expected: string): VerificationResult {
  return failed(`The ${header} header is not in the expected form (${expected}): it cannot be checked.`);
}

/**
 * Which side of the clock a signed timestamp may fall on, as each scheme's official library decides:
 * `past-only` (Stripe's `constructEvent`: only an old timestamp fails; one ahead of the clock passes),
 * `both-ways` (standardwebhooks/svix `verify`, Slack's documented check: too old or too new fails).
 */
export type TimestampWindow = 'past-only' | 'both-ways';

/** A signed Unix timestamp in seconds as the libraries read it; null when it is not one. */
export function parseUnixSeconds(raw: string): number | null {
  const text = raw.trim();
  return /^\d{1,12}$/.test(text) ? Number(text) : null;
}

/**
 * Checks a signed Unix timestamp (seconds) against now; null when within tolerance, else the failure.
 * Age is whole seconds, `floor(now) - timestamp`, and the tolerance itself is still inside, as in
 * the official libraries (so an edge case never reads "verified" here and "refused" there).
 */
export function checkTimestamp(header: string, raw: string, input: VerifyInput, window: TimestampWindow = 'both-ways'): VerificationResult | null {
  const seconds = parseUnixSeconds(raw);
  if (seconds === null) return failed(`The ${header} value "${raw}" is not a Unix timestamp in seconds.`);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = timestampAge(seconds, input.nowMs);
  const tooOld = age > tolerance;
  const tooNew = window === 'both-ways' && -age > tolerance;
  if (!tooOld && !tooNew) return null;
  const when = new Date(seconds * 1000).toISOString();
  const direction = age > 0 ? `${age} s older than` : `${-age} s ahead of`;
  return failed(
    `The signed timestamp (${when}) is ${direction} the time of receipt, outside the ${tolerance} s tolerance. ` +
      'It may be a replayed request, or the sender\'s clock is off; raise the tolerance if the clocks are known to differ.',
  );
}

/** Whole seconds between a signed timestamp and now; negative when the timestamp is ahead of the clock. */
export function timestampAge(seconds: number, nowMs: number): number {
  return Math.floor(nowMs / 1000) - seconds;
}

/** Compares two signature texts in time that depends only on their lengths (libraries compare the encoded text). */
export function sameSignatureText(given: string, expected: string): boolean {
  return constantTimeEqual(utf8(given), utf8(expected));
}
