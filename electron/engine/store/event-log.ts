import { copyFile, mkdir, open, readdir, readFile, rename, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from './durable-write';
import { moveAside } from './move-aside';

import { StoreCorruptError } from './store-errors';

/**
 * Compaction writes its snapshot in pieces of about this many characters, and lets appends run
 * between pieces: each piece is a few milliseconds of `JSON.stringify` on the event loop.
 */
const COMPACTION_CHUNK_CHARS = 256 * 1024;

export interface EventLogOptions<R> {
  /** Applies one durable record to the in-memory state. Called in log order, on replay and after each flush. */
  apply: (record: R) => void;
  /** A segment is closed and a new one started past this size. */
  segmentMaxBytes?: number;
  recover: boolean;
  nowMs: () => number;
  log: (line: string) => void;
}

interface PendingAppend<R> {
  records: R[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface PendingCompaction<R> {
  snapshot: () => R[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A record may carry its own JSON line (without the newline), computed at flush time. */
export const SERIALIZE = Symbol('serialize');
export interface SelfSerializing {
  [SERIALIZE]?: () => string;
}

function line(record: unknown): string {
  const own = (record as SelfSerializing)[SERIALIZE];
  return (own ? own() : JSON.stringify(record)) + '\n';
}

const SEGMENT_PATTERN = /^(\d{8})\.jsonl$/;
const segmentName = (n: number): string => `${String(n).padStart(8, '0')}.jsonl`;

/**
 * An append-only log of JSON lines in numbered segment files, with group commit: every append
 * that arrives while a flush runs joins the next one, so under load one write + one fdatasync
 * acknowledges a whole batch. A record is applied to memory only once it is on disk, so what the
 * engine shows and answers is always durable. Compaction rewrites the live state into a new
 * segment and deletes the old ones, which keeps disk use bounded by retention; it runs beside the
 * appends (see `startCompaction`), so it never holds an acknowledgement up for long.
 */
export class EventLog<R> {
  private handle: FileHandle | null = null;
  private segment = 0;
  private segmentBytes = 0;
  private recordsOnDisk = 0;
  private pending: PendingAppend<R>[] = [];
  private compaction: PendingCompaction<R> | null = null;
  /** The snapshot being written beside the appends, if any. */
  private compacting: Promise<void> | null = null;
  /** Records appended since the running compaction's snapshot was taken (they stay on disk after it). */
  private appendedSinceSnapshot = 0;
  private loop: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly options: EventLogOptions<R>,
  ) {}

  /** Records currently on disk (live and superseded): the compaction policy compares it to live ones. */
  get diskRecords(): number {
    return this.recordsOnDisk;
  }

  /** Replays every segment in order through `apply`, then opens the newest one for appending. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // A snapshot a crash cut short before its rename: never part of the log.
    for (const name of await readdir(this.dir)) if (name.endsWith('.jsonl.tmp')) await unlink(join(this.dir, name));
    const segments = (await readdir(this.dir))
      .map((name) => SEGMENT_PATTERN.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    for (const [index, n] of segments.entries()) {
      await this.replaySegment(n, index === segments.length - 1);
    }
    this.segment = segments.at(-1) ?? 1;
    await this.openSegment(this.segment);
  }

  /** Resolves once every record is on disk (fdatasync'd) and applied to memory. */
  append(records: R[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The event log is closed.'));
    return new Promise((resolve, reject) => {
      this.pending.push({ records, resolve, reject });
      this.kick();
    });
  }

  /**
   * Replaces every segment by one holding `snapshot()`, taken when the compaction starts. The
   * records it answers must not change afterwards (copy what later records mutate): they are
   * written while later appends go on.
   */
  compact(snapshot: () => R[]): Promise<void> {
    if (this.compaction || this.compacting) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.compaction = { snapshot, resolve, reject };
      this.kick();
    });
  }

  /** Finishes pending writes and a running compaction, then closes the segment. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.loop || this.compacting) await (this.loop ?? this.compacting);
    await this.handle?.close();
    this.handle = null;
  }

  private kick(): void {
    if (this.loop) return;
    this.loop = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.loop = null;
        if (this.pending.length > 0 || this.compaction) this.kick();
      });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 || this.compaction) {
      if (this.compaction) {
        const job = this.compaction;
        this.compaction = null;
        try {
          await this.startCompaction(job);
        } catch (error) {
          job.reject(error);
        }
        continue;
      }
      const batch = this.pending;
      this.pending = [];
      await this.flushBatch(batch);
    }
  }

  private async flushBatch(batch: PendingAppend<R>[]): Promise<void> {
    let text = '';
    let count = 0;
    for (const item of batch) {
      for (const record of item.records) {
        text += line(record);
        count += 1;
      }
    }
    const bytes = Buffer.from(text, 'utf8');
    const handle = this.handle;
    try {
      if (!handle) throw new Error('The event log is not open.');
      await handle.write(bytes, 0, bytes.length);
      await handle.datasync();
    } catch (error) {
      // Cut off whatever part of the batch reached the file, so the next write starts clean.
      await handle?.truncate(this.segmentBytes).catch(() => undefined);
      for (const item of batch) item.reject(error);
      return;
    }
    this.segmentBytes += bytes.length;
    this.recordsOnDisk += count;
    this.appendedSinceSnapshot += count;
    for (const item of batch) for (const record of item.records) this.options.apply(record);
    for (const item of batch) item.resolve();
    if (this.segmentBytes >= (this.options.segmentMaxBytes ?? 16 * 1024 * 1024)) {
      await this.openSegment(this.segment + 1);
    }
  }

  /**
   * Takes the snapshot (between flushes, so it is exactly the state of the segments so far), moves
   * appends on to a fresh segment two numbers up, and writes the snapshot into the number between
   * in the background. Replay order then stays right at every moment: older segments, the snapshot
   * (it starts with a reset record), then the appends made while it was written.
   */
  private async startCompaction(job: PendingCompaction<R>): Promise<void> {
    const records = job.snapshot();
    const snapshotSegment = this.segment + 1;
    await this.openSegment(this.segment + 2);
    this.appendedSinceSnapshot = 0;
    const run = this.writeSnapshot(snapshotSegment, records).then(
      () => {
        this.recordsOnDisk = records.length + this.appendedSinceSnapshot;
        job.resolve();
      },
      (error: unknown) => job.reject(error),
    );
    this.compacting = run.finally(() => {
      this.compacting = null;
    });
  }

  /** Temp file in chunks (yielding to appends between them), fsync, rename, dir fsync, then the older segments go. */
  private async writeSnapshot(n: number, records: R[]): Promise<void> {
    const target = join(this.dir, segmentName(n));
    const tmp = `${target}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      let chunk = '';
      for (const record of records) {
        chunk += line(record);
        if (chunk.length >= COMPACTION_CHUNK_CHARS) {
          await handle.writeFile(chunk);
          chunk = '';
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      if (chunk !== '') await handle.writeFile(chunk);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(tmp, target);
    await fsyncDir(this.dir);
    // Even if the deletions below are cut short by a crash, replay gives the same state (see above).
    for (const name of await readdir(this.dir)) {
      const m = SEGMENT_PATTERN.exec(name);
      if (m && Number(m[1]) < n) await unlink(join(this.dir, name));
    }
    await fsyncDir(this.dir);
  }

  private async openSegment(n: number): Promise<void> {
    await this.handle?.close();
    const file = join(this.dir, segmentName(n));
    this.handle = await open(file, 'a+', 0o600);
    this.segment = n;
    this.segmentBytes = (await this.handle.stat()).size;
    await fsyncDir(this.dir);
  }

  private async replaySegment(n: number, isLast: boolean): Promise<void> {
    const file = join(this.dir, segmentName(n));
    const text = await readFile(file, 'utf8');
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline !== text.length - 1 && text.length > 0) {
      if (!isLast) {
        if (await this.skipCorrupt(file, 'it ends in the middle of a record')) return;
      } else {
        // A write cut short by a crash: it was never acknowledged. Keep a copy, then cut it off.
        const copy = `${file}.torn-${new Date(this.options.nowMs()).toISOString().replace(/[:.]/g, '-')}`;
        await copyFile(file, copy);
        await truncate(file, lastNewline + 1);
        this.options.log(
          `The event log ${file} ended in a write that a crash cut short (never acknowledged); ` +
            `it was cut off, and the file as found is kept as ${copy}.`,
        );
      }
    }
    const lines = text.slice(0, lastNewline + 1).split('\n');
    const records: R[] = [];
    for (const [index, line] of lines.entries()) {
      if (line === '') continue;
      try {
        records.push(JSON.parse(line) as R);
      } catch {
        if (await this.skipCorrupt(file, `line ${index + 1} is not valid JSON`)) return;
      }
    }
    for (const record of records) this.options.apply(record);
    this.recordsOnDisk += records.length;
  }

  /** Refuses to go on (the default), or with --recover moves the segment aside and skips it. */
  private async skipCorrupt(file: string, reason: string): Promise<boolean> {
    if (!this.options.recover) throw new StoreCorruptError(file, reason);
    const aside = await moveAside(file, 'corrupt', this.options.nowMs());
    this.options.log(`Recovered: moved ${file} (${reason}) to ${aside}; the events in it are not loaded.`);
    return true;
  }
}
