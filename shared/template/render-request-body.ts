import type { WebhookConfig } from '../schemas/webhook';
import type { DispatchEvent } from '../events/dispatch-event';
import { buildEnvelope } from './envelope';
import { formEncodeRecord, toJsonText } from './escape-value';
import { findJsonSyntaxError } from './json-error-position';
import { renderTemplate } from './render-template';
import { templateView } from './template-view';

export interface RenderRequestBodyInput {
  webhook: Pick<WebhookConfig, 'method' | 'contentType' | 'includeEntity' | 'bodyTemplate' | 'jsonPayloadEnabled'> & { id: string; name: string };
  event: DispatchEvent;
  /** Base URL of the management API, for `entityUrl`. */
  apiBaseUrl: string;
}

export interface BodyRenderError {
  message: string;
  line: number;
  column: number;
  /** `template`: the template itself does not parse (position in the template); `body`: the rendered body is not JSON (position in the body). */
  source: 'template' | 'body';
}

export type RenderRequestBodyResult =
  | { ok: true; body: string | null; contentType: string | null }
  | { ok: false; error: BodyRenderError; body: string | null };

/**
 * The exact body a webhook sends for an event (GET sends none). With a template, a JSON content type
 * must render to valid JSON, else the answer says where it broke. Send and sign `utf8(body)`.
 */
export function renderRequestBody(input: RenderRequestBodyInput): RenderRequestBodyResult {
  const { webhook } = input;
  if (webhook.method === 'GET') return { ok: true, body: null, contentType: null };
  const isJson = webhook.contentType === 'application/json';
  if (webhook.bodyTemplate === null) {
    const envelope = buildEnvelope(input);
    const body = isJson ? toJsonText(envelope) : formEncodeRecord({ ...envelope });
    return { ok: true, body, contentType: webhook.contentType };
  }
  const rendered = renderTemplate(webhook.bodyTemplate, templateView(input), isJson ? 'json' : 'form');
  if (!rendered.ok) return { ok: false, error: { ...rendered.error, source: 'template' }, body: null };
  if (isJson) {
    const broken = findJsonSyntaxError(rendered.text);
    if (broken) return { ok: false, error: { message: broken.message, line: broken.line, column: broken.column, source: 'body' }, body: rendered.text };
  }
  return { ok: true, body: rendered.text, contentType: webhook.contentType };
}
