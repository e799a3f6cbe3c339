import type { HookEvent } from '../../../shared/schemas/event';

/** What an event without a verification result shows: verification was not asked for. */
export const NOT_VERIFIED = Object.freeze({ status: 'none', reason: null } as const);

/**
 * An event as the API and the live stream answer it: `forward` (null) and `verification`
 * (`{status: "none", reason: null}`) are always there, even for events stored without them. Only
 * events that go out pay for this; the hot path stores events without the defaults.
 */
export function toEventView(event: HookEvent): HookEvent {
  if (event.forward !== undefined && event.verification !== undefined) return event;
  return { ...event, forward: event.forward ?? null, verification: event.verification ?? { ...NOT_VERIFIED } };
}
