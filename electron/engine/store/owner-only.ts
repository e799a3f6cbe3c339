import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The data dir holds webhook secrets in clear, the token and every received body, so it and
 * everything the store keeps in it are readable by the owner only: dirs 0700, files 0600. Modes
 * are set when files are created and fixed again at every open, for data dirs made by older
 * versions or copied in with a loose umask.
 */
export const OWNER_DIR_MODE = 0o700;
export const OWNER_FILE_MODE = 0o600;

/** Creates `dir` if needed and makes it owner-only (mkdir's mode only applies to dirs it creates, and minus the umask). */
export async function ensureOwnerOnlyDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: OWNER_DIR_MODE });
  await chmod(dir, OWNER_DIR_MODE);
}

/**
 * Makes the regular files of `dir` that `isOurs` names owner-only. Symlinks are left alone (chmod
 * would follow them out of the data dir); a file that vanished meanwhile is no error.
 */
export async function makeFilesOwnerOnly(dir: string, isOurs: (name: string) => boolean = () => true): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!isOurs(name)) continue;
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      if (info.isFile() && (info.mode & 0o777) !== OWNER_FILE_MODE) await chmod(path, OWNER_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
