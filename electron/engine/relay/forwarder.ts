import type { Clock } from '../clock';
import type { HttpSender, OutboundRequest } from '../dispatch/http-sender';
import type { EventPatcher } from './event-patcher';
import { ForwardQueue, type ForwardQueueLimits } from './forward-queue';
import { relayFidelity, type RelaySide } from './fidelity-record';
import { failedForward, finishedForward, sendOutcome } from './forward-outcome';
import { errorText } from '../../../shared/errors';

/** One received request to send on; its result goes onto every event it carried. */
export interface ForwardJob {
  connectorId: string;
  eventIds: string[];
  request: OutboundRequest;
  timeoutMs: number;
  /** The request as received (stored headers, body bytes), for the forward's fidelity record (none recorded without it). */
  received?: RelaySide;
}

/**
 * Sends received requests on to their connector's forward URL, after their events are stored and
 * the sender has its answer, and records each result on the events (`forward`). Per connector at
 * most 8 are in flight and the rest wait in a bounded queue; a request refused by a full queue is
 * recorded as failed with the reason. After `stop`, results are no longer recorded: the events stay
 * `pending` on disk and are marked failed at the next start.
 */
export class Forwarder {
  private readonly queue: ForwardQueue<ForwardJob>;
  private stopped = false;

  constructor(
    private readonly sender: HttpSender,
    private readonly patcher: EventPatcher,
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
    limits?: ForwardQueueLimits,
  ) {
    this.queue = new ForwardQueue((job) => this.send(job), (error) => this.logFailure(error), limits);
  }

  enqueue(job: ForwardJob): void {
    if (this.stopped) return;
    if (this.queue.offer(job.connectorId, job, job.request.body?.byteLength ?? 0)) return;
    const waiting = this.queue.size(job.connectorId);
    const reason =
      `Not forwarded: ${waiting} requests of this connector were already being forwarded or waiting (the target is slow or down), ` +
      'and Hookdesk keeps no more in memory. Replay this event once the target keeps up.';
    this.record(job, failedForward(job.request.url, this.nowIso(), reason));
  }

  /** Stops recording results and drops waiting requests (they stay pending on disk). */
  stop(): void {
    this.stopped = true;
    this.queue.close();
  }

  /**
   * Sends one job and records the result. Forwards are never retried on their own, so anything
   * unforeseen (a result that cannot be stored, an error from the client) is recorded once as a
   * failed forward with the reason, and the queue moves on.
   */
  private async send(job: ForwardJob): Promise<void> {
    const time = this.nowIso();
    try {
      const sent = await this.sender.send(job.request, job.timeoutMs);
      if (this.stopped) return;
      const forward = finishedForward(sendOutcome(sent, job.request.url), job.request.url, time);
      if (job.received) forward.fidelity = relayFidelity(job.received, { headers: job.request.headers, body: job.request.body });
      await this.patcher.patchAll(job.eventIds, { forward });
    } catch (error) {
      if (this.stopped) return;
      const why = errorText(error);
      this.log(`Forward to ${job.request.url} could not be completed (${why}); it is marked failed.`);
      await this.patcher.patchAll(job.eventIds, { forward: failedForward(job.request.url, time, `Hookdesk could not forward this request or record its result (${why}). Replay the event to send it again.`) });
    }
  }

  private record(job: ForwardJob, forward: ReturnType<typeof failedForward>): void {
    this.patcher.patchAll(job.eventIds, { forward }).catch((error: unknown) => this.logFailure(error));
  }

  private logFailure(error: unknown): void {
    this.log(`Could not store a forward result: ${errorText(error)}`);
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
