import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEngine } from '../../../electron/engine/engine';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE, type DataDirLock } from '../../../electron/engine/store/data-dir-lock';
import { startTestEngine } from '../../helpers/test-engine';
import { tempDir } from '../../helpers/temp-dir';

/**
 * `D/engine.lock`: one engine per data dir. A live holder refuses a second opener (naming its pid
 * and URL); a holder that is gone (killed, another boot, its pid now another program, or a file
 * that cannot be read) is taken over with a log line. Real files and real processes throughout.
 */
const LOCK_MODULE = fileURLToPath(new URL('../../../electron/engine/store/data-dir-lock.ts', import.meta.url));

let dir: { path: string; remove: () => Promise<void> };
let lockPath: string;
const logs: string[] = [];
const log = (line: string): void => void logs.push(line);
const children: ChildProcess[] = [];
const locks: DataDirLock[] = [];

beforeEach(async () => {
  dir = await tempDir();
  lockPath = join(await realpath(dir.path), LOCK_FILE);
  logs.length = 0;
});
afterEach(async () => {
  await Promise.all(locks.splice(0).map((l) => l.release()));
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await dir.remove();
});

async function acquire(): Promise<DataDirLock> {
  const lock = await acquireDataDirLock(dir.path, log);
  locks.push(lock);
  return lock;
}

/** A Node process that stays up until killed: a live pid running the same program as this one. */
async function liveNode(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9); console.log("up")'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  await once(createInterface({ input: child.stdout! }), 'line');
  return child;
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

async function writeLock(holder: Record<string, unknown>): Promise<void> {
  await writeFile(lockPath, `${JSON.stringify({ startedAt: '2025-01-01T00:00:00.000Z', url: 'http://127.0.0.1:8787', execPath: process.execPath, bootId: null, ...holder })}\n`, { mode: 0o600 });
}

const lockFiles = async (): Promise<string[]> => (await readdir(dir.path)).filter((name) => name.startsWith(LOCK_FILE));

describe('the data dir lock', () => {
  it('is written owner-only with pid and start time, refuses a second opener while held, and is gone once released', async () => {
    const lock = await acquire();
    expect((await stat(lockPath)).mode & 0o777).toBe(0o600);
    const held = JSON.parse(await readFile(lockPath, 'utf8')) as Record<string, unknown>;
    expect(held).toMatchObject({ pid: process.pid, url: null, execPath: process.execPath });
    expect(Date.parse(String(held.startedAt))).not.toBeNaN();

    await lock.setUrl('http://127.0.0.1:9999');
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:9999' });
    const refused = await acquireDataDirLock(dir.path, log).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as Error).message).toBe(`The data dir ${dir.path} is in use by a running Hookdesk (pid ${process.pid}, http://127.0.0.1:9999)`);

    // The same dir under another name (a symlink) is the same lock.
    const alias = join(await realpath(dir.path), '..', `alias-${process.pid}-${Date.now()}`);
    await symlink(dir.path, alias);
    try {
      expect(await acquireDataDirLock(alias, log).catch((error: unknown) => error)).toBeInstanceOf(DataDirInUseError);
    } finally {
      await rm(alias);
    }

    await lock.release();
    await lock.release(); // idempotent
    expect(await lockFiles()).toEqual([]);
    await acquire();
    expect(logs).toEqual([]); // a released lock is no takeover
  });

  it('two openers at once: exactly one gets it', async () => {
    const results = await Promise.allSettled([acquireDataDirLock(dir.path, log), acquireDataDirLock(dir.path, log), acquireDataDirLock(dir.path, log)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    locks.push(...won.map((r) => (r as PromiseFulfilledResult<DataDirLock>).value));
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DataDirInUseError);
  });

  it('a live holder (another Node process) is refused, with its pid and URL', async () => {
    const holder = await liveNode();
    await writeLock({ pid: holder.pid });
    const refused = await acquireDataDirLock(dir.path, log).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as DataDirInUseError).holder).toEqual({ pid: holder.pid, url: 'http://127.0.0.1:8787' });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: holder.pid }); // left as it was
  });

  it('a holder that is gone is taken over with a log line: dead pid, another boot, pid now another program, our own pid not held, unreadable file', async () => {
    const live = await liveNode();
    const cases: Array<[string, () => Promise<void>, RegExp]> = [
      ['dead pid', async () => writeLock({ pid: await deadPid() }), /holds it but is no longer running/],
      ['another boot', async () => writeLock({ pid: live.pid, bootId: 'a-boot-before-a-power-cut' }), /holds it but is no longer running/],
      ['another program', async () => writeLock({ pid: live.pid, execPath: '/opt/not-node/bin/something-else' }), /holds it but is no longer running/],
      ['own pid, not held (a restarted container)', async () => writeLock({ pid: process.pid }), /holds it but is no longer running/],
      ['unreadable', async () => writeFile(lockPath, '{"pid": "not a pid'), /could not be read/],
    ];
    for (const [name, stale, line] of cases) {
      logs.length = 0;
      await stale();
      const lock = await acquireDataDirLock(dir.path, log);
      expect(logs, name).toHaveLength(1);
      expect(logs[0], name).toMatch(line);
      expect(logs[0], name).toContain(lockPath);
      expect(JSON.parse(await readFile(lockPath, 'utf8')), name).toMatchObject({ pid: process.pid });
      await lock.release();
      expect(await lockFiles(), name).toEqual([]); // nothing left aside
    }
    // Three openers racing for one stale lock: one takes it over, the others find it held.
    await writeLock({ pid: await deadPid() });
    const results = await Promise.allSettled([0, 1, 2].map(() => acquireDataDirLock(dir.path, log)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    locks.push(...won.map((r) => (r as PromiseFulfilledResult<DataDirLock>).value));
    expect(await lockFiles()).toEqual([LOCK_FILE]);
  });

  it('a process that exits without releasing leaves no lock; one killed with SIGKILL leaves one, which the next opener takes over', async () => {
    const script = join(dir.path, 'holder.mts');
    await writeFile(
      script,
      `import { acquireDataDirLock } from ${JSON.stringify(LOCK_MODULE)};
await acquireDataDirLock(process.argv[2], () => {});
console.log('locked');
if (process.argv[3] === 'exit') process.exit(3);
setInterval(() => {}, 1e9);`,
    );
    const data = join(dir.path, 'data');
    const exiting = spawn(process.execPath, ['--import', 'tsx', script, data, 'exit'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(exiting);
    const [code] = (await once(exiting, 'exit')) as [number];
    expect(code).toBe(3);
    expect(await readdir(data)).not.toContain(LOCK_FILE);

    const killed = spawn(process.execPath, ['--import', 'tsx', script, data, 'stay'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(killed);
    await once(createInterface({ input: killed.stdout! }), 'line');
    const holderPid = (JSON.parse(await readFile(join(data, LOCK_FILE), 'utf8')) as { pid: number }).pid;
    expect(await acquireDataDirLock(data, log).catch((error: unknown) => error)).toBeInstanceOf(DataDirInUseError);
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    locks.push(await acquireDataDirLock(data, log));
    expect(logs).toEqual([expect.stringContaining(`Hookdesk pid ${holderPid}`)]);
  });
});

describe('the engine takes the lock', () => {
  it('a second engine on a served data dir is refused naming the first one URL; stop releases it; restarts work', async () => {
    const first = await startTestEngine({}, { dataDir: dir.path });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, url: first.url });
    const second = await startEngine({ dataDir: dir.path, token: 'x' }, { offline: true, log }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toContain(first.url);
    await first.stop();
    expect(await lockFiles()).toEqual([]);

    for (let round = 0; round < 3; round += 1) {
      const offline = await startEngine({ dataDir: dir.path, token: 'x' }, { offline: true, log });
      expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ url: null });
      await offline.stop();
      const again = await startTestEngine({}, { dataDir: dir.path });
      await again.stop();
    }
    expect(await lockFiles()).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('an engine that fails to start (damaged workspace.json) releases the lock', async () => {
    await writeFile(join(dir.path, 'workspace.json'), '{"truncated":');
    await expect(startEngine({ dataDir: dir.path, token: 'x' }, { offline: true, log })).rejects.toThrow(/cannot be read/);
    expect(await lockFiles()).toEqual([]);
  });
});
