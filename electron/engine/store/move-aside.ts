import { access, chmod, constants, copyFile, link, rename, unlink } from 'node:fs/promises';

export type AsideSuffix = 'corrupt' | 'torn';

function asideName(file: string, suffix: AsideSuffix, nowMs: number, attempt: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  return `${file}.${suffix}-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
}

/**
 * Runs `place(target)` on the first free `<file>.<suffix>-<time>[-n]` name: `place` must fail with
 * EEXIST when the name is taken, so a copy kept earlier is never overwritten.
 */
async function onFreeName(file: string, suffix: AsideSuffix, nowMs: number, place: (target: string) => Promise<void>): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const target = asideName(file, suffix, nowMs, attempt);
    try {
      await place(target);
      await chmod(target, 0o600);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 1000) throw error;
    }
  }
}

/** Moves a damaged data file aside (never deletes it, never overwrites an earlier copy) and answers the new name. */
export function moveAside(file: string, suffix: AsideSuffix, nowMs: number): Promise<string> {
  // link + unlink instead of rename: rename would silently replace a copy kept under the same name.
  return onFreeName(file, suffix, nowMs, async (target) => {
    try {
      await link(file, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw error;
      // A file system without hard links: rename, after checking by hand that it replaces nothing.
      if (await exists(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
      await rename(file, target);
      return;
    }
    await unlink(file);
  });
}

/** Keeps a copy of a data file as found (owner-only, never overwriting an earlier copy) and answers its name. */
export function copyAside(file: string, suffix: AsideSuffix, nowMs: number): Promise<string> {
  return onFreeName(file, suffix, nowMs, (target) => copyFile(file, target, constants.COPYFILE_EXCL));
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
