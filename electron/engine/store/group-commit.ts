/**
 * Coalesces many "make this durable" requests into as few flushes as possible: requests that
 * arrive before a flush starts share it; requests that arrive while one runs share the next one.
 * Under load that is one disk flush for a whole batch of writers; when idle, one per request.
 */
export class GroupCommit {
  /** A flush that is scheduled and has not started yet: new requests join it. */
  private scheduled: Promise<void> | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once a flush that started after this call has finished. */
  request(): Promise<void> {
    if (this.scheduled) return this.scheduled;
    const after = this.running ?? Promise.resolve();
    const scheduled = after
      .catch(() => undefined)
      // Let the writers of the current tick join this flush.
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.scheduled = null;
        const run = this.flush();
        this.running = run;
        const clear = (): void => {
          if (this.running === run) this.running = null;
        };
        run.then(clear, clear);
        return run;
      });
    this.scheduled = scheduled;
    return scheduled;
  }

  /** Resolves when nothing is scheduled or running. */
  async idle(): Promise<void> {
    while (this.scheduled || this.running) {
      await (this.scheduled ?? this.running)?.catch(() => undefined);
    }
  }
}
