export interface ForwardQueueLimits {
  /** Requests in flight per key (connector). */
  concurrency: number;
  /** Requests waiting per key; past this, offers are refused. */
  maxWaiting: number;
  /** Body bytes waiting per key; past this, offers are refused. */
  maxWaitingBytes: number;
}

export const DEFAULT_FORWARD_LIMITS: ForwardQueueLimits = { concurrency: 8, maxWaiting: 1000, maxWaitingBytes: 64 * 1024 * 1024 };

interface Lane<J> {
  active: number;
  waiting: { job: J; bytes: number }[];
  waitingBytes: number;
}

/**
 * Runs jobs per key (connector) at most `concurrency` at a time, the rest first in, first out, in a
 * bounded queue: a slow or stuck target holds at most its own connector's forwards, and memory
 * stays bounded. `run` must not throw (a rejection is passed to `onError`).
 */
export class ForwardQueue<J> {
  private readonly lanes = new Map<string, Lane<J>>();
  private closed = false;

  constructor(
    private readonly run: (job: J) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly limits: ForwardQueueLimits = DEFAULT_FORWARD_LIMITS,
  ) {}

  /** Takes the job (running it now or later); false when this key's queue is full or the queue is closed. */
  offer(key: string, job: J, bytes: number): boolean {
    if (this.closed) return false;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { active: 0, waiting: [], waitingBytes: 0 };
      this.lanes.set(key, lane);
    }
    if (lane.active < this.limits.concurrency) {
      this.start(key, lane, job);
      return true;
    }
    if (lane.waiting.length >= this.limits.maxWaiting || lane.waitingBytes + bytes > this.limits.maxWaitingBytes) return false;
    lane.waiting.push({ job, bytes });
    lane.waitingBytes += bytes;
    return true;
  }

  /** Jobs running or waiting for a key. */
  size(key: string): number {
    const lane = this.lanes.get(key);
    return lane ? lane.active + lane.waiting.length : 0;
  }

  /** Drops every waiting job and refuses new ones (engine shutdown); running jobs finish on their own. */
  close(): void {
    this.closed = true;
    for (const lane of this.lanes.values()) {
      lane.waiting = [];
      lane.waitingBytes = 0;
    }
  }

  private start(key: string, lane: Lane<J>, job: J): void {
    lane.active += 1;
    this.run(job)
      .catch(this.onError)
      .finally(() => {
        lane.active -= 1;
        const next = this.closed ? undefined : lane.waiting.shift();
        if (next) {
          lane.waitingBytes -= next.bytes;
          this.start(key, lane, next.job);
        } else if (lane.active === 0 && lane.waiting.length === 0) {
          this.lanes.delete(key);
        }
      });
  }
}
