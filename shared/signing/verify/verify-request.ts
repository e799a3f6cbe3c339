import type { VerificationConfig } from '../../schemas/verification';
import { verifyGenericHmac } from './verify-generic-hmac';
import { verifyGithub } from './verify-github';
import { verifyShopify } from './verify-shopify';
import { verifySlack } from './verify-slack';
import { verifyStandardWebhooks } from './verify-standard-webhooks';
import { verifyStripe } from './verify-stripe';
import type { RequestHeaders, VerificationResult, VerifyInput } from './verification-result';

export interface VerifyRequestInput {
  headers: RequestHeaders;
  /** The raw body bytes exactly as received (a capture's `bodyBase64`, decoded). */
  body: Uint8Array;
  /** When the request arrived, in ms since the epoch: stored events are judged at their time of receipt. */
  nowMs: number;
}

/** Verifies one inbound request under a connector's setting; `none` when verification is off. */
export function verifyRequest(config: VerificationConfig | null | undefined, request: VerifyRequestInput): VerificationResult {
  if (!config) return { status: 'none', reason: null };
  const input: VerifyInput = { ...request, secret: config.secret, toleranceSeconds: config.toleranceSeconds };
  switch (config.scheme) {
    case 'standard-webhooks':
      return verifyStandardWebhooks(input);
    case 'github':
      return verifyGithub(input);
    case 'stripe':
      return verifyStripe(input);
    case 'shopify':
      return verifyShopify(input);
    case 'slack':
      return verifySlack(input);
    case 'hmac':
      return verifyGenericHmac(input, config);
  }
}
