/**
 * Coalesces many "make this durable" requests into as few flushes as possible: while one flush
 * runs, every request that arrives waits for the next one, which covers all of them. Under load
 * that is one disk flush for a whole batch of writers; when idle it is one flush per request.
 */
export class GroupCommit {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once a flush that started after this call has finished. */
  request(): Promise<void> {
    if (this.next) return this.next;
    if (!this.running) {
      this.running = this.run();
      return this.running;
    }
    const after = this.running;
    this.next = after
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        this.running = this.run();
        return this.running;
      });
    return this.next;
  }

  /** Resolves when nothing is pending. */
  async idle(): Promise<void> {
    while (this.running || this.next) {
      await (this.next ?? this.running)?.catch(() => undefined);
    }
  }

  private async run(): Promise<void> {
    // Let writers of the current tick join this flush.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      await this.flush();
    } finally {
      if (!this.next) this.running = null;
    }
  }
}
