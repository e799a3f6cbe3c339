import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { WarmBodies } from './cold-body';

export const segmentName = (n: number): string => `${String(n).padStart(8, '0')}.jsonl`;

const READ_AHEAD_BYTES = 1024 * 1024;

/**
 * Reads byte ranges of the journal's segments, synchronously (a stored event's body is read when
 * something asks for it: see cold-body.ts). One read-only descriptor per segment, opened on first
 * use and closed when compaction deletes the segment or the log closes. Reads come from the page
 * cache in the usual case: a few microseconds for a 1 KiB body.
 */
export class SegmentReader {
  private readonly fds = new Map<number, number>();
  private closed = false;
  /** The bodies read lately, kept parsed (cold-body.ts). */
  readonly recent = new WarmBodies();
  /** Segments whose unreadable bodies were already reported (one log line per segment). */
  private readonly reported = new Set<number>();
  /** The last range read ahead (`readTextInOrder`). Segments never change where bodies are, so it stays right. */
  private window: { segment: number; offset: number; bytes: Buffer } | null = null;

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Logs the first unreadable body of a segment; later ones of the same segment are not logged one by one. */
  reportUnreadable(n: number, reason: string): void {
    if (this.reported.has(n)) return;
    this.reported.add(n);
    this.log(`${reason} Later unreadable bodies of ${join(this.dir, segmentName(n))} are not reported one by one.`);
  }

  /** The bytes [offset, offset + length) of segment `n` as UTF-8 text. Throws when they cannot be read. */
  readText(n: number, offset: number, length: number): string {
    return this.readRange(n, offset, length, length).toString('utf8');
  }

  /**
   * The same, reading ahead: for compaction, which copies every live body mostly in file order, so
   * one 1 MiB read serves hundreds of them (a `pread` per body was ~30 % of a compaction's time).
   */
  readTextInOrder(n: number, offset: number, length: number): string {
    const w = this.window;
    if (w && w.segment === n && offset >= w.offset && offset + length <= w.offset + w.bytes.length) {
      return w.bytes.toString('utf8', offset - w.offset, offset - w.offset + length);
    }
    const bytes = this.readRange(n, offset, Math.max(length, READ_AHEAD_BYTES), length);
    this.window = { segment: n, offset, bytes };
    return bytes.toString('utf8', 0, length);
  }

  /** Up to `length` bytes from `offset` (fewer at the file's end, but never fewer than `atLeast`). */
  private readRange(n: number, offset: number, length: number, atLeast: number): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    const fd = this.fdOf(n);
    try {
      let done = 0;
      while (done < length) {
        const read = readSync(fd, buffer, done, length - done, offset + done);
        if (read === 0) {
          if (done >= atLeast) return buffer.subarray(0, done);
          throw new Error(`the file ${join(this.dir, segmentName(n))} ends before byte ${offset + atLeast}`);
        }
        done += read;
      }
    } finally {
      // After close (an engine stopped while something still reads an event), nothing stays open.
      if (this.closed) closeSync(fd);
    }
    return buffer;
  }

  /** Closes the descriptors of segments below `n` (compaction deleted them). */
  forgetBelow(n: number): void {
    if (this.window && this.window.segment < n) this.window = null;
    for (const [segment, fd] of this.fds) {
      if (segment >= n) continue;
      closeSync(fd);
      this.fds.delete(segment);
    }
  }

  close(): void {
    this.closed = true;
    this.window = null;
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  private fdOf(n: number): number {
    const open = this.fds.get(n);
    if (open !== undefined) return open;
    const fd = openSync(join(this.dir, segmentName(n)), 'r');
    if (!this.closed) this.fds.set(n, fd);
    return fd;
  }
}
