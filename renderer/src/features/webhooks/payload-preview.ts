import { withBody, type DispatchEvent } from '../../../../shared/events/dispatch-event';
import type { EventSample } from '../../../../shared/schemas/event-type';
import { authHeaders, hookdeskEventHeaders, mergeHeaders, signatureHeaders } from '../../../../shared/outbound/outbound-headers';
import { isMasked, type WebhookAuth } from '../../../../shared/schemas/webhook';
import { utf8 } from '../../../../shared/signing/bytes';
import { buildEnvelope } from '../../../../shared/template/envelope';
import { withLosslessBody } from '../../../../shared/template/lossless-body';
import { renderRequestBody, type RenderRequestBodyResult } from '../../../../shared/template/render-request-body';
import { templateView } from '../../../../shared/template/template-view';
import { templateFieldPaths } from '../../../../shared/template/field-paths';
import { previewValues } from './draft-to-patch';
import type { WebhookDraft } from './webhook-draft';

export interface PayloadPreview {
  body: RenderRequestBodyResult;
  headers: Record<string, string>;
}

type Target = { id: string; name: string; storedSecret?: string | null };

/**
 * What the engine would send for `event` with the draft's settings: the exact body and the headers
 * (credentials left masked). Numbers show as the sender wrote them: the sample carries its body's
 * text (`bodyJson` or `bodyBase64`), parsed here once as the engine does.
 */
export function previewRequest(draft: WebhookDraft, webhook: Target, sample: DispatchEvent, apiBaseUrl: string): PayloadPreview {
  const event = withLosslessBody(sample);
  const values = previewValues(draft);
  const target = { ...webhook, method: draft.method, contentType: draft.contentType, includeEntity: draft.includeEntity, bodyTemplate: draft.bodyTemplate, jsonPayloadEnabled: draft.jsonPayloadEnabled };
  const body = renderRequestBody({ webhook: target, event, apiBaseUrl });
  const envelope = buildEnvelope({ webhook: target, event, apiBaseUrl });
  const auth = values.auth as WebhookAuth;
  const maskedAuth = Object.values(auth).some(isMasked);
  const authPart = maskedAuth ? { Authorization: '(the stored credential)' } : safeAuthHeaders(auth);
  if (auth.type === 'oauth2') authPart.Authorization = 'Bearer (access token fetched from the token URL)';
  const secret = draft.secret.remove ? null : draft.secret.value || null;
  const keepsStored = !draft.secret.remove && !secret && Boolean(webhook.storedSecret);
  const signing = secret
    ? safeSignature(draft.signature, secret, body.body ?? '', event.id)
    : keepsStored
      ? { [draft.signature === 'hmac-sha1' ? 'X-Hookdesk-Signature' : 'webhook-signature']: '(computed with the stored secret when sent)' }
      : {};
  const headers = mergeHeaders(
    (values.headers as Record<string, string>) ?? {},
    body.ok && body.contentType ? { 'Content-Type': body.contentType } : {},
    authPart,
    hookdeskEventHeaders(envelope),
    signing,
  );
  return { body, headers };
}

function safeSignature(signature: WebhookDraft['signature'], secret: string, body: string, messageId: string): Record<string, string> {
  try {
    return signatureHeaders({ signature, secret, body: utf8(body), messageId, timestampSeconds: Math.floor(Date.now() / 1000) });
  } catch {
    return { [signature === 'hmac-sha1' ? 'X-Hookdesk-Signature' : 'webhook-signature']: '(the secret is not valid for this signature)' };
  }
}

function safeAuthHeaders(auth: WebhookAuth): Record<string, string> {
  try {
    return authHeaders(auth);
  } catch {
    return {};
  }
}

/**
 * `{{` completion paths: every field the template view of this event exposes (`data.*`, `event.*`,
 * `webhook.*`, envelope fields), with the body's fields taken from `completionBody` when the engine
 * gave one (every field seen in events of this type, not only the latest event's).
 */
export function completionPaths(draft: Pick<WebhookDraft, 'includeEntity' | 'jsonPayloadEnabled'>, webhook: Target, sample: EventSample, apiBaseUrl: string): string[] {
  const { completionBody, ...rest } = sample;
  const event: DispatchEvent = completionBody === undefined ? rest : withBody(rest, completionBody);
  const view = templateView({ webhook: { ...webhook, includeEntity: draft.includeEntity, jsonPayloadEnabled: draft.jsonPayloadEnabled }, event, apiBaseUrl });
  return templateFieldPaths(view);
}
