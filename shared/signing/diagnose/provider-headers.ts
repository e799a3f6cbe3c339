import type { VerificationScheme } from '../../schemas/verification';
import { headerValue, type RequestHeaders } from '../verify/verification-result';

/** A signature header that names its provider, and the scheme Hookdesk verifies it with (null: none built in). */
export interface ProviderHeader {
  header: string;
  provider: string;
  scheme: Exclude<VerificationScheme, 'hmac'> | null;
}

/** Known signature headers, most specific first. */
export const PROVIDER_HEADERS: readonly ProviderHeader[] = [
  { header: 'Stripe-Signature', provider: 'Stripe', scheme: 'stripe' },
  { header: 'X-Hub-Signature-256', provider: 'GitHub', scheme: 'github' },
  { header: 'X-Hub-Signature', provider: 'GitHub (legacy SHA-1)', scheme: 'github' },
  { header: 'X-Shopify-Hmac-Sha256', provider: 'Shopify', scheme: 'shopify' },
  { header: 'X-Slack-Signature', provider: 'Slack', scheme: 'slack' },
  { header: 'webhook-signature', provider: 'Standard Webhooks', scheme: 'standard-webhooks' },
  { header: 'svix-signature', provider: 'Svix (Standard Webhooks)', scheme: 'standard-webhooks' },
  { header: 'X-Hookdesk-Signature', provider: 'Hookdesk hmac-sha1', scheme: null },
  { header: 'X-Twilio-Signature', provider: 'Twilio', scheme: null },
  { header: 'Paddle-Signature', provider: 'Paddle', scheme: null },
  { header: 'X-Square-Hmacsha256-Signature', provider: 'Square', scheme: null },
];

/** The providers whose signature header the request carries, other than the scheme configured (and other than the header it reads). */
export function otherProviderHeaders(headers: RequestHeaders, configured: VerificationScheme, configuredHeader: string): ProviderHeader[] {
  return PROVIDER_HEADERS.filter(
    (known) =>
      known.scheme !== configured &&
      known.header.toLowerCase() !== configuredHeader.toLowerCase() &&
      headerValue(headers, known.header) !== undefined,
  );
}
