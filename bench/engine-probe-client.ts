import type { ChildProcess } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What the probe in the engine process (engine-probe.mjs) reports for one window. */
const gcTotalSchema = z.object({ count: z.number(), ms: z.number(), maxMs: z.number() });
export const probeReportSchema = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  loopDelay: z.object({ p50: z.number(), p99: z.number(), max: z.number(), mean: z.number() }),
  utilization: z.number(),
  gcTotals: z.record(z.string(), gcTotalSchema),
  gcs: z.array(z.object({ atMs: z.number(), ms: z.number(), kind: z.string() })).max(10_000),
  stalls: z.array(z.object({ fromMs: z.number(), toMs: z.number(), ms: z.number(), cpuMs: z.number() })).max(1_000),
  tickMs: z.number(),
});
export type ProbeReport = z.output<typeof probeReportSchema>;

/** A segment file of the events journal appearing or going during the window (compaction, rollover). */
export interface JournalFileEvent {
  atMs: number;
  name: string;
  change: 'created' | 'gone';
}

export interface ProbeWindow {
  report: ProbeReport;
  files: JournalFileEvent[];
}

const MAX_FILE_EVENTS = 1_000;
const SEGMENT_FILE = /^\d{8}\.jsonl(\.tmp)?$/;
const now = (): number => performance.timeOrigin + performance.now();

/**
 * The bench's side of the engine probe: opens and closes measurement windows over the engine
 * process's IPC channel, and meanwhile watches the data dir's journal folder, so that a stall can
 * be set beside a compaction (its `.tmp` snapshot file appears right after the synchronous copy).
 */
export class EngineProbe {
  private nextId = 1;
  private watcher: FSWatcher | null = null;
  private files: JournalFileEvent[] = [];

  constructor(
    private readonly child: ChildProcess,
    private readonly eventsDir: string,
  ) {}

  /** True when the engine was started with the probe (BENCH_PROBE=off starts it without). */
  get enabled(): boolean {
    return typeof this.child.send === 'function' && this.child.connected;
  }

  async open(): Promise<void> {
    if (!this.enabled) return;
    this.files = [];
    this.watcher?.close();
    try {
      // 'rename' is a file appearing or going; 'change' (every append) is left out.
      this.watcher = watch(this.eventsDir, (event, name) => {
        if (event !== 'rename' || !name || !SEGMENT_FILE.test(name) || this.files.length >= MAX_FILE_EVENTS) return;
        this.files.push({ atMs: now(), name, change: existsSync(join(this.eventsDir, name)) ? 'created' : 'gone' });
      });
    } catch {
      this.watcher = null; // no journal folder yet: no file events
    }
    await this.ask('open', 'opened');
  }

  /** Ends the window; null when the probe is off. */
  async close(): Promise<ProbeWindow | null> {
    if (!this.enabled) return null;
    const answer = await this.ask('close', 'report');
    this.watcher?.close();
    this.watcher = null;
    const parsed = probeReportSchema.safeParse((answer as { report?: unknown }).report);
    if (!parsed.success) throw new Error(`the engine probe's report is not as expected: ${parsed.error.issues[0]?.message ?? ''}`);
    return { report: parsed.data, files: this.files };
  }

  private ask(command: 'open' | 'close', reply: 'opened' | 'report'): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`the engine probe did not answer ${command} within 30 s`));
      }, 30_000);
      const onMessage = (message: unknown): void => {
        const m = message as { probe?: unknown; id?: unknown } | null;
        if (!m || m.probe !== reply || m.id !== id) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(m);
      };
      this.child.on('message', onMessage);
      this.child.send({ probe: command, id });
    });
  }
}
