import { open, readFile, truncate } from 'node:fs/promises';
import { errorText } from '../../../shared/errors';
import { MAX_RECORD_DEPTH } from '../../../shared/json/bounded-json';
import { bodyIntact, bodyLineHead, bodySpanOf } from './body-line';
import { RECORD_BODY, type BodyLocation, type WithBodyLocation } from './cold-body';
import { writeFileDurably } from './durable-write';
import { lineTooDeep, pruneTooDeep } from './journal-line';
import { copyAside } from './move-aside';
import { OWNER_FILE_MODE } from './owner-only';
import { StoreCorruptError } from './store-errors';

/**
 * Replay of one journal segment at open (see event-log.ts): read in steps, line by line, each record
 * applied; a torn last write cut off, damaged lines refused or (--recover) set aside.
 */

/** How --recover describes what it does with a segment. */
export const SEGMENT_RECOVER_HINT = 'load every record that can be read and set aside only the lines that cannot (the file as found is kept as <file>.corrupt-<time>).';

/** Unreadable lines named one by one in a log line; the rest are counted. */
export const NAMED_LINES = 5;

const NEWLINE = 0x0a;
const NEWLINE_BYTES = Buffer.from('\n');

export interface ReplayContext<R> {
  file: string;
  /** The newest segment: a torn last write there is cut off (never acknowledged). */
  isLast: boolean;
  recover: boolean;
  nowMs: () => number;
  log: (line: string) => void;
  apply: (record: R) => void;
  /** Where a body at `offset` of this segment is, for the memory that keeps it on disk. */
  locationOf: (offset: number, length: number) => BodyLocation;
}

/**
 * Applies every record of one segment; answers how many were loaded. A line that cannot be read (not
 * JSON, not a record, a body whose CRC does not match, or its apply throws) stops the start with the
 * file and line named; with --recover it is set aside instead: the file as found is copied to
 * `*.corrupt-<time>`, the segment is rewritten durably without those lines, and every readable record
 * is loaded. A record nested deeper than the bound (written by an older version) is loaded with those
 * parts replaced by a note.
 */
export async function replaySegment<R>(ctx: ReplayContext<R>): Promise<number> {
  const { file, isLast } = ctx;
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
    if (ctx.recover) lines.push([fileStart, fileStart + end - start]);
    if (end > start) {
      const reason = replayLine(ctx, buffer, start, end, fileStart, located, index, onPruned);
      if (reason === null) loaded += 1;
      else if (!ctx.recover) throw new StoreCorruptError(file, `line ${index + 1} ${reason}`, SEGMENT_RECOVER_HINT);
      else unreadable.push({ line: index + 1, reason });
    }
    index += 1;
  };
  const torn = await forEachLine(file, replay);
  if (torn !== null && isLast) {
    // A write cut short by a crash: it was never acknowledged. Keep a copy, then cut it off.
    const copy = await copyAside(file, 'torn', ctx.nowMs());
    await truncate(file, torn.at);
    ctx.log(
      `The event log ${file} ended in a write that a crash cut short (never acknowledged); ` +
        `it was cut off, and the file as found is kept as ${copy}.`,
    );
  } else if (torn !== null && !ctx.recover) {
    throw new StoreCorruptError(file, 'it ends in the middle of a record', SEGMENT_RECOVER_HINT);
  } else if (torn !== null) {
    replay(torn.bytes, 0, torn.bytes.length, torn.at); // --recover: an unreadable line like any other
  }
  if (pruned > 0) {
    ctx.log(`${pruned} record(s) in ${file} held values nested deeper than ${MAX_RECORD_DEPTH} levels of arrays and objects; they were loaded with those parts replaced by a note.`);
  }
  if (unreadable.length > 0) await setAsideLines(ctx, await readFile(file), lines, unreadable, loaded, located);
  return loaded;
}

/**
 * Applies one line (bytes [start, end) of the segment); answers null, or why it cannot be read.
 * A body line is read from its head alone (bounded like any line), its body checked against its CRC
 * and left on disk.
 */
function replayLine<R>(
  ctx: ReplayContext<R>,
  bytes: Buffer,
  start: number,
  end: number,
  fileStart: number,
  located: Map<number, BodyLocation>,
  index: number,
  onPruned: () => void,
): string | null {
  const span = bodySpanOf(bytes, start, end);
  if (span && !bodyIntact(bytes, start, span)) return 'has a damaged body (its checksum does not match what was written)';
  const text = span ? bodyLineHead(bytes, start, span) : bytes.toString('utf8', start, end);
  let record: unknown;
  try {
    // JSON.parse does not recurse, so even a very deep line parses; it is pruned below.
    record = JSON.parse(text);
  } catch {
    return 'is not valid JSON';
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'is not a record';
  if (lineTooDeep(text)) {
    const copy = pruneTooDeep(record);
    if (!copy) return 'is too big to load';
    record = copy.value;
    onPruned();
  }
  if (span) {
    const location = ctx.locationOf(fileStart + span.at, span.length);
    (record as WithBodyLocation)[RECORD_BODY] = location;
    located.set(index, location);
  }
  try {
    ctx.apply(record as R);
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
async function setAsideLines<R>(
  ctx: ReplayContext<R>,
  bytes: Buffer,
  lines: Array<[number, number]>,
  unreadable: Array<{ line: number; reason: string }>,
  loaded: number,
  located: Map<number, BodyLocation>,
): Promise<void> {
  const { file } = ctx;
  const copy = await copyAside(file, 'corrupt', ctx.nowMs());
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
  ctx.log(
    `Recovered: ${unreadable.length} line(s) of ${file} could not be read and were set aside (${named}${more}); ` +
      `the other ${loaded} record(s) were loaded. The file as found is kept as ${copy}.`,
  );
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
