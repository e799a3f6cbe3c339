import type { Invocation, InvocationRequest } from '../../../shared/schemas/delivery';
import type { HookEvent } from '../../../shared/schemas/event';
import type { ReplayRecord } from '../../../shared/schemas/replay';
import type { OutboundRequest } from '../dispatch/http-sender';
import { recordedRequest } from '../dispatch/invoker';
import type { StoredDelivery } from '../store/delivery-state';
import type { HopMark } from './forward-loop';
import type { SendOutcome } from './forward-outcome';
import { replayRequest } from './replay-request';

/** Requests the relay sends carry no webhook auth: only headers whose names say "credential" are masked. */
const NO_AUTH = { auth: { type: 'none' as const } };

/**
 * A sent-on request as records and answers keep it: credential headers masked as in delivery records,
 * the body's bytes capped, as text when they are UTF-8, else base64 (never a lossy decode).
 */
export function recordedOutbound(request: OutboundRequest): InvocationRequest {
  return recordedRequest({ method: request.method, url: request.url, headers: request.headers, body: request.body }, NO_AUTH);
}

/** A forward or URL replay as an invocation, the shape `/webhooks/:id/test` answers. */
export function outboundInvocation(request: OutboundRequest, outcome: SendOutcome): Invocation {
  return { ok: outcome.ok, request: recordedOutbound(request), response: outcome.response, error: outcome.error, durationMs: outcome.durationMs, validators: [], bodyError: null };
}

function asInvocation(value: Invocation): Invocation {
  return {
    ok: value.ok,
    request: value.request,
    response: value.response,
    error: value.error,
    durationMs: value.durationMs,
    validators: value.validators,
    bodyError: value.bodyError ?? null,
  };
}

/** Where a replay goes: the forward URL as it is now (with the event's sub-path and query), a URL typed in, or a webhook. */
export type ReplayTarget = { kind: 'forward'; url: string } | { kind: 'url'; url: string } | { kind: 'webhook'; webhookId: string };

/** Whether a kept replay went to this target (the same webhook, the same URL). */
function sameTarget(record: ReplayRecord, target: ReplayTarget): boolean {
  if (record.target !== target.kind) return false;
  if (target.kind === 'webhook') return record.webhookId === target.webhookId;
  if (target.kind === 'url') return record.request.url === target.url;
  return true;
}

export interface PreviousSources {
  /** This event's deliveries to the webhook, newest first. */
  deliveriesTo: (webhookId: string) => readonly StoredDelivery[];
  hop: HopMark;
}

/**
 * The earlier answer from the same target, for the side-by-side view: the last replay of this event
 * to it; else, for the forward target, the forward made when the event arrived (its request
 * rebuilt), and for a webhook, the latest delivery attempt of this event to it; else null.
 */
export function previousInvocation(event: HookEvent, target: ReplayTarget, sources: PreviousSources): Invocation | null {
  const replay = (event.replays ?? []).findLast((r) => sameTarget(r, target));
  if (replay) return asInvocation(replay);
  if (target.kind === 'forward') {
    const forward = event.forward;
    if (!forward || forward.status === 'pending' || forward.url === undefined) return null;
    let request: Invocation['request'];
    try {
      request = recordedOutbound(replayRequest(event, forward.url, {}, sources.hop));
    } catch {
      // The stored event's request cannot be rebuilt (its body is too deep): nothing to compare with.
      return null;
    }
    return {
      ok: forward.status === 'succeeded',
      request,
      response: forward.response,
      error: forward.error,
      durationMs: forward.durationMs ?? 0,
      validators: [],
      bodyError: null,
    };
  }
  if (target.kind === 'webhook') {
    const delivery = sources.deliveriesTo(target.webhookId).find((d) => d.eventId === event.id && d.attempts.length > 0);
    const attempt = delivery?.attempts.at(-1);
    return attempt ? asInvocation(attempt) : null;
  }
  return null;
}
