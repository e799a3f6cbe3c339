import type { Clock } from '../clock';

/** At most one count-only `connector.updated` per connector in this window. */
export const COUNT_ANNOUNCE_WINDOW_MS = 250;

/**
 * Sends `connector.updated` for a connector. Changes a person made (create, edit, reset) and
 * status changes go out at once; event-count changes under load are coalesced to at most one
 * per connector per window (the first at once, the rest folded into one at the window's end).
 */
export class ConnectorAnnouncer {
  private readonly lastSentMs = new Map<string, number>();
  private readonly trailing = new Map<string, () => void>();

  constructor(
    private readonly clock: Clock,
    private readonly send: (connectorId: string) => void,
    private readonly windowMs = COUNT_ANNOUNCE_WINDOW_MS,
  ) {}

  /** Announces the connector's current state now. */
  now(connectorId: string): void {
    this.trailing.get(connectorId)?.();
    this.trailing.delete(connectorId);
    this.lastSentMs.set(connectorId, this.clock.now());
    this.send(connectorId);
  }

  /** Its counts changed: announce now, or once the current window ends. */
  soon(connectorId: string): void {
    if (this.trailing.has(connectorId)) return;
    const last = this.lastSentMs.get(connectorId);
    const waitMs = last === undefined ? 0 : last + this.windowMs - this.clock.now();
    if (waitMs <= 0) {
      this.now(connectorId);
      return;
    }
    const cancel = this.clock.setTimer(() => {
      this.trailing.delete(connectorId);
      this.now(connectorId);
    }, waitMs);
    this.trailing.set(connectorId, cancel);
  }

  forget(connectorId: string): void {
    this.trailing.get(connectorId)?.();
    this.trailing.delete(connectorId);
    this.lastSentMs.delete(connectorId);
  }

  stop(): void {
    for (const cancel of this.trailing.values()) cancel();
    this.trailing.clear();
  }
}
