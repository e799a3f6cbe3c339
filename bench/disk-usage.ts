import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Size of a file that may vanish while it is measured (compaction deletes old segments): 0 then. */
async function sizeOrZero(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** Bytes under a folder, walked recursively; entries deleted during the walk count as 0. */
export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await dirBytes(path) : await sizeOrZero(path);
  }
  return total;
}
