import { depthNote, valueTooDeep } from '../../../shared/json/bounded-json';
import type { HookEvent } from '../../../shared/schemas/event';
import { withoutBody } from '../store/cold-body';

/** What an event without a verification result shows: verification was not asked for. */
export const NOT_VERIFIED = Object.freeze({ status: 'none', reason: null } as const);

/**
 * Bodies already checked against the depth bound, and the answer. Stored bodies never change in
 * place (a patch replaces the event, not its body), so each is walked once however often it is listed.
 */
const checkedBodies = new WeakMap<object, boolean>();

/** Whether an event's body nests deeper than the bound (data stored before ingest kept such bodies raw, or built in code). */
export function bodyTooDeep(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  let tooDeep = checkedBodies.get(body);
  if (tooDeep === undefined) {
    tooDeep = valueTooDeep(body);
    checkedBodies.set(body, tooDeep);
  }
  return tooDeep;
}

/**
 * An event as the API and the live stream answer it: `forward` (null) and `verification`
 * (`{status: "none", reason: null}`) are always there, even for events stored without them. Only
 * events that go out pay for this; the hot path stores events without the defaults. A body nested
 * deeper than the bound is shown as null with a note (its bytes, when kept, stay in `bodyBase64`),
 * so one such event can never make a list, a read or the stream fail.
 */
export function toEventView(event: HookEvent): HookEvent {
  // Read once: a stored event's body is read from the journal on each access (store/cold-body.ts).
  const body = event.body;
  const deep = bodyTooDeep(body);
  if (!deep && event.forward !== undefined && event.verification !== undefined) return event;
  return {
    ...(withoutBody(event) as Omit<HookEvent, 'body'>),
    body: deep ? null : body,
    ...(deep ? { bodyNote: depthNote() } : {}),
    forward: event.forward ?? null,
    verification: event.verification ?? { ...NOT_VERIFIED },
  };
}
