import { withBody, type DispatchEvent } from '../events/dispatch-event';
import { hasInexactNumbers, parseLossless } from '../json/lossless-json';
import { fromBase64 } from '../signing/bytes';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The JSON text an event's body was parsed from, when Hookdesk still has it: `bodyJson` (a pushed
 * event whose numbers parsing would change), else the captured bytes (`bodyBase64`) when the body was
 * parsed from them as JSON. Null otherwise: a text or binary body, bytes that are not UTF-8 (a
 * compressed capture), an event built by code.
 */
export function bodySourceText(event: Pick<DispatchEvent, 'body' | 'bodyJson' | 'bodyBase64'>): string | null {
  if (typeof event.bodyJson === 'string') return event.bodyJson;
  if (event.bodyBase64 === undefined || event.body === null || event.body === undefined || typeof event.body === 'string') return null;
  const bytes = fromBase64(event.bodyBase64);
  if (bytes === null) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The event as templates and the envelope should see it: when its body's text holds numbers that
 * parsing changed, the body parsed again from that text with those numbers kept as written
 * (LosslessNumber); else the body as it is. The source fields are dropped either way, so calling
 * this twice costs nothing the second time. Bounded: text nested past the depth bound, or that does
 * not parse, leaves the parsed body in place.
 */
export function withLosslessBody<E extends DispatchEvent>(event: E): E {
  if (event.bodyJson === undefined && event.bodyBase64 === undefined) return event;
  const text = bodySourceText(event);
  if (text === null || !hasInexactNumbers(text)) return withBody(event, event.body);
  const parsed = parseLossless(text);
  return withBody(event, parsed.ok ? parsed.value : event.body);
}
