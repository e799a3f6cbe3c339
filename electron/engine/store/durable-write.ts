import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** fsync a directory so that a rename or unlink inside it is itself durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `data` atomically and durably: write a temp file beside it, fsync it,
 * rename it over the target, fsync the directory. A crash at any point leaves either the old
 * file or the new one, never half of one. (lowdb's own writer renames but never fsyncs.)
 */
export async function writeFileDurably(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(tmp, path);
  await fsyncDir(dirname(path));
}
