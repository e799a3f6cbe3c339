import type { WebhookAuth } from '../schemas/webhook-auth';
import type { WebhookConfig } from '../schemas/webhook';
import { toBase64, utf8 } from '../signing/bytes';
import { HOOKDESK_SIGNATURE_HEADER, hookdeskSignature } from '../signing/hookdesk-signature';
import { standardWebhookHeaders } from '../signing/standard-webhooks';
import type { WebhookEnvelope } from '../template/envelope';

/**
 * A header value from data a sender chose (the event type, the entity's id): every character
 * outside printable ASCII is percent-encoded (UTF-8), so a line break or an emoji in a type can
 * neither inject a header nor make every request of that event fail in the HTTP client.
 */
export function headerSafe(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) out += ch;
    else for (const byte of utf8(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The `X-Hookdesk-*` headers every outbound request carries (API.md); sender-chosen values made header-safe. */
export function hookdeskEventHeaders(envelope: Pick<WebhookEnvelope, 'eventId' | 'eventType' | 'webhookId' | 'entityId' | 'entityUrl'>): Record<string, string> {
  return {
    'X-Hookdesk-Event-Id': headerSafe(envelope.eventId),
    'X-Hookdesk-Event': headerSafe(envelope.eventType),
    'X-Hookdesk-Webhook-Id': envelope.webhookId,
    'X-Hookdesk-Entity-Id': headerSafe(envelope.entityId),
    'X-Hookdesk-Entity-URL': envelope.entityUrl,
  };
}

/** Headers for an auth setting. OAuth2 needs the access token the engine fetched (null: none yet). */
export function authHeaders(auth: WebhookAuth, oauthAccessToken: string | null = null): Record<string, string> {
  switch (auth.type) {
    case 'none':
      return {};
    case 'basic':
      return { Authorization: `Basic ${toBase64(utf8(`${auth.username}:${auth.password}`))}` };
    case 'bearer':
      return { Authorization: `Bearer ${auth.token}` };
    case 'apiKey':
      return { [auth.header]: auth.value };
    case 'oauth2':
      return oauthAccessToken ? { Authorization: `Bearer ${oauthAccessToken}` } : {};
  }
}

export interface SignatureHeadersInput {
  signature: WebhookConfig['signature'];
  secret: string | null;
  /** The exact bytes that will be sent (empty for GET). */
  body: Uint8Array;
  /** Standard Webhooks `webhook-id`: the same for every attempt of one message (use the event id). */
  messageId: string;
  timestampSeconds: number;
}

/** Signature headers: none without a secret; `X-Hookdesk-Signature` or the Standard Webhooks trio. */
export function signatureHeaders(input: SignatureHeadersInput): Record<string, string> {
  if (!input.secret) return {};
  if (input.signature === 'hmac-sha1') return { [HOOKDESK_SIGNATURE_HEADER]: hookdeskSignature(input.secret, input.body) };
  return standardWebhookHeaders({ secret: input.secret, id: input.messageId, timestampSeconds: input.timestampSeconds, body: input.body });
}

/**
 * All headers of an outbound request, later groups winning over earlier ones (names compared
 * ignoring case): custom headers, content type, auth, `X-Hookdesk-*`, signature.
 */
export function mergeHeaders(...groups: Record<string, string>[]): Record<string, string> {
  const byLower = new Map<string, [string, string]>();
  for (const group of groups) {
    for (const [name, value] of Object.entries(group)) byLower.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(byLower.values());
}
