import { concat, utf8 } from './bytes';
import { parseUnixSeconds } from './verify/verification-result';

/**
 * What each signature scheme signs: the exact bytes the HMAC runs over, from the body bytes as sent
 * or received (never re-serialized JSON) and the scheme's other signed parts. One function per scheme,
 * used alike by the verifiers (`verify/`), the signature debugger (`diagnose/scheme-model.ts`), the
 * receiver check's senders (`receiver-check/sender-signatures.ts`) and outbound signing
 * (`standard-webhooks.ts`, `hookdesk-signature.ts`), so all of them sign and check the same bytes.
 *
 * A signed timestamp given as text is the header's value as received; as a number, the seconds a
 * sender signs.
 */

/** The timestamp as the libraries sign it: a number as is; Unix-seconds text as its number (` 017` → `17`); other text unchanged. */
function signedSeconds(timestamp: string | number): string {
  if (typeof timestamp === 'number') return String(timestamp);
  return String(parseUnixSeconds(timestamp) ?? timestamp);
}

/** Standard Webhooks (and Svix) `v1`: `${webhook-id}.${webhook-timestamp}.${body}`. */
export function standardWebhooksSignedContent(id: string, timestamp: string | number, body: Uint8Array): Uint8Array {
  return concat(utf8(`${id}.${signedSeconds(timestamp)}.`), body);
}

/**
 * Stripe `v1`: `${t}.${body}`. The library signs the timestamp as a number, so a header's `t=017…`
 * is signed as `17…`; a `t` that is no number is signed as its text.
 */
export function stripeSignedContent(timestamp: string | number, body: Uint8Array): Uint8Array {
  return concat(utf8(`${signedSeconds(timestamp)}.`), body);
}

/** Slack `v0`: `v0:${X-Slack-Request-Timestamp}:${body}`, the timestamp header's text (trimmed) as sent. */
export function slackSignedContent(timestamp: string | number, body: Uint8Array): Uint8Array {
  return concat(utf8(`v0:${String(timestamp).trim()}:`), body);
}

/** GitHub (`X-Hub-Signature-256`, and the legacy `X-Hub-Signature`): the body alone. */
export function githubSignedContent(body: Uint8Array): Uint8Array {
  return body;
}

/** Shopify (`X-Shopify-Hmac-Sha256`): the body alone. */
export function shopifySignedContent(body: Uint8Array): Uint8Array {
  return body;
}

/** Hookdesk's own `hmac-sha1` (`X-Hookdesk-Signature`): the body alone. */
export function hookdeskSignedContent(body: Uint8Array): Uint8Array {
  return body;
}

/**
 * A connector's own HMAC scheme: the `signedPayload` template with `{body}` as the raw body bytes
 * (never decoded) and `{timestamp}` as the timestamp header's value; the literal parts as UTF-8.
 */
export function genericHmacSignedContent(template: string, body: Uint8Array, timestamp: string): Uint8Array {
  const parts = template.split('{body}');
  const chunks: Uint8Array[] = [];
  parts.forEach((part, i) => {
    if (i > 0) chunks.push(body);
    chunks.push(utf8(part.split('{timestamp}').join(timestamp)));
  });
  return concat(...chunks);
}
