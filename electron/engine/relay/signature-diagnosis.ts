import { resolveVariables, unresolvedMessage } from '../../../shared/env/resolve-variables';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/schemas/event';
import { diagnoseSignature } from '../../../shared/signing/diagnose/diagnose-signature';
import type { SignatureDiagnosisAnswer } from '../../../shared/signing/diagnose/diagnosis-schema';
import type { VariableSource } from '../environments/resolve-at-use';
import type { ConnectorService } from '../ingest/connector-service';
import type { EventRepository } from '../store/event-repository';
import { NOT_VERIFIED } from './event-view';

export interface SignatureDiagnosisDeps {
  events: EventRepository;
  connectors: ConnectorService;
  /** `${VAR}` values for a verification secret given as a reference. */
  variables: VariableSource;
}

/**
 * `GET /events/:id/signature-diagnosis`: the signature debugger over a stored event whose
 * verification failed, with the connector's verification setting as it is now (its secret
 * resolved, never answered) and the request's bytes as received (`bodyBase64`). Events with no
 * failure, no connector setting or no kept bytes answer a `note` instead of a diagnosis.
 */
export class SignatureDiagnoser {
  constructor(private readonly deps: SignatureDiagnosisDeps) {}

  diagnose(eventId: string): SignatureDiagnosisAnswer {
    const event = this.deps.events.get(eventId);
    if (!event) throw new HookdeskError(404, ErrorCode.notFound, `No event has the id "${eventId}". It may have been trimmed by retention or cleared.`);
    const verification = event.verification ?? { ...NOT_VERIFIED };
    const answer = (note: string): SignatureDiagnosisAnswer => ({ eventId, verification, diagnosis: null, note });
    if (verification.status !== 'failed') {
      return answer(verification.status === 'verified' ? 'This event verified: there is no failure to explain.' : 'This event was not checked (its connector did not verify this kind of request), so there is no failure to explain.');
    }
    const connector = event.connectorId === null ? undefined : this.deps.connectors.find(event.connectorId);
    const settings = connector?.verification ?? null;
    if (!settings) return answer('The connector of this event no longer verifies signatures (or no longer exists), so there is no secret to diagnose with.');
    const secret = resolveVariables(settings.secret, this.deps.variables.lookup);
    if (!secret.ok) return answer(`The verification secret cannot be read: ${unresolvedMessage(secret.missing, this.deps.variables.activeName())}`);
    const body = bytesOf(event);
    if (body === null) return answer('The exact bytes of this request were not kept (an event of a pushed batch), so its signature cannot be computed again.');
    const diagnosis = diagnoseSignature({
      config: { ...settings, secret: secret.text },
      headers: event.headers,
      body,
      receivedMs: Date.parse(event.receivedTime),
    });
    return { eventId, verification, diagnosis, note: null };
  }
}

/** The bytes the relay verified: those kept in `bodyBase64` (captures, single-event pushes); null when only the parsed body is left. */
function bytesOf(event: HookEvent): Uint8Array | null {
  if (event.bodyBase64 === undefined) return event.body === undefined || event.body === null ? new Uint8Array(0) : null;
  return Buffer.from(event.bodyBase64, 'base64');
}
