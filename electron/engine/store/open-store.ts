import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_RETENTION } from '../../../shared/schemas/connector';
import { EventRepository } from './event-repository';
import { WorkspaceDb } from './workspace-db';

export interface StoreOptions {
  dataDir: string;
  recover: boolean;
  nowMs: () => number;
  log: (line: string) => void;
}

/**
 * The data dir's layout:
 * - `workspace.json`: connectors, webhooks, settings (lowdb; small; atomic + fsync'd rewrites).
 * - `events/NNNNNNNN.jsonl`: the event log (append-only segments with group commit).
 * - `token`: the management token when none is given in the environment (mode 0600).
 */
export interface Store {
  workspace: WorkspaceDb;
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
  const events = new EventRepository({
    dir: join(options.dataDir, 'events'),
    retentionOf,
    recover: options.recover,
    nowMs: options.nowMs,
    log: options.log,
  });
  await events.open();
  return {
    workspace,
    events,
    async close() {
      await events.close();
      await workspace.idle();
    },
  };
}
