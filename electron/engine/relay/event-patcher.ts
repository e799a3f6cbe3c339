import type { HookEvent } from '../../../shared/schemas/event';
import type { SseHub } from '../server/sse-hub';
import type { EventRepository } from '../store/event-repository';
import { toEventView } from './event-view';

/** A change to one event: fields, or fields computed from the event as it is when the change is made. */
export type EventChange = Partial<HookEvent> | ((event: HookEvent) => Partial<HookEvent>);

/**
 * The relay's only way to change a stored event: through `EventRepository.patch` (durable before it
 * resolves), then `event.updated` on the live stream with the whole event. Changes to one event are
 * made one after another, so a change computed from the event (a replay appended to `replays`)
 * never loses a change made meanwhile.
 */
export class EventPatcher {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly events: EventRepository,
    private readonly hub: SseHub,
  ) {}

  /** Resolves with the event as changed, or undefined when it is no longer stored (trimmed, cleared). */
  patch(id: string, change: EventChange): Promise<HookEvent | undefined> {
    const previous = this.tails.get(id) ?? Promise.resolve();
    const next = previous.then(() => this.apply(id, change));
    const tail = next.catch(() => undefined);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return next;
  }

  /** The same change to several events (all those of one request); they share one fsync. */
  async patchAll(ids: readonly string[], change: EventChange): Promise<void> {
    await Promise.all(ids.map((id) => this.patch(id, change)));
  }

  private async apply(id: string, change: EventChange): Promise<HookEvent | undefined> {
    const current = this.events.get(id);
    if (!current) return undefined;
    const patched = await this.events.patch(id, typeof change === 'function' ? change(current) : change);
    if (patched) this.hub.broadcast('event.updated', toEventView(patched));
    return patched;
  }
}
