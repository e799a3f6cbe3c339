import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RECEIVER_CHECK_HISTORY_LIMIT, receiverCheckRunSchema, type ReceiverCheckRun } from '../../../shared/schemas/receiver-check';
import { writeFileDurably } from '../store/durable-write';

/** The file finished runs are kept in, beside workspace.json (owner-only, like the rest of the data dir). */
export const HISTORY_FILE = 'receiver-checks.json';

/** Largest history file read back: 20 runs of at most a few hundred KiB of previews each. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const historyFileSchema = z.object({
  kind: z.literal('hookdesk.receiver-checks'),
  version: z.literal(1),
  runs: z.array(z.unknown()).max(1000),
});

/**
 * The last runs on disk, so the history survives a restart. Runs hold no secret (the secret is never
 * part of a run). A file that cannot be read is not fatal: the history starts empty and says why once;
 * a run that does not fit the schema is left out alone.
 */
export class ReceiverCheckHistoryFile {
  private readonly path: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly log: (line: string) => void,
  ) {
    this.path = join(dataDir, HISTORY_FILE);
  }

  async load(): Promise<ReceiverCheckRun[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Receiver check history not read (${(error as Error).message}); starting empty.`);
      return [];
    }
    if (text.length > MAX_FILE_BYTES) {
      this.log(`Receiver check history ${this.path} is larger than ${MAX_FILE_BYTES} bytes; starting empty.`);
      return [];
    }
    let file: z.infer<typeof historyFileSchema>;
    try {
      file = historyFileSchema.parse(JSON.parse(text));
    } catch {
      this.log(`Receiver check history ${this.path} is not a history file; starting empty (it is replaced after the next run).`);
      return [];
    }
    const runs: ReceiverCheckRun[] = [];
    for (const raw of file.runs) {
      const parsed = receiverCheckRunSchema.safeParse(raw);
      if (parsed.success) runs.push(parsed.data);
    }
    return runs.slice(0, RECEIVER_CHECK_HISTORY_LIMIT);
  }

  /** Writes the runs (newest first); writes are serialized, and a failed write is logged, never thrown. */
  save(runs: readonly ReceiverCheckRun[]): Promise<void> {
    const text = JSON.stringify({ kind: 'hookdesk.receiver-checks', version: 1, runs: runs.slice(0, RECEIVER_CHECK_HISTORY_LIMIT) });
    this.writing = this.writing.then(() =>
      writeFileDurably(this.path, text).catch((error: unknown) => this.log(`Receiver check history not saved: ${(error as Error).message}`)),
    );
    return this.writing;
  }

  idle(): Promise<void> {
    return this.writing;
  }
}
