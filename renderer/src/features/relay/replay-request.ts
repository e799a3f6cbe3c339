import type { HookEvent } from '../../../../shared/schemas/event';
import type { Invocation } from '../../../../shared/schemas/delivery';
import type { ReplayRequest, ReplayTargetKind } from '../../../../shared/schemas/replay';
import { PUSH_KEY_HEADERS, forwardUrl, isHopByHop } from '../../../../shared/relay/forward-request';
import { base64ToBytes } from '../../lib/format';
import { formatHeaderLines, parseHeaderLines } from '../connectors/connector-form';

/** The event's body as the replay editor holds it: the exact bytes as UTF-8 text, or binary (not editable). */
export type EditableBody = { kind: 'text'; text: string; language: 'json' | 'plaintext' | 'xml' | 'html' } | { kind: 'binary'; size: number };

function languageOf(contentType: string | null | undefined, text: string): 'json' | 'plaintext' | 'xml' | 'html' {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('html')) return 'html';
  if (type.includes('xml')) return 'xml';
  try {
    JSON.parse(text);
    return 'json';
  } catch {
    return 'plaintext';
  }
}

/** Captures carry the exact bytes (`bodyBase64`); pushes carry parsed JSON, shown compact as sent. */
export function editableBody(event: HookEvent): EditableBody {
  if (event.bodyBase64 !== undefined) {
    const bytes = base64ToBytes(event.bodyBase64);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { kind: 'text', text, language: languageOf(event.contentType, text) };
    } catch {
      return { kind: 'binary', size: bytes.length };
    }
  }
  const text = typeof event.body === 'string' ? event.body : (JSON.stringify(event.body) ?? '');
  return { kind: 'text', text, language: languageOf(event.contentType, text) };
}

/** Headers the engine drops or sets itself when sending (hop-by-hop ones, the length, the push key): not offered for editing. */
function setWhenSent(name: string): boolean {
  return isHopByHop(name) || PUSH_KEY_HEADERS.has(name.toLowerCase());
}

function sentHeaders(event: HookEvent): Record<string, string> {
  return Object.fromEntries(Object.entries(event.headers).filter(([name]) => !setWhenSent(name)));
}

/** The event's headers as editable "Name: value" lines, less those set when sending. */
export function editableHeaders(event: HookEvent): string {
  return formatHeaderLines(sentHeaders(event));
}

export interface ReplayForm {
  target: ReplayTargetKind;
  webhookId: string;
  url: string;
  /** The edited body text; ignored for a binary body. */
  body: string;
  headers: string;
}

/**
 * The `POST /events/:id/replay` body: `body` only when it was edited, `headers` only when they were,
 * so an unedited replay sends the stored bytes exactly. Answers a field error for bad header lines.
 */
export function replayRequestOf(form: ReplayForm, original: { body: EditableBody; headers: string }): { request: ReplayRequest } | { fields: Record<string, string> } {
  const request: Record<string, unknown> = { target: form.target };
  if (form.target === 'webhook') request.webhookId = form.webhookId || undefined;
  if (form.target === 'url') request.url = form.url.trim() || undefined;
  if (original.body.kind === 'text' && form.body !== original.body.text) request.body = form.body;
  if (form.headers.trim() !== original.headers.trim()) {
    const parsed = parseHeaderLines(form.headers);
    if ('error' in parsed) return { fields: { headers: parsed.error } };
    request.headers = parsed.headers;
  }
  return { request: request as ReplayRequest };
}

/** The forward of an event as an invocation (request = the event as received, sent on to the target), for `InvocationView`. */
export function forwardInvocation(event: HookEvent, fallbackUrl: string | null): Invocation | null {
  const forward = event.forward;
  if (!forward) return null;
  const body = editableBody(event);
  const url = forward.url ?? forwardUrl(fallbackUrl ?? '(the forward URL)', event.path ?? '', event.query ?? '');
  return {
    ok: forward.status === 'succeeded',
    request: {
      method: event.method ?? 'POST',
      url,
      headers: sentHeaders(event),
      // A binary body stays bytes (base64, as records hold it): the view shows its size and hex.
      ...(body.kind === 'text' ? { body: body.text } : { body: event.bodyBase64 ?? '', encoding: 'base64' as const }),
    },
    response: forward.response,
    error: forward.error,
    durationMs: forward.durationMs ?? 0,
    validators: [],
  };
}
