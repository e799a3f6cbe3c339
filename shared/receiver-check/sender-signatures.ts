import { toBase64, toHex } from '../signing/bytes';
import { hmacBytes } from '../signing/hmac';
import { hookdeskSignature, HOOKDESK_SIGNATURE_HEADER } from '../signing/hookdesk-signature';
import { githubSignedContent, shopifySignedContent, slackSignedContent, stripeSignedContent } from '../signing/signed-content';
import { decodeStandardSecret, standardSignatureBytes } from '../signing/standard-webhooks';

/**
 * How each sender of the receiver check signs one delivery, built on `shared/signing`. Every
 * function signs the exact body bytes; none re-serializes JSON. `secrets` holds one secret, or two
 * during a secret rotation (then the header carries one signature per secret, as Standard Webhooks
 * and Stripe do while both the old and the new secret are live).
 */
export interface SignDeliveryInput {
  secrets: readonly string[];
  /** The delivery's id (Standard Webhooks signs it; the others carry it in their own headers). */
  id: string;
  timestampSeconds: number;
  body: Uint8Array;
}

export type SignedHeaders = Record<string, string>;

/** `webhook-signature: v1,<sig> v1,<sig>` over `id.timestamp.body`, keyed by each `whsec_` secret's bytes. */
export function signStandardWebhooksDelivery(input: SignDeliveryInput): SignedHeaders {
  const signatures = input.secrets.map((secret) => {
    const key = decodeStandardSecret(secret);
    if (!key) throw new Error('The Standard Webhooks secret must be "whsec_" followed by base64.');
    return `v1,${toBase64(standardSignatureBytes(key, input.id, input.timestampSeconds, input.body))}`;
  });
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': signatures.join(' '),
  };
}

/** `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>]`: HMAC-SHA256 of `t.body`, keyed by the secret's text. */
export function signStripeDelivery(input: SignDeliveryInput): SignedHeaders {
  const signed = stripeSignedContent(input.timestampSeconds, input.body);
  const v1 = input.secrets.map((secret) => `v1=${toHex(hmacBytes('sha256', secret, signed))}`);
  return { 'Stripe-Signature': [`t=${input.timestampSeconds}`, ...v1].join(',') };
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>` (GitHub signs with one secret only). */
export function signGithubDelivery(input: SignDeliveryInput): SignedHeaders {
  return { 'X-Hub-Signature-256': `sha256=${toHex(hmacBytes('sha256', firstSecret(input), githubSignedContent(input.body)))}` };
}

/** `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>`, keyed by the app's client secret. */
export function signShopifyDelivery(input: SignDeliveryInput): SignedHeaders {
  return { 'X-Shopify-Hmac-Sha256': toBase64(hmacBytes('sha256', firstSecret(input), shopifySignedContent(input.body))) };
}

/** `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">` plus `X-Slack-Request-Timestamp`. */
export function signSlackDelivery(input: SignDeliveryInput): SignedHeaders {
  const signed = slackSignedContent(input.timestampSeconds, input.body);
  return {
    'X-Slack-Request-Timestamp': String(input.timestampSeconds),
    'X-Slack-Signature': `v0=${toHex(hmacBytes('sha256', firstSecret(input), signed))}`,
  };
}

/** `X-Hookdesk-Signature: <hex HMAC-SHA1 of the body>`, as Hookdesk's own webhooks sign (API.md). */
export function signHookdeskDelivery(input: SignDeliveryInput): SignedHeaders {
  return { [HOOKDESK_SIGNATURE_HEADER]: hookdeskSignature(firstSecret(input), input.body) };
}

function firstSecret(input: SignDeliveryInput): string {
  const secret = input.secrets[0];
  if (secret === undefined) throw new Error('A delivery is signed with at least one secret.');
  return secret;
}
