import { access } from 'node:fs/promises';
import { Low } from 'lowdb';
import { DurableJsonAdapter } from './durable-json-adapter';
import { GroupCommit } from './group-commit';
import { migrateWorkspace } from './migrations';
import { moveAside } from './move-aside';
import { StoreCorruptError } from './store-errors';
import { emptyWorkspace, type WorkspaceData } from './workspace-data';

export interface WorkspaceOpenOptions {
  /** Move an unreadable file aside and start empty instead of refusing to start. */
  recover: boolean;
  nowMs: number;
  log: (line: string) => void;
}

/**
 * workspace.json through lowdb. Callers change `data` synchronously (after validating, so nothing
 * is half-written) and then `await commit()`: the change is on disk, fsync'd, when it resolves.
 * Concurrent commits share flushes.
 */
export class WorkspaceDb {
  private readonly commits: GroupCommit;

  private constructor(private readonly low: Low<WorkspaceData>) {
    this.commits = new GroupCommit(() => this.low.write());
  }

  static async open(file: string, options: WorkspaceOpenOptions): Promise<WorkspaceDb> {
    const adapter = new DurableJsonAdapter<unknown>(file);
    let raw: unknown;
    try {
      raw = await adapter.read();
    } catch (error) {
      if (!(error instanceof StoreCorruptError) || !options.recover) throw error;
      const aside = await moveAside(file, 'corrupt', options.nowMs);
      options.log(`Recovered: moved the unreadable ${file} to ${aside} and started with an empty workspace.`);
      raw = null;
    }
    let data: WorkspaceData;
    let mustWrite = false;
    if (raw === null) {
      data = emptyWorkspace();
      mustWrite = !(await exists(file));
    } else {
      try {
        const result = migrateWorkspace(file, raw);
        data = result.data;
        mustWrite = result.migrated;
      } catch (error) {
        if (!(error instanceof StoreCorruptError) || !options.recover) throw error;
        const aside = await moveAside(file, 'corrupt', options.nowMs);
        options.log(`Recovered: moved ${file} to ${aside} (${error.reason}) and started with an empty workspace.`);
        data = emptyWorkspace();
        mustWrite = true;
      }
    }
    const low = new Low<WorkspaceData>(new DurableJsonAdapter<WorkspaceData>(file), data);
    const db = new WorkspaceDb(low);
    if (mustWrite) await db.commit();
    return db;
  }

  get data(): WorkspaceData {
    return this.low.data;
  }

  /** Makes every change made to `data` so far durable. */
  commit(): Promise<void> {
    return this.commits.request();
  }

  /** Waits for pending flushes (used at shutdown). */
  idle(): Promise<void> {
    return this.commits.idle();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
