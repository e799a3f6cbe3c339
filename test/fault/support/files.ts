import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileEntry {
  path: string;
  mode: number;
  isDir: boolean;
  size: number;
}

/** Every file and folder under `root` (root included), with its permission bits and size. */
export async function walk(root: string): Promise<FileEntry[]> {
  const rootStat = await stat(root);
  const out: FileEntry[] = [{ path: root, mode: rootStat.mode & 0o777, isDir: true, size: 0 }];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else {
      const s = await stat(path);
      out.push({ path, mode: s.mode & 0o777, isDir: false, size: s.size });
    }
  }
  return out;
}

/** Total bytes of the event journal's segments. */
export async function journalBytes(dataDir: string): Promise<number> {
  const files = await walk(join(dataDir, 'events'));
  return files.filter((f) => !f.isDir && f.path.endsWith('.jsonl')).reduce((sum, f) => sum + f.size, 0);
}

/** True when any file under `root` contains `needle` (secrets must not be written anywhere). */
export async function anyFileContains(root: string, needle: string): Promise<string | null> {
  for (const f of await walk(root)) {
    if (f.isDir) continue;
    if ((await readFile(f.path)).includes(needle)) return f.path;
  }
  return null;
}

/** Waits for `condition` to hold, checking every `everyMs`; rejects with `what` after `timeoutMs`. */
export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
