import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_RETENTION } from '../../../shared/schemas/connector';
import { EventRepository } from './event-repository';
import { Journal } from './journal';
import { WorkspaceDb } from './workspace-db';

export interface StoreOptions {
  dataDir: string;
  recover: boolean;
  nowMs: () => number;
  log: (line: string) => void;
  /** Journal compaction threshold (tests lower it). */
  compactSlack?: number;
}

/**
 * The data dir's layout:
 * - `workspace.json`: connectors, webhooks, settings (lowdb; small; atomic + fsync'd rewrites).
 * - `events/NNNNNNNN.jsonl`: the journal: events and everything that changes per event
 *   (append-only segments with group commit; see journal.ts and event-log.ts).
 * - `token`: the management token when none is given in the environment (mode 0600).
 */
export interface Store {
  workspace: WorkspaceDb;
  journal: Journal;
  events: EventRepository;
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const workspace = await WorkspaceDb.open(join(options.dataDir, 'workspace.json'), {
    recover: options.recover,
    nowMs: options.nowMs(),
    log: options.log,
  });
  const retentionOf = (connectorId: string | null): number =>
    workspace.data.connectors.find((c) => c.id === connectorId)?.retention ?? DEFAULT_RETENTION;
  const journal = new Journal({
    dir: join(options.dataDir, 'events'),
    recover: options.recover,
    nowMs: options.nowMs,
    log: options.log,
    ...(options.compactSlack === undefined ? {} : { compactSlack: options.compactSlack }),
  });
  const events = new EventRepository(journal, retentionOf);
  await journal.open();
  return {
    workspace,
    journal,
    events,
    async close() {
      await journal.close();
      await workspace.idle();
    },
  };
}
