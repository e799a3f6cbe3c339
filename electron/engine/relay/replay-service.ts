import { toDispatchEvent, withBody, type DispatchEvent } from '../../../shared/events/dispatch-event';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { jsonTextTooDeep, MAX_JSON_DEPTH, parseBoundedJson } from '../../../shared/json/bounded-json';
import type { Invocation } from '../../../shared/schemas/delivery';
import type { HookEvent } from '../../../shared/schemas/event';
import { replayRequestSchema, type ReplayInvocation, type ReplayRecord, type ReplayRequest } from '../../../shared/schemas/replay';
import { parseOrThrow } from '../../../shared/validation';
import type { Clock } from '../clock';
import type { HttpSender } from '../dispatch/http-sender';
import type { WebhookActions } from '../dispatch/webhook-actions';
import type { WebhookService } from '../dispatch/webhook-service';
import { urlAtUse, type VariableSource } from '../environments/resolve-at-use';
import type { ConnectorService } from '../ingest/connector-service';
import type { DeliveryState } from '../store/delivery-state';
import type { EventRepository } from '../store/event-repository';
import type { StoredConnector } from '../store/workspace-data';
import type { EventPatcher } from './event-patcher';
import type { HopMark } from './forward-loop';
import { finishedForward, sendOutcome } from './forward-outcome';
import { forwardUrl } from '../../../shared/relay/forward-request';
import { timeoutOf } from './relay-intake';
import { outboundInvocation, previousInvocation, type ReplayTarget } from './replay-invocation';
import { relayFidelity, type RelaySide } from './fidelity-record';
import { eventBodyBytes, replayRequest } from './replay-request';
import { recordedBytes } from '../../../shared/body-bytes';
import type { RelayFidelity } from '../../../shared/schemas/fidelity';

/** Replays kept per event (newest last). */
export const REPLAYS_KEPT = 10;

export interface ReplayDeps {
  events: EventRepository;
  connectors: ConnectorService;
  webhooks: WebhookService;
  actions: WebhookActions;
  deliveries: DeliveryState;
  sender: HttpSender;
  patcher: EventPatcher;
  hop: HopMark;
  clock: Clock;
  /** `${VAR}` values for the forward URL, read when the replay is sent. */
  variables: VariableSource;
}

/**
 * `POST /events/:id/replay`: sends a stored event again, as it was or edited, to its connector's
 * forward URL, to a webhook (its template, auth and signature; the webhook's failure state does not
 * move) or to a URL, and answers the invocation with the earlier answer from the same target. Each
 * replay is kept on the event (at most 10, bodies capped, credentials masked); an unedited replay to
 * the forward target is also the event's new `forward` result (a retry).
 */
export class ReplayService {
  constructor(private readonly deps: ReplayDeps) {}

  async replay(eventId: string, input: unknown): Promise<ReplayInvocation> {
    const event = this.deps.events.get(eventId);
    if (!event) throw new HookdeskError(404, ErrorCode.notFound, `No event has the id "${eventId}". It may have been trimmed by retention or cleared.`);
    const request = parseOrThrow(replayRequestSchema, input ?? {}, 'replay request');
    const edited = request.body !== undefined || request.headers !== undefined;
    const target = this.targetOf(event, request);
    const previous = this.previous(event, target);
    const time = new Date(this.deps.clock.now()).toISOString();

    let invocation: Invocation;
    let forward: HookEvent['forward'] | undefined;
    let fidelity: RelayFidelity | undefined;
    if (target.kind === 'webhook') {
      invocation = await this.deps.actions.sendEvent(target.webhookId, webhookEvent(event, request), request.headers ?? {});
      fidelity = webhookFidelity(event, invocation);
    } else {
      const { url } = target;
      const outbound = replayRequest(event, url, { body: request.body, headers: request.headers }, this.deps.hop);
      const outcome = sendOutcome(await this.deps.sender.send(outbound, timeoutOf(this.connectorOf(event))), url);
      invocation = outboundInvocation(outbound, outcome);
      fidelity = relayFidelity(receivedSide(event) ?? { headers: event.headers, body: null }, { headers: outbound.headers, body: outbound.body });
      if (target.kind === 'forward' && !edited) forward = { ...finishedForward(outcome, url, time), fidelity };
    }

    const record: ReplayRecord = {
      ...invocation,
      time,
      target: target.kind,
      ...(target.kind === 'webhook' ? { webhookId: target.webhookId } : {}),
      edited,
      ...(fidelity === undefined ? {} : { fidelity }),
    };
    await this.deps.patcher.patch(event.id, (current) => ({
      replays: [...(current.replays ?? []), record].slice(-REPLAYS_KEPT),
      ...(forward === undefined ? {} : { forward }),
    }));
    return { ...invocation, previous, ...(fidelity === undefined ? {} : { fidelity }) };
  }

  /** Which target, checked before anything is sent: a known webhook, a forward URL set on the connector. */
  private targetOf(event: HookEvent, request: ReplayRequest): ReplayTarget {
    switch (request.target) {
      case 'webhook': {
        const webhookId = request.webhookId ?? '';
        this.deps.webhooks.get(webhookId); // 404 not_found for an unknown webhook
        return { kind: 'webhook', webhookId };
      }
      case 'url':
        return { kind: 'url', url: request.url ?? '' };
      case 'forward':
        return { kind: 'forward', url: this.forwardUrlOf(event) };
    }
  }

  /** The forward URL for this event now: the connector's current setting, plus the event's sub-path and query. */
  private forwardUrlOf(event: HookEvent): string {
    const forwardTo = this.connectorOf(event)?.forwardTo;
    if (!forwardTo) {
      const message =
        event.connectorId === null
          ? 'This event was not received by a connector, so it has no forward URL. Replay it to a webhook or a URL instead.'
          : 'The connector of this event has no forward URL. Set one on the connector (forwardTo), or replay to a webhook or a URL instead.';
      throw new HookdeskError(400, ErrorCode.validationFailed, message, { target: message });
    }
    const target = urlAtUse(forwardTo.url, this.deps.variables, 'forward URL');
    if (!target.ok) throw new HookdeskError(400, ErrorCode.validationFailed, target.reason, { target: target.reason });
    return forwardUrl(target.url, event.path ?? '', event.query ?? '');
  }

  private connectorOf(event: HookEvent): StoredConnector | undefined {
    return event.connectorId === null ? undefined : this.deps.connectors.find(event.connectorId);
  }

  private previous(event: HookEvent, target: ReplayTarget): Invocation | null {
    return previousInvocation(event, target, {
      deliveriesTo: (webhookId) => this.deps.deliveries.ofWebhook(webhookId),
      hop: this.deps.hop,
    });
  }
}

/**
 * The event as a webhook renders it, its body replaced by the edited one (JSON when it parses, else
 * the text; the numbers as typed, since the template renders from the typed text). An edited body
 * nested deeper than the bound is refused (400): a template cannot walk it.
 */
function webhookEvent(event: HookEvent, request: ReplayRequest): DispatchEvent {
  const dispatch = toDispatchEvent(event);
  if (request.body === undefined) return dispatch;
  if (jsonTextTooDeep(request.body)) {
    const message = `is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`;
    throw new HookdeskError(400, ErrorCode.validationFailed, `The replay request is invalid: body: ${message}. Send a flatter body.`, { body: message });
  }
  const parsed = parseBoundedJson(request.body);
  if (!parsed.ok) return withBody(dispatch, request.body);
  return { ...withBody(dispatch, parsed.value), bodyJson: request.body };
}

/** The event as the connector received it (stored headers, body bytes); null when its body cannot be written again (too deep). */
function receivedSide(event: HookEvent): RelaySide | null {
  try {
    return { headers: event.headers, body: eventBodyBytes(event) };
  } catch {
    return null;
  }
}

/**
 * A replay through a webhook sends the webhook's rendering: compared with what was received only
 * when the recorded request holds the whole body (not cut at 64 KiB).
 */
function webhookFidelity(event: HookEvent, invocation: Invocation): RelayFidelity | undefined {
  const sent = invocation.request;
  const received = receivedSide(event);
  if (received === null || sent.truncated === true || invocation.bodyError) return undefined;
  return relayFidelity(received, { headers: sent.headers, body: sent.body === null ? null : recordedBytes({ body: sent.body, encoding: sent.encoding }) });
}
