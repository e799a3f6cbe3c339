import type { WebhookConfig } from '../schemas/webhook';
import type { DispatchEvent } from '../events/dispatch-event';
import { buildEnvelope } from './envelope';
import { formEncodeRecord, toJsonText, UnwritableValueError } from './escape-value';
import { findJsonSyntaxError } from './json-error-position';
import { withLosslessBody } from './lossless-body';
import { renderTemplate } from './render-template';
import { templateView } from './template-view';
import { errorText } from '../errors';

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
  /** `template`: the template does not parse or stopped at a limit (position in the template); `body`: the rendered body is not JSON (position in the body). */
  source: 'template' | 'body';
}

export type RenderRequestBodyResult =
  | { ok: true; body: string | null; contentType: string | null }
  /**
   * Nothing can be sent. `reason` says why in words, always; `error` adds the line and column when
   * the fault has a place (a template or the JSON it rendered), and is null when it has none (an
   * event body that cannot be written into the default envelope).
   */
  | { ok: false; error: BodyRenderError | null; reason: string; body: string | null };

const FIX_TEMPLATE = 'Nothing was sent: fix the template.';

/**
 * The exact body a webhook sends for an event (GET sends none). With a template, a JSON content type
 * must render to valid JSON, else the answer says where it broke. Send and sign `utf8(body)`.
 * Numbers are written as the sender wrote them when the event still has its body's text
 * (`withLosslessBody`). Never throws: the event is the sender's, so whatever it holds comes back as a reason.
 */
export function renderRequestBody(given: RenderRequestBodyInput): RenderRequestBodyResult {
  const { webhook } = given;
  if (webhook.method === 'GET') return { ok: true, body: null, contentType: null };
  const input = { ...given, event: withLosslessBody(given.event) };
  const isJson = webhook.contentType === 'application/json';
  if (webhook.bodyTemplate === null) return renderEnvelope(input, isJson);
  const rendered = renderTemplate(webhook.bodyTemplate, templateView(input), isJson ? 'json' : 'form');
  if (!rendered.ok) {
    const what = rendered.error.message.replace(/^Template error:\s*/, '');
    return { ok: false, error: { ...rendered.error, source: 'template' }, reason: `The body template could not be rendered: ${what}. ${FIX_TEMPLATE}`, body: null };
  }
  if (isJson) {
    const broken = findJsonSyntaxError(rendered.text);
    if (broken) {
      return {
        ok: false,
        error: { message: broken.message, line: broken.line, column: broken.column, source: 'body' },
        reason: `${broken.message}. ${FIX_TEMPLATE}`,
        body: rendered.text,
      };
    }
  }
  return { ok: true, body: rendered.text, contentType: webhook.contentType };
}

function renderEnvelope(input: RenderRequestBodyInput, isJson: boolean): RenderRequestBodyResult {
  const envelope = buildEnvelope(input);
  try {
    const body = isJson ? toJsonText(envelope) : formEncodeRecord({ ...envelope });
    return { ok: true, body, contentType: input.webhook.contentType };
  } catch (error) {
    const why = error instanceof UnwritableValueError ? error.message : `${errorText(error)}.`;
    return {
      ok: false,
      error: null,
      reason: `The event body cannot be written into the default envelope: ${why} Nothing was sent: turn off "Include the entity", or use a body template that picks the fields the receiver needs.`,
      body: null,
    };
  }
}
