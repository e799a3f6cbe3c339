import { open, unlink } from 'node:fs/promises';
import { describeRecord, salvageLine } from './journal-line';
import { addLine, emptyBatch, type WrittenBody } from './line-batch';
import { OWNER_FILE_MODE } from './owner-only';

/**
 * A snapshot is written in pieces of about this many characters, and appends run between pieces:
 * each piece is about a millisecond of `JSON.stringify` and body reads on the event loop, so an
 * acknowledgement waits at most that long behind one.
 */
const PIECE_CHARS = 64 * 1024;
/**
 * The file is flushed to disk every this many characters (about bytes) while it is written, not only
 * at the end: one flush of tens of megabytes at the end held the appends' own flushes up for ~30 ms.
 */
const SYNC_EVERY_CHARS = 4 * 1024 * 1024;

export interface WrittenSnapshot<R> {
  /** Where each body line's body is in the file. */
  bodies: WrittenBody<R>[];
  /** Records kept with their over-deep parts replaced by a note, named. */
  salvaged: string[];
  /** Records left out because they cannot be written as JSON at all, named. */
  left: string[];
}

/**
 * Writes a compaction's records to the temp file `tmp` and makes it durable (the caller renames it
 * into place). One record that cannot be written does not fail it (the disk would then grow for
 * ever): it is kept with its over-deep parts replaced by a note, or left out, named. A body kept on
 * disk that cannot be read fails it (BodyReadError): nothing is written without its body, and the
 * temp file is removed. `pause` runs between pieces, given how long the piece took.
 */
export async function writeSnapshotFile<R>(tmp: string, records: readonly R[], pause: (pieceMs: number) => Promise<void>): Promise<WrittenSnapshot<R>> {
  const handle = await open(tmp, 'w', OWNER_FILE_MODE);
  const written = emptyBatch<R>();
  const salvaged: string[] = [];
  const left: string[] = [];
  try {
    let piece = '';
    let unsynced = 0;
    let pieceStarted = performance.now();
    for (const record of records) {
      const line = salvageLine(record);
      if (line === null) {
        left.push(describeRecord(record));
        continue;
      }
      if (line.pruned) salvaged.push(describeRecord(record));
      addLine(written, record, line.text, true);
      piece += line.text;
      if (piece.length < PIECE_CHARS) continue;
      await handle.writeFile(piece);
      unsynced += piece.length;
      piece = '';
      if (unsynced >= SYNC_EVERY_CHARS) {
        await handle.datasync();
        unsynced = 0;
      }
      await pause(performance.now() - pieceStarted);
      pieceStarted = performance.now();
    }
    if (piece !== '') await handle.writeFile(piece);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return { bodies: written.bodies, salvaged, left };
}
