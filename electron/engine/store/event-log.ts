import { open, readdir, readFile, rename, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_RECORD_DEPTH } from '../../../shared/json/bounded-json';
import { bodyIntact, bodySpanOf, bodySpanOfText, parseBodyLineHead } from './body-line';
import { RECORD_BODY, type BodyLocation, type WithBodyLocation } from './cold-body';
import { fsyncDir, writeFileDurably } from './durable-write';
import { describeRecord, lineTooDeep, pruneTooDeep, recordLine, salvageLine } from './journal-line';
import { copyAside } from './move-aside';
import { ensureOwnerOnlyDir, makeFilesOwnerOnly, OWNER_FILE_MODE } from './owner-only';
import { SegmentReader, segmentName } from './segment-reader';
import { StoreCorruptError, StoreRecordError } from './store-errors';

/**
 * Compaction writes its snapshot in pieces of about this many characters, and lets appends run
 * between pieces: each piece is a few milliseconds of `JSON.stringify` on the event loop.
 */
const COMPACTION_CHUNK_CHARS = 256 * 1024;

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

/** How --recover describes what it does with a segment (see `replaySegment`). */
const SEGMENT_RECOVER_HINT = 'load every record that can be read and set aside only the lines that cannot (the file as found is kept as <file>.corrupt-<time>).';

/** Unreadable lines named one by one in the recovery log line; the rest are counted. */
const NAMED_LINES = 5;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const SEGMENT_PATTERN = /^(\d{8})\.jsonl$/;
const NEWLINE = 0x0a;
const NEWLINE_BYTES = Buffer.from('\n');

/** A body line's record and where its body is, relative to the start of the text it was written in. */
interface WrittenBody<R> {
  record: R;
  offset: number;
  length: number;
}

/** Lines of records ready to write, their UTF-8 size, and the body lines among them. */
interface Lines<R> {
  text: string;
  bytes: number;
  bodies: WrittenBody<R>[];
}

/** A line's newline and the `}}` that closes a body line come after its body. */
const BODY_LINE_TAIL_BYTES = 3;

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
   * Writes one batch with one write and one fdatasync. Each append is serialized on its own: one
   * that cannot be written (not JSON, nested too deep) is refused alone, with the reason, and the
   * others go on. Applying a written record is isolated the same way.
   */
  private async flushBatch(batch: PendingAppend<R>[]): Promise<void> {
    let text = '';
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
      text += lines.text;
      textBytes += lines.bytes;
      count += item.records.length;
      written.push(item);
    }
    if (written.length === 0) return;
    const bytes = Buffer.from(text, 'utf8');
    const handle = this.handle;
    try {
      if (!handle) throw new Error('The event log is not open.');
      await handle.write(bytes, 0, bytes.length);
      await handle.datasync();
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
  private linesOf(records: R[]): Lines<R> | StoreRecordError {
    const lines: Lines<R> = { text: '', bytes: 0, bodies: [] };
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

  /** Temp file in chunks (yielding to appends between them), fsync, rename, dir fsync, then the older segments go. */
  private async writeSnapshot(n: number, records: R[]): Promise<void> {
    const target = join(this.dir, segmentName(n));
    const tmp = `${target}.tmp`;
    const handle = await open(tmp, 'w', OWNER_FILE_MODE);
    const salvaged: string[] = [];
    const left: string[] = [];
    const written: Lines<R> = { text: '', bytes: 0, bodies: [] };
    try {
      let chunk = '';
      for (const record of records) {
        // One record that cannot be written must not fail the compaction (the disk would then grow
        // for ever): it is kept with its over-deep parts replaced by a note, or left out, named.
        // (A body kept on disk that cannot be read fails it: BodyReadError, the older segments stay.)
        const line = salvageLine(record);
        if (line === null) left.push(describeRecord(record));
        else if (line.pruned) salvaged.push(describeRecord(record));
        if (line !== null) addLine(written, record, line.text, true);
        chunk += line?.text ?? '';
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
    // Memory follows the bodies into the snapshot before the segments they were read from go.
    for (const body of written.bodies) this.options.relocated?.(body.record, this.locationOf(n, body.offset, body.length));
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

  private async openSegment(n: number): Promise<void> {
    await this.handle?.close();
    const file = join(this.dir, segmentName(n));
    this.handle = await open(file, 'a+', OWNER_FILE_MODE);
    this.segment = n;
    this.segmentBytes = (await this.handle.stat()).size;
    await fsyncDir(this.dir);
  }

  /**
   * Applies every record of one segment. A line that cannot be read (not JSON, not a record, or its
   * apply throws) stops the start with the file and line named; with --recover it is set aside
   * instead: the file as found is copied to `*.corrupt-<time>`, the segment is rewritten durably
   * without those lines, and every readable record is loaded. A record nested deeper than the
   * bound (written by an older version) is loaded with those parts replaced by a note.
   */
  private async replaySegment(n: number, isLast: boolean): Promise<void> {
    const file = join(this.dir, segmentName(n));
    const unreadable: Array<{ line: number; reason: string }> = [];
    /** Lines as [start, end) file offsets (without the newline), kept for --recover; bodies kept on disk, by line index. */
    const lines: Array<[number, number]> = [];
    const located = new Map<number, BodyLocation>();
    let pruned = 0;
    let loaded = 0;
    let index = 0;
    const onPruned = (): void => {
      pruned += 1;
    };
    const replay = (buffer: Buffer, start: number, end: number, fileStart: number): void => {
      if (this.options.recover) lines.push([fileStart, fileStart + end - start]);
      if (end > start) {
        const reason = this.replayLine(n, buffer, start, end, fileStart, located, index, onPruned);
        if (reason === null) loaded += 1;
        else if (!this.options.recover) throw new StoreCorruptError(file, `line ${index + 1} ${reason}`, SEGMENT_RECOVER_HINT);
        else unreadable.push({ line: index + 1, reason });
      }
      index += 1;
    };
    const torn = await forEachLine(file, replay);
    if (torn !== null && isLast) {
      // A write cut short by a crash: it was never acknowledged. Keep a copy, then cut it off.
      const copy = await copyAside(file, 'torn', this.options.nowMs());
      await truncate(file, torn.at);
      this.options.log(
        `The event log ${file} ended in a write that a crash cut short (never acknowledged); ` +
          `it was cut off, and the file as found is kept as ${copy}.`,
      );
    } else if (torn !== null && !this.options.recover) {
      throw new StoreCorruptError(file, 'it ends in the middle of a record', SEGMENT_RECOVER_HINT);
    } else if (torn !== null) {
      replay(torn.bytes, 0, torn.bytes.length, torn.at); // --recover: an unreadable line like any other
    }
    this.recordsOnDisk += loaded;
    if (pruned > 0) {
      this.options.log(`${pruned} record(s) in ${file} held values nested deeper than ${MAX_RECORD_DEPTH} levels of arrays and objects; they were loaded with those parts replaced by a note.`);
    }
    if (unreadable.length > 0) await this.setAsideLines(file, await readFile(file), lines, unreadable, loaded, located);
  }

  /**
   * Applies one line (bytes [start, end) of the segment); answers null, or why it cannot be read.
   * A body line is read from its head alone, its body checked against its CRC and left on disk.
   */
  private replayLine(
    n: number,
    bytes: Buffer,
    start: number,
    end: number,
    fileStart: number,
    located: Map<number, BodyLocation>,
    index: number,
    onPruned: () => void,
  ): string | null {
    const span = bodySpanOf(bytes, start, end);
    let record: unknown;
    let text: string;
    try {
      if (span) {
        if (!bodyIntact(bytes, start, span)) return 'has a damaged body (its checksum does not match what was written)';
        record = parseBodyLineHead(bytes, start, span);
        text = '';
      } else {
        text = bytes.toString('utf8', start, end);
        // JSON.parse does not recurse, so even a very deep line parses; it is pruned below.
        record = JSON.parse(text);
      }
    } catch {
      return 'is not valid JSON';
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'is not a record';
    if (span) {
      const location = this.locationOf(n, fileStart + span.at, span.length);
      (record as WithBodyLocation)[RECORD_BODY] = location;
      located.set(index, location);
    } else if (lineTooDeep(text)) {
      const copy = pruneTooDeep(record);
      if (!copy) return 'is too big to load';
      record = copy.value;
      onPruned();
    }
    try {
      this.options.apply(record as R);
    } catch (error) {
      located.delete(index);
      return `cannot be loaded (${errorText(error)})`;
    }
    return null;
  }

  /**
   * --recover: keeps the file as found, rewrites it durably without the unreadable lines, moves the
   * places of the bodies kept on disk to their lines' new offsets, and says how much.
   */
  private async setAsideLines(
    file: string,
    bytes: Buffer,
    lines: Array<[number, number]>,
    unreadable: Array<{ line: number; reason: string }>,
    loaded: number,
    located: Map<number, BodyLocation>,
  ): Promise<void> {
    const copy = await copyAside(file, 'corrupt', this.options.nowMs());
    const skip = new Set(unreadable.map((u) => u.line - 1));
    const kept: Buffer[] = [];
    let at = 0;
    for (const [index, [start, end]] of lines.entries()) {
      if (end === start || skip.has(index)) continue;
      const location = located.get(index);
      if (location) location.offset = at + (location.offset - start);
      kept.push(bytes.subarray(start, end), NEWLINE_BYTES);
      at += end - start + 1;
    }
    await writeFileDurably(file, Buffer.concat(kept), OWNER_FILE_MODE);
    const named = unreadable.slice(0, NAMED_LINES).map((u) => `line ${u.line} ${u.reason}`).join('; ');
    const more = unreadable.length > NAMED_LINES ? `; and ${unreadable.length - NAMED_LINES} more` : '';
    this.options.log(
      `Recovered: ${unreadable.length} line(s) of ${file} could not be read and were set aside (${named}${more}); ` +
        `the other ${loaded} record(s) were loaded. The file as found is kept as ${copy}.`,
    );
  }

}

/** Adds one line to `lines` (its text too unless `countOnly`), noting where its body is when it is a body line. */
function addLine<R>(lines: Lines<R>, record: R, text: string, countOnly = false): void {
  const bytes = Buffer.byteLength(text);
  const span = bodySpanOfText(text);
  if (span) lines.bodies.push({ record, offset: lines.bytes + span.at, length: bytes - span.at - BODY_LINE_TAIL_BYTES });
  if (!countOnly) lines.text += text;
  lines.bytes += bytes;
}

/** Bytes read per step on replay: one buffer, reused (a fresh buffer per segment costs a page fault per 4 KiB on first touch). */
const REPLAY_CHUNK_BYTES = 1024 * 1024;

/**
 * Calls `onLine(buffer, start, end, fileOffset)` for every complete line of `file` (without its
 * newline), reading it in chunks into one buffer that grows only for a line longer than it. Answers
 * the bytes after the last newline (a torn write) and their offset, or null when the file ends in one.
 */
async function forEachLine(file: string, onLine: (buffer: Buffer, start: number, end: number, fileOffset: number) => void): Promise<{ at: number; bytes: Buffer } | null> {
  const handle = await open(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(REPLAY_CHUNK_BYTES);
    let base = 0; // file offset of buffer[0]
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, base + filled);
      const scanFrom = filled;
      filled += bytesRead;
      let start = 0;
      for (let end = buffer.indexOf(NEWLINE, scanFrom); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, end + 1)) {
        onLine(buffer, start, end, base + start);
        start = end + 1;
      }
      if (bytesRead === 0) return filled > start ? { at: base + start, bytes: Buffer.from(buffer.subarray(start, filled)) } : null;
      buffer.copy(buffer, 0, start, filled);
      base += start;
      filled -= start;
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
    }
  } finally {
    await handle.close();
  }
}
