import { stringifyBounded } from '../../../shared/json/bounded-json';

/**
 * One Server-Sent Events message (`event:` and `data:` lines), or null when its data cannot be
 * written as JSON (nested deeper than the bound, a cycle): such a message is left out rather than
 * thrown into the code that broadcast it, which has already stored what the message announces.
 * Event bodies are bounded before they get here (`toEventView`); this is the last guard.
 */
export function sseMessage(name: string, data: unknown): string | null {
  const json = stringifyBounded(data);
  return json.ok ? `event: ${name}\ndata: ${json.text}\n\n` : null;
}
