import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, readlink, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureOwnerOnlyDir, OWNER_FILE_MODE } from './owner-only';

/**
 * `D/engine.lock`: one engine per data dir. An engine (the app, `serve`, or a CLI command opening
 * the dir in its own process) takes it before the store opens, so a second opener never replays,
 * repairs or rewrites files a running engine has open, and never writes changes that engine would
 * not see and would overwrite. The file says who holds it (pid, start time, URL once listening).
 *
 * A lock whose holder is gone (SIGKILL, power cut) is taken over with a log line. "Gone": no such
 * pid, a zombie, another boot, or the pid now runs another program. Released at `release()`
 * (the engine's stop) and, for what is still held, on process exit.
 */
export const LOCK_FILE = 'engine.lock';

const lockFileSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string().max(64),
  url: z.string().max(2048).nullable(),
  /** The holder's `process.execPath`: a pid reused by another program is not the holder. */
  execPath: z.string().max(4096).nullable().default(null),
  /** Linux's boot id: a lock from before a reboot is stale whatever its pid. */
  bootId: z.string().max(64).nullable().default(null),
});
export type LockHolder = z.infer<typeof lockFileSchema>;

/** Another live Hookdesk holds the data dir. `holder.url` is null when it does not listen (a CLI command). */
export class DataDirInUseError extends Error {
  readonly holder: Pick<LockHolder, 'pid' | 'url'>;

  constructor(
    readonly dataDir: string,
    holder: Pick<LockHolder, 'pid' | 'url'>,
  ) {
    super(
      holder.url === null
        ? `The data dir ${dataDir} is in use by a running Hookdesk (pid ${holder.pid}, a hookdesk command that does not listen)`
        : `The data dir ${dataDir} is in use by a running Hookdesk (pid ${holder.pid}, ${holder.url})`,
    );
    this.name = 'DataDirInUseError';
    this.holder = { pid: holder.pid, url: holder.url };
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Records the URL the engine listens on (written atomically over the lock). */
  setUrl(url: string): Promise<void>;
  /** Deletes the lock if it is still ours. Idempotent. */
  release(): Promise<void>;
}

/** Lock files this process holds, path → the exact text written, for `release` and the exit hook. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/** Takes `dataDir/engine.lock` (creating the dir, owner-only), or throws `DataDirInUseError`. */
export async function acquireDataDirLock(dataDir: string, log: (line: string) => void): Promise<DataDirLock> {
  await ensureOwnerOnlyDir(dataDir);
  // The real path: two spellings of one dir (relative, through a symlink) are one lock in this process too.
  const path = join(await realpath(dataDir), LOCK_FILE);
  const bootId = await readBootId();
  const mine: LockHolder = { pid: process.pid, startedAt: new Date().toISOString(), url: null, execPath: process.execPath, bootId };
  let text = `${JSON.stringify(mine)}\n`;
  // Bounded: each round either creates the lock, finds a live holder, or moves a stale one aside.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await createExclusively(path, text)) {
      held.set(path, text);
      installExitHook();
      return {
        path,
        async setUrl(url) {
          if (held.get(path) !== text) return;
          const next = `${JSON.stringify({ ...mine, url })}\n`;
          await writeOwnerOnly(path, next, 'replace');
          text = next;
          held.set(path, text);
        },
        async release() {
          if (held.get(path) !== text) return;
          held.delete(path);
          await removeIfOurs(path, text);
        },
      };
    }
    const found = await readLock(path);
    if (found === 'gone') continue; // released meanwhile: try again
    const holder = found === 'unreadable' ? null : found.holder;
    if (holder !== null && (await holderIsAlive(holder, path, bootId))) throw new DataDirInUseError(dataDir, holder);
    if (!(await moveAsideIfSame(path, found === 'unreadable' ? null : found.text))) continue;
    log(
      holder === null
        ? `Took over ${path}: it could not be read (an engine stopped while writing it).`
        : `Took over ${path}: Hookdesk pid ${holder.pid} (started ${holder.startedAt}) holds it but is no longer running (killed or crashed).`,
    );
  }
  throw new Error(`Could not take ${path}: other processes kept taking it. Try again.`);
}

/** Writes the lock's full text under a temp name, then links it into place: exclusive, and never seen half-written. */
async function createExclusively(path: string, text: string): Promise<boolean> {
  const temp = await writeOwnerOnly(path, text, 'temp');
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** `temp`: a new owner-only temp file beside `path` (its name answered); `replace`: the same, renamed over `path`. */
async function writeOwnerOnly(path: string, text: string, mode: 'temp' | 'replace'): Promise<string> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, text, { flag: 'wx', mode: OWNER_FILE_MODE });
  if (mode === 'replace') await rename(temp, path);
  return temp;
}

type ReadLock = 'gone' | 'unreadable' | { text: string; holder: LockHolder };

async function readLock(path: string): Promise<ReadLock> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  if (text.length > 16_384) return 'unreadable';
  try {
    const parsed = lockFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { text, holder: parsed.data } : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * Whether the lock's holder still runs. Our own pid counts only while this process holds the lock
 * (a container restarted with the same pid is not the holder).
 */
async function holderIsAlive(holder: LockHolder, path: string, bootId: string | null): Promise<boolean> {
  if (holder.pid === process.pid) return held.has(path);
  if (holder.bootId !== null && bootId !== null && holder.bootId !== bootId) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user: alive for all we can tell.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const proc = await readProc(holder.pid);
  if (proc === null) return true; // no /proc (macOS, Windows): the pid's existence is all we know
  if (proc.zombie) return false;
  if (holder.execPath !== null && proc.executable !== null && proc.executable !== holder.execPath) return false;
  return true;
}

/** From /proc: whether `pid` is a zombie, and the program it runs (null when unreadable: another user's). Null without /proc. */
async function readProc(pid: number): Promise<{ zombie: boolean; executable: string | null } | null> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) S ...": comm may hold spaces and parentheses, so the state follows the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  // process.execPath is read from /proc/self/exe too; a binary replaced by an upgrade reads "<path> (deleted)".
  const executable = await readlink(`/proc/${pid}/exe`).then(
    (target) => target.replace(/ \(deleted\)$/, ''),
    () => null,
  );
  return { zombie: state === 'Z' || state === 'X', executable };
}

async function readBootId(): Promise<string | null> {
  try {
    return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim().slice(0, 64) || null;
  } catch {
    return null;
  }
}

/**
 * Moves a stale lock aside, then checks that what moved is the lock judged stale (another opener
 * may have replaced it meanwhile); if not, it is put back. True when the stale lock is gone.
 */
async function moveAsideIfSame(path: string, staleText: string | null): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (staleText === null ? moved !== null && isUnreadableLock(moved) : moved === staleText) {
    await unlink(aside).catch(() => undefined);
    return true;
  }
  // Someone else's fresh lock: back in place unless a third opener created one meanwhile.
  await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return false;
}

function isUnreadableLock(text: string): boolean {
  try {
    return !lockFileSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return true;
  }
}

async function removeIfOurs(path: string, text: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current === text) await unlink(path).catch(() => undefined);
}

/** On exit (a process.exit after an error, or the end of the event loop) every lock still held is removed. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [path, text] of held) {
      try {
        if (readFileSync(path, 'utf8') === text) unlinkSync(path);
      } catch {
        // already gone, or unreadable: nothing of ours to remove
      }
    }
    held.clear();
  });
}
