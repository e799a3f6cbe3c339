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
 * Checks a signed Unix timestamp (seconds) against now; null when within tolerance, else the failure.
 */
export function checkTimestamp(header: string, raw: string, input: VerifyInput): VerificationResult | null {
  if (!/^\d{1,12}$/.test(raw.trim())) return failed(`The ${header} value "${raw}" is not a Unix timestamp in seconds.`);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const skew = Math.round(input.nowMs / 1000) - Number(raw.trim());
  if (Math.abs(skew) <= tolerance) return null;
  const when = new Date(Number(raw.trim()) * 1000).toISOString();
  const direction = skew > 0 ? `${skew} s older than` : `${-skew} s ahead of`;
  return failed(
    `The signed timestamp (${when}) is ${direction} the time of receipt, outside the ${tolerance} s tolerance. ` +
      'It may be a replayed request, or the sender\'s clock is off; raise the tolerance if the clocks are known to differ.',
  );
}
