import { constants as fsConstants } from 'node:fs';
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { errorText } from '../../../shared/errors';
import { MAX_RECORD_DEPTH } from '../../../shared/json/bounded-json';
import { RECORD_BODY, type BodyLocation, type WithBodyLocation } from './cold-body';
import { fsyncDir } from './durable-write';
import { describeRecord, recordLine } from './journal-line';
import { addLine, emptyBatch, encodeLines, type LineBatch, type WrittenBody } from './line-batch';
import { ensureOwnerOnlyDir, makeFilesOwnerOnly, OWNER_FILE_MODE } from './owner-only';
import { SegmentReader, segmentName } from './segment-reader';
import { NAMED_LINES, replaySegment } from './segment-replay';
import { writeSnapshotFile } from './snapshot-file';
import { StoreRecordError } from './store-errors';

/**
 * On Linux segments are appended with O_DSYNC: each write returns once its bytes are on disk (as
 * write + fdatasync would), in one trip to the thread pool and back instead of two. Under load every
 * trip waits for the event loop, which then serves requests, so a flush cycle is shorter. Elsewhere
 * a write is followed by fdatasync, as before: on macOS libuv's fdatasync is F_FULLFSYNC (it flushes
 * the drive's cache, O_DSYNC does not), and Windows has no O_DSYNC.
 */
const SYNC_ON_WRITE = process.platform === 'linux' && typeof fsConstants.O_DSYNC === 'number';
const APPEND_FLAGS = SYNC_ON_WRITE ? fsConstants.O_RDWR | fsConstants.O_CREAT | fsConstants.O_APPEND | fsConstants.O_DSYNC : 'a+';

export interface EventLogOptions<R> {
  /**
   * Applies one durable record to the in-memory state. Called in log order, on replay and after each
   * flush. A record written as a body line (body-line.ts) carries its body's place in RECORD_BODY.
   */
  apply: (record: R) => void;
  /** A body line compaction rewrote: its body is now at `location` (the older segment is about to go). */
  relocated?: (record: R, location: BodyLocation) => void;
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

export { SERIALIZE, type SelfSerializing } from './journal-line';

const SEGMENT_PATTERN = /^(\d{8})\.jsonl$/;

/**
 * An append-only log of JSON lines in numbered segment files, with group commit: every append
 * that arrives while a flush runs joins the next one, so under load one durable write acknowledges
 * a whole batch. A record is applied to memory only once it is on disk, so what the
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
  /** When the last append came in (`performance.now()`): compaction paces itself while appends come. */
  private lastAppendMs = Number.NEGATIVE_INFINITY;
  private closed = false;
  /** Reads the bodies that memory keeps on disk (cold-body.ts). */
  private readonly reader: SegmentReader;

  constructor(
    private readonly dir: string,
    private readonly options: EventLogOptions<R>,
  ) {
    this.reader = new SegmentReader(dir, options.log);
  }

  /** Records currently on disk (live and superseded): the compaction policy compares it to live ones. */
  get diskRecords(): number {
    return this.recordsOnDisk;
  }

  /** Replays every segment in order through `apply`, then opens the newest one for appending. */
  async open(): Promise<void> {
    await ensureOwnerOnlyDir(this.dir);
    // A snapshot (or a recovery rewrite) a crash cut short before its rename: never part of the log.
    for (const name of await readdir(this.dir)) if (name.endsWith('.tmp')) await unlink(join(this.dir, name));
    // Segments and the copies kept aside by older versions may be readable by others: fix that.
    await makeFilesOwnerOnly(this.dir);
    const segments = (await readdir(this.dir))
      .map((name) => SEGMENT_PATTERN.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    for (const [index, n] of segments.entries()) {
      this.recordsOnDisk += await replaySegment({
        file: join(this.dir, segmentName(n)),
        isLast: index === segments.length - 1,
        recover: this.options.recover,
        nowMs: this.options.nowMs,
        log: this.options.log,
        apply: this.options.apply,
        locationOf: (offset, length) => this.locationOf(n, offset, length),
      });
    }
    this.segment = segments.at(-1) ?? 1;
    await this.openSegment(this.segment);
  }

  /** Resolves once every record is on disk (fdatasync'd) and applied to memory. */
  append(records: R[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The event log is closed.'));
    this.lastAppendMs = performance.now();
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
    this.reader.close();
  }

  private kick(): void {
    if (this.loop) return;
    this.loop = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      // drain settles every append it takes; an error here is a bug, and must not become an unhandled rejection.
      .catch((error: unknown) => this.options.log(`The event log's write loop failed (${errorText(error)}); later appends are still written.`))
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
      try {
        await this.flushBatch(batch);
      } catch (error) {
        // Settling twice is a no-op, so this only reaches appends the flush had not answered yet.
        for (const item of batch) item.reject(error);
      }
    }
  }

  /**
   * Writes one batch with one durable write (see SYNC_ON_WRITE). Each append is serialized on its own: one
   * that cannot be written (not JSON, nested too deep) is refused alone, with the reason, and the
   * others go on. Applying a written record is isolated the same way.
   */
  private async flushBatch(batch: PendingAppend<R>[]): Promise<void> {
    const texts: string[] = [];
    let textBytes = 0;
    let count = 0;
    const written: PendingAppend<R>[] = [];
    const bodies: WrittenBody<R>[] = [];
    for (const item of batch) {
      const lines = this.linesOf(item.records);
      if (lines instanceof StoreRecordError) {
        item.reject(lines);
        continue;
      }
      for (const body of lines.bodies) bodies.push({ ...body, offset: textBytes + body.offset });
      for (const line of lines.texts) texts.push(line);
      textBytes += lines.bytes;
      count += item.records.length;
      written.push(item);
    }
    if (written.length === 0) return;
    const bytes = encodeLines(texts, textBytes);
    const handle = this.handle;
    try {
      if (!handle) throw new Error('The event log is not open.');
      await handle.write(bytes, 0, bytes.length);
      if (!SYNC_ON_WRITE) await handle.datasync();
    } catch (error) {
      // Cut off whatever part of the batch reached the file, so the next write starts clean.
      await handle?.truncate(this.segmentBytes).catch(() => undefined);
      for (const item of written) item.reject(error);
      return;
    }
    for (const body of bodies) (body.record as WithBodyLocation)[RECORD_BODY] = this.locationOf(this.segment, this.segmentBytes + body.offset, body.length);
    this.segmentBytes += bytes.length;
    this.recordsOnDisk += count;
    this.appendedSinceSnapshot += count;
    const failures = written.map((item) => this.applyDurable(item.records));
    for (const [index, item] of written.entries()) {
      const failure = failures[index];
      if (failure) item.reject(failure);
      else item.resolve();
    }
    if (this.segmentBytes >= (this.options.segmentMaxBytes ?? 16 * 1024 * 1024)) {
      await this.openSegment(this.segment + 1);
    }
  }

  /** The lines of one append, or the error that refuses it (nothing of it is written then). */
  private linesOf(records: R[]): LineBatch<R> | StoreRecordError {
    const lines = emptyBatch<R>();
    for (const record of records) {
      const result = recordLine(record);
      if (!result.ok) {
        return new StoreRecordError(`This change was not stored: ${describeRecord(record)} ${result.reason}. Nothing of it was written; everything else is stored as usual.`);
      }
      addLine(lines, record, result.text);
    }
    return lines;
  }

  /** Where a body written at `offset` of segment `n` is, for the memory that keeps it on disk. */
  private locationOf(n: number, offset: number, length: number): BodyLocation {
    return { reader: this.reader, segment: n, offset, length };
  }

  /**
   * Applies the records of one written append; a record whose apply throws (a bug, or a listener
   * that failed) does not stop the others. Answers the error for the append's caller, if any.
   */
  private applyDurable(records: R[]): Error | null {
    let failure: Error | null = null;
    for (const record of records) {
      try {
        this.options.apply(record);
      } catch (error) {
        this.options.log(`Applying ${describeRecord(record)} failed (${errorText(error)}); it is on disk and is loaded again at the next start.`);
        failure ??= new Error(`The change was written, but applying it failed: ${errorText(error)}`);
      }
    }
    return failure;
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

  /** The temp file (written beside the appends: writeSnapshotFile), rename, dir fsync, then the older segments go. */
  private async writeSnapshot(n: number, records: R[]): Promise<void> {
    const target = join(this.dir, segmentName(n));
    const { bodies, salvaged, left } = await writeSnapshotFile(`${target}.tmp`, records, (pieceMs) => this.pauseAfterPiece(pieceMs));
    await rename(`${target}.tmp`, target);
    await fsyncDir(this.dir);
    // Memory follows the bodies into the snapshot before the segments they were read from go.
    for (const body of bodies) this.options.relocated?.(body.record, this.locationOf(n, body.offset, body.length));
    if (salvaged.length > 0) {
      this.options.log(`Compaction kept ${salvaged.length} record(s) with parts nested deeper than ${MAX_RECORD_DEPTH} levels replaced by a note: ${salvaged.slice(0, NAMED_LINES).join(', ')}${salvaged.length > NAMED_LINES ? ', ...' : ''}.`);
    }
    if (left.length > 0) {
      this.options.log(`Compaction left out ${left.length} record(s) that cannot be written as JSON: ${left.slice(0, NAMED_LINES).join(', ')}${left.length > NAMED_LINES ? ', ...' : ''}.`);
    }
    // Even if the deletions below are cut short by a crash, replay gives the same state (see above).
    for (const name of await readdir(this.dir)) {
      const m = SEGMENT_PATTERN.exec(name);
      if (m && Number(m[1]) < n) await unlink(join(this.dir, name));
    }
    this.reader.forgetBelow(n);
    await fsyncDir(this.dir);
  }

  /**
   * Between two snapshot pieces: while appends are coming in, the snapshot takes at most half of
   * the event loop (it waits as long as its piece took), so requests and their acknowledgements are
   * not queued behind a second or more of compaction work; with no appends of late (at open, when
   * idle) it only lets the event loop turn.
   */
  private async pauseAfterPiece(pieceMs: number): Promise<void> {
    if (performance.now() - this.lastAppendMs > 1000) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    }
    await new Promise<void>((resolve) => setTimeout(resolve, Math.min(Math.max(1, Math.round(pieceMs)), 50)));
  }

  private async openSegment(n: number): Promise<void> {
    await this.handle?.close();
    const file = join(this.dir, segmentName(n));
    this.handle = await open(file, APPEND_FLAGS, OWNER_FILE_MODE);
    this.segment = n;
    this.segmentBytes = (await this.handle.stat()).size;
    await fsyncDir(this.dir);
  }
}
