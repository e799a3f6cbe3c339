import type { ConnectorStatus } from '../../../shared/schemas/connector';
import type { Clock } from '../clock';
import { nextStatusChangeAt, statusAt } from './connector-status';

export type StatusListener = (connectorId: string, status: ConnectorStatus, previous: ConnectorStatus) => void;

interface Watch {
  status: ConnectorStatus;
  cancel: (() => void) | null;
}

/**
 * Knows each connector's status and says when it changes, without polling: one clock timer per
 * connector, armed for the next change (last event + 12 h, then + 24 h). Events do not re-arm
 * it on the hot path: when the timer fires it re-reads the last event time and, if an event
 * came meanwhile, simply arms itself again for the new due time.
 */
export class StatusWatcher {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly clock: Clock,
    private readonly lastEventMsOf: (connectorId: string) => number | null,
    private readonly onChange: StatusListener,
  ) {}

  /** Starts watching a connector (at start, or when it is created); announces nothing. */
  track(connectorId: string): void {
    this.forget(connectorId);
    const watch: Watch = { status: statusAt(this.lastEventMsOf(connectorId), this.clock.now()), cancel: null };
    this.watches.set(connectorId, watch);
    this.arm(connectorId, watch);
  }

  /** Events arrived for a connector: answers true when that changed its status (then announced). */
  eventsArrived(connectorId: string): boolean {
    const watch = this.watches.get(connectorId);
    if (!watch) return false;
    const changed = this.refresh(connectorId, watch);
    if (!watch.cancel) this.arm(connectorId, watch);
    return changed;
  }

  statusOf(connectorId: string): ConnectorStatus {
    return this.watches.get(connectorId)?.status ?? statusAt(this.lastEventMsOf(connectorId), this.clock.now());
  }

  forget(connectorId: string): void {
    this.watches.get(connectorId)?.cancel?.();
    this.watches.delete(connectorId);
  }

  stop(): void {
    for (const watch of this.watches.values()) watch.cancel?.();
    this.watches.clear();
  }

  private refresh(connectorId: string, watch: Watch): boolean {
    const status = statusAt(this.lastEventMsOf(connectorId), this.clock.now());
    if (status === watch.status) return false;
    const previous = watch.status;
    watch.status = status;
    this.onChange(connectorId, status, previous);
    return true;
  }

  private arm(connectorId: string, watch: Watch): void {
    const now = this.clock.now();
    const due = nextStatusChangeAt(this.lastEventMsOf(connectorId), now);
    if (due === null) return;
    watch.cancel = this.clock.setTimer(() => {
      watch.cancel = null;
      if (this.watches.get(connectorId) !== watch) return;
      this.refresh(connectorId, watch);
      this.arm(connectorId, watch);
    }, due - now);
  }
}
