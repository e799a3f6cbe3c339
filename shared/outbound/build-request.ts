import type { DispatchEvent } from '../events/dispatch-event';
import type { BodyError, InvocationRequest } from '../schemas/delivery';
import type { WebhookConfig } from '../schemas/webhook';
import { utf8 } from '../signing/bytes';
import { buildEnvelope } from '../template/envelope';
import { withLosslessBody } from '../template/lossless-body';
import { renderRequestBody } from '../template/render-request-body';
import { authHeaders, hookdeskEventHeaders, mergeHeaders, signatureHeaders, type SignatureHeadersInput } from './outbound-headers';
import { errorText } from '../errors';

export const USER_AGENT = 'Hookdesk-Webhooks/1';

export interface BuildRequestInput {
  webhook: Pick<
    WebhookConfig,
    'url' | 'method' | 'contentType' | 'includeEntity' | 'bodyTemplate' | 'jsonPayloadEnabled' | 'auth' | 'headers' | 'secret' | 'signature'
  > & { id: string; name: string };
  event: DispatchEvent;
  /** Base URL of the management API, for `entityUrl`. */
  apiBaseUrl: string;
  /** The OAuth2 access token the engine fetched (null: none, or not an OAuth2 webhook). */
  oauthAccessToken?: string | null;
  /** Unix seconds for the Standard Webhooks timestamp. */
  timestampSeconds: number;
  /**
   * Computes the signature headers (default: `signatureHeaders`, pure JS for Node and the browser).
   * The engine passes a native HMAC with the same output (electron/engine/dispatch/native-signature.ts).
   */
  sign?: (input: SignatureHeadersInput) => Record<string, string>;
}

export type BuildRequestResult =
  | { ok: true; request: InvocationRequest; bodyBytes: Uint8Array | null }
  /**
   * The request cannot be built for this event, and building it again gives the same answer (so a
   * delivery fails once, not retried). `reason` says why in words; `error` places it in the template
   * or the rendered body when it has a place.
   */
  | { ok: false; error: BodyError | null; reason: string; request: InvocationRequest };

/**
 * The exact request a webhook sends for an event: body (template or envelope), then headers in this
 * order, later ones winning: custom headers, content type, user agent, auth, `X-Hookdesk-*`,
 * signature over `utf8(body)`. Pure, so the editor's preview shows what the engine will send.
 * Never throws: the event is the sender's, and a throw here once left a delivery pending forever.
 */
export function buildOutboundRequest(input: BuildRequestInput): BuildRequestResult {
  try {
    return build(input);
  } catch (error) {
    const why = errorText(error);
    return {
      ok: false,
      error: null,
      reason: `The request could not be built for this event (${why}). Nothing was sent.`,
      request: { method: input.webhook.method, url: input.webhook.url, headers: {}, body: null },
    };
  }
}

function build(input: BuildRequestInput): BuildRequestResult {
  const { webhook, apiBaseUrl } = input;
  // Parsed once for the body and the headers (`X-Hookdesk-Entity-Id` keeps the id's digits too).
  const event = withLosslessBody(input.event);
  const rendered = renderRequestBody({ webhook, event, apiBaseUrl });
  const envelope = buildEnvelope({ webhook, event, apiBaseUrl });
  const base = mergeHeaders(
    webhook.headers,
    rendered.ok && rendered.contentType ? { 'Content-Type': rendered.contentType } : {},
    { 'User-Agent': USER_AGENT },
    authHeaders(webhook.auth, input.oauthAccessToken ?? null),
    hookdeskEventHeaders(envelope),
  );
  if (!rendered.ok) {
    return { ok: false, error: rendered.error, reason: rendered.reason, request: { method: webhook.method, url: webhook.url, headers: base, body: rendered.body } };
  }
  const bodyBytes = rendered.body === null ? null : utf8(rendered.body);
  const signed = (input.sign ?? signatureHeaders)({
    signature: webhook.signature,
    secret: webhook.secret,
    body: bodyBytes ?? new Uint8Array(0),
    messageId: event.id,
    timestampSeconds: input.timestampSeconds,
  });
  return { ok: true, request: { method: webhook.method, url: webhook.url, headers: mergeHeaders(base, signed), body: rendered.body }, bodyBytes };
}
