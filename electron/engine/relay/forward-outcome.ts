import type { HookEvent } from '../../../shared/schemas/event';
import type { InvocationResponse } from '../../../shared/schemas/delivery';
import type { SendResult } from '../dispatch/http-sender';
import { recordedResponse } from '../dispatch/invoker';

export type ForwardResult = NonNullable<HookEvent['forward']>;

/** What one sent-on request came to: 2xx is success; anything else says what to do. */
export interface SendOutcome {
  ok: boolean;
  response: InvocationResponse | null;
  error: string | null;
  durationMs: number;
}

export function sendOutcome(sent: SendResult, url: string): SendOutcome {
  const response = sent.response ? recordedResponse(sent.response) : null;
  const ok = response !== null && response.status >= 200 && response.status < 300;
  let error = sent.error;
  if (error === null && !ok && response) error = `${url} answered HTTP ${response.status}; only 2xx counts as forwarded. Check your server's response and logs, then replay the event.`;
  return { ok, response, error, durationMs: sent.durationMs };
}

/** The `forward` field while the request is on its way (written in the same append as the events). */
export function pendingForward(url: string, time: string): ForwardResult {
  return { status: 'pending', url, time, response: null, error: null, durationMs: null };
}

export function finishedForward(outcome: SendOutcome, url: string, time: string): ForwardResult {
  return { status: outcome.ok ? 'succeeded' : 'failed', url, time, response: outcome.response, error: outcome.error, durationMs: outcome.durationMs };
}

/** A forward that was not (or not completely) made, with the reason. */
export function failedForward(url: string, time: string, reason: string): ForwardResult {
  return { status: 'failed', url, time, response: null, error: reason, durationMs: null };
}

export const STOPPED_REASON = 'Hookdesk stopped before this forward finished; replay it to send it again.';
