import { DEFAULT_FORWARD_TIMEOUT_MS } from '../../../shared/schemas/connector';
import { verifiesSource } from '../../../shared/schemas/verification';
import { verifyRequest } from '../../../shared/signing/verify/verify-request';
import type { VerificationResult } from '../../../shared/signing/verify/verification-result';
import type { InboundRequest, InboundRequestHook } from '../ingest/request-hook';
import { eventHeaders } from '../ingest/request-headers';
import { resolveVariables, unresolvedMessage } from '../../../shared/env/resolve-variables';
import { lowerFirst, urlAtUse, type VariableSource } from '../environments/resolve-at-use';
import type { StoredConnector } from '../store/workspace-data';
import { LOOP_REASON, type HopMark } from './forward-loop';
import { failedForward, pendingForward } from './forward-outcome';
import { forwardHeaders, forwardUrl } from '../../../shared/relay/forward-request';
import type { ForwardJob } from './forwarder';

/** What a request the connector checked and did not verify records instead of a forward, with "forward only verified" on. */
export const UNVERIFIED_REASON =
  'Not forwarded: signature failed. This connector forwards only verified requests (Relay settings); ' +
  'fix the secret or the sender, or replay the event to send it anyway.';

export interface RelayIntakeDeps {
  hop: HopMark;
  /** Takes a request to send on once its events are durable. */
  forward: (job: ForwardJob) => void;
  /** Whether the connector still exists (it may be deleted while a request is being stored). */
  connectorExists: (connectorId: string) => boolean;
  /** `${VAR}` values for the forward URL, read at arrival. */
  variables: VariableSource;
  log: (line: string) => void;
}

/**
 * The relay's part of a push or capture request of a connector that verifies or forwards, before the
 * events are appended: the verification result on every event when the connector checks requests
 * that come in this way (on the raw bytes, at the time of arrival), a push request's exact bytes on
 * its event when it carried one event, and `forward` pending (or failed, for a request that would
 * loop or, with "forward only verified", one that was checked and did not verify). Answers the
 * forward to start once the events are durable. Synchronous and cheap: the network is touched only
 * after the answer.
 */
export function relayIntake(deps: RelayIntakeDeps): InboundRequestHook {
  return (request, events) => {
    const { connector } = request;
    // Checked only where the connector says: push events are already authenticated by their API
    // key, so by default only capture URL requests are; the others keep `verification: none`.
    const checks = connector.verification !== null && verifiesSource(connector.verification, request.source);
    const verification = checks ? verifyAtArrival(request, deps.variables, deps.log) : null;
    if (verification) for (const event of events) event.verification = verification;
    const [only] = events;
    if (request.source === 'push' && events.length === 1 && only) only.bodyBase64 = request.body.toString('base64');
    if (connector.forwardTo === null) return null;

    const target = urlAtUse(connector.forwardTo.url, deps.variables, 'forward URL');
    const url = forwardUrl(target.ok ? target.url : connector.forwardTo.url, request.path, request.query);
    const time = new Date(request.receivedMs).toISOString();
    if (deps.hop.seenIn(request.headers)) {
      for (const event of events) event.forward = failedForward(url, time, LOOP_REASON);
      return null;
    }
    if (verification && verification.status !== 'verified' && connector.verification?.forwardOnlyVerified === true) {
      for (const event of events) event.forward = failedForward(url, time, UNVERIFIED_REASON);
      return null;
    }
    if (!target.ok) {
      for (const event of events) event.forward = failedForward(url, time, target.reason);
      return null;
    }
    for (const event of events) event.forward = pendingForward(url, time);
    const receivedHeaders = only?.headers ?? eventHeaders(request.headers);
    const body = bodyToSend(request);
    const job: ForwardJob = {
      connectorId: connector.id,
      eventIds: events.map((e) => e.id),
      request: { method: request.method, url, headers: headersToSend(request, receivedHeaders, deps.hop), body },
      timeoutMs: timeoutOf(connector),
      received: { headers: receivedHeaders, body },
    };
    return () => {
      if (deps.connectorExists(connector.id)) deps.forward(job);
    };
  };
}

export function timeoutOf(connector: StoredConnector | undefined): number {
  return connector?.forwardTo?.timeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS;
}

function verifyAtArrival(request: InboundRequest, variables: VariableSource, log: (line: string) => void): VerificationResult {
  try {
    const settings = request.connector.verification;
    // The secret may be a `${VAR}` reference (a workspace file applied with secrets as variables).
    const secret = settings === null ? null : resolveVariables(settings.secret, variables.lookup);
    if (secret !== null && !secret.ok) {
      return { status: 'failed', reason: `Hookdesk could not check this signature: ${lowerFirst(unresolvedMessage(secret.missing, variables.activeName()))} (the verification secret).` };
    }
    const resolved = settings === null || secret === null || secret.text === settings.secret ? settings : { ...settings, secret: secret.text };
    return verifyRequest(resolved, { headers: request.headers, body: request.body, nowMs: request.receivedMs });
  } catch (error) {
    // A verifier bug must not lose the event: it is stored, failed with a reason that says so.
    log(`Signature verification failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { status: 'failed', reason: 'Hookdesk could not check this signature because of an internal error (it was logged). Report it if it repeats.' };
  }
}

/** The request's headers as its events store them (one string each; the push key, redacted there, is dropped anyway) made ready to send on. */
function headersToSend(request: InboundRequest, stored: Record<string, string>, hop: HopMark): Record<string, string> {
  return hop.stamp(forwardHeaders(stored, { dropPushKey: request.source === 'push' }));
}

/** No body for a bodiless request; otherwise the exact bytes received. */
function bodyToSend(request: InboundRequest): Uint8Array | null {
  return request.body.length === 0 ? null : request.body;
}
