import type { BodyLocation } from './cold-body';
import { EventLog } from './event-log';
import { errorText } from '../../../shared/errors';

/** Any record of the journal: `op` says which part it belongs to. */
export interface JournalRecord {
  op: string;
}

/**
 * One in-memory state rebuilt from the journal (events, deliveries, ...). `owns` tells which
 * records are its own; `snapshot` answers records that rebuild it exactly (for compaction). The
 * snapshot is written while later records are appended and applied, so its records must not
 * change afterwards: copy whatever `apply` mutates in place, unless replaying the later record
 * onto the already changed value gives the same result.
 */
export interface JournalPart {
  owns(record: JournalRecord): boolean;
  apply(record: JournalRecord): void;
  snapshot(): JournalRecord[];
  reset(): void;
  liveCount(): number;
  /** Sees every record another part owns, once that part applied it (on replay and live), for state derived from them. */
  observe?(record: JournalRecord): void;
  /** A record of its snapshot was written as a body line: its body is now at `location` (see event-log.ts). */
  relocated?(record: JournalRecord, location: BodyLocation): void;
}

export interface JournalOptions {
  dir: string;
  recover: boolean;
  nowMs: () => number;
  log: (line: string) => void;
  segmentMaxBytes?: number;
  /** Compact once the disk holds this many records more than are live. */
  compactSlack?: number;
}

/**
 * The append-only journal (see event-log.ts) shared by every part of the store that changes per
 * event, so that an event and the deliveries it causes become durable in one write and one fsync.
 */
export class Journal {
  private readonly parts: JournalPart[] = [];
  private readonly observers: JournalPart[] = [];
  private readonly log: EventLog<JournalRecord>;
  private readonly compactSlack: number;
  private readonly logLine: (line: string) => void;
  /** After a failed compaction, none is tried before the disk holds this many records. */
  private retryAfterDiskRecords = 0;

  constructor(options: JournalOptions) {
    this.compactSlack = options.compactSlack ?? 20_000;
    this.logLine = options.log;
    this.log = new EventLog<JournalRecord>(options.dir, {
      apply: (record) => this.apply(record),
      relocated: (record, location) => this.parts.find((p) => p.owns(record))?.relocated?.(record, location),
      recover: options.recover,
      nowMs: options.nowMs,
      log: options.log,
      ...(options.segmentMaxBytes === undefined ? {} : { segmentMaxBytes: options.segmentMaxBytes }),
    });
  }

  /** Parts must register before `open` so that replay reaches them. */
  register(part: JournalPart): void {
    this.parts.push(part);
    if (part.observe) this.observers.push(part);
  }

  async open(): Promise<void> {
    await this.log.open();
    await this.maybeCompact();
  }

  close(): Promise<void> {
    return this.log.close();
  }

  /** Writes a line to the engine's log (for store code that isolates a failure and goes on). */
  warn(line: string): void {
    this.logLine(line);
  }

  /** Resolves once every record is fsync'd and applied to its part. */
  async append(records: JournalRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.log.append(records);
    void this.maybeCompact();
  }

  /**
   * Compacts when superseded records pile up: at least `compactSlack` of them, and at least as many
   * as are live, so that the cost of rewriting the live state is spread over as many appends (a big
   * store is not rewritten every `compactSlack` appends). Compaction only reclaims space: after a
   * failure it waits until as many records again have been appended, instead of retrying at once.
   */
  async maybeCompact(): Promise<void> {
    const live = this.parts.reduce((sum, part) => sum + part.liveCount(), 0);
    const threshold = Math.max(this.compactSlack, live);
    if (this.log.diskRecords - live < threshold || this.log.diskRecords < this.retryAfterDiskRecords) return;
    try {
      await this.log.compact(() => [{ op: 'reset' }, ...this.parts.flatMap((part) => part.snapshot())]);
    } catch (error) {
      this.retryAfterDiskRecords = this.log.diskRecords + threshold;
      this.logLine(`Compacting the event log failed (${errorText(error)}); it is tried again later. Nothing is lost.`);
    }
  }

  private apply(record: JournalRecord): void {
    if (record.op === 'reset') {
      for (const part of this.parts) part.reset();
      return;
    }
    const part = this.parts.find((p) => p.owns(record));
    if (!part) throw new Error(`no part of the store owns the journal record "${record.op}"`);
    part.apply(record);
    for (const observer of this.observers) if (observer !== part) observer.observe?.(record);
  }
}
