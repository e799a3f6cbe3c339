import type { EventRepository } from '../store/event-repository';

/**
 * Events whose forward was still `pending` when the engine last stopped (it stopped mid-forward, or
 * before a waiting forward went out). Read when the relay is built, before the listener takes new
 * requests, so a forward that starts after this start is never among them.
 */
export function staleForwardIds(events: EventRepository, connectorIds: readonly string[]): string[] {
  const ids: string[] = [];
  for (const connectorId of connectorIds) {
    for (const event of events.list({ connectorId })) if (event.forward?.status === 'pending') ids.push(event.id);
  }
  return ids;
}
