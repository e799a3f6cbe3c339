import { ErrorCode, HookdeskError } from '../../../shared/errors';
import type { Page, PageQuery } from '../../../shared/paging';
import { paginate } from '../../../shared/paging';
import { RECEIVER_CHECK_HISTORY_LIMIT, RECEIVER_CHECK_SSE_EVENT, type ReceiverCheckRun } from '../../../shared/schemas/receiver-check';
import type { EngineContext } from '../engine-context';
import type { ReceiverCheckHistoryFile } from './receiver-check-history';
import { executeRun, parseReceiverCheckRequest, planRun } from './run-receiver-check';

/** Checks running at once; one more is refused (409) until one finishes. */
export const MAX_RUNNING_CHECKS = 3;

/**
 * Receiver checks in the engine: starts each in the background, keeps the newest 20 runs (in memory,
 * and in the data dir once finished), and broadcasts `receiver-check.updated` with the run on every
 * change so the page follows it live.
 */
export class ReceiverCheckService {
  /** Newest first. */
  private runs: ReceiverCheckRun[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly ctx: Pick<EngineContext, 'clock' | 'hub' | 'log'>,
    private readonly history: ReceiverCheckHistoryFile | null,
  ) {}

  async load(): Promise<void> {
    if (!this.history) return;
    const loaded = await this.history.load();
    // A run still `running` when the engine stopped never finished.
    this.runs = loaded.map((run) =>
      run.status === 'running' ? { ...run, status: 'failed', error: 'The engine stopped before the check finished.' } : run,
    );
  }

  /** Validates, starts the run in the background and answers it as it starts (cases pending). */
  start(input: unknown): ReceiverCheckRun {
    const request = parseReceiverCheckRequest(input);
    if (this.running.size >= MAX_RUNNING_CHECKS) {
      throw new HookdeskError(409, ErrorCode.conflict, `${MAX_RUNNING_CHECKS} receiver checks are running already. Wait for one to finish, then start this one again.`);
    }
    const nowMs = (): number => this.ctx.clock.now();
    const run = planRun(request, nowMs());
    this.remember(run);
    const done = executeRun(run, request, {
      nowMs,
      signal: this.stopping.signal,
      onUpdate: (snapshot) => {
        this.remember(snapshot);
        this.ctx.hub.broadcast(RECEIVER_CHECK_SSE_EVENT, snapshot);
      },
    })
      .then(async () => {
        await this.history?.save(this.runs);
      })
      .catch((error: unknown) => this.ctx.log(`Receiver check ${run.id} ended with an error: ${(error as Error).message}`))
      .finally(() => this.running.delete(run.id));
    this.running.set(run.id, done);
    return structuredClone(run);
  }

  get(id: string): ReceiverCheckRun {
    const run = this.runs.find((r) => r.id === id);
    if (!run) throw new HookdeskError(404, ErrorCode.notFound, `No receiver check with id "${id}": only the last ${RECEIVER_CHECK_HISTORY_LIMIT} runs are kept.`);
    return run;
  }

  list(query: PageQuery): Page<ReceiverCheckRun> {
    return paginate(this.runs, query);
  }

  /** Stops the runs in flight (they end `failed`) and waits for them and the history file. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.running.values());
    await this.history?.idle();
  }

  /** Replaces the run with the same id (or adds it first), keeping the newest 20. */
  private remember(run: ReceiverCheckRun): void {
    const at = this.runs.findIndex((r) => r.id === run.id);
    if (at >= 0) this.runs[at] = run;
    else this.runs = [run, ...this.runs].slice(0, RECEIVER_CHECK_HISTORY_LIMIT);
  }
}
