import { join } from 'node:path';
import { DEFAULT_RETENTION } from '../../../shared/schemas/connector';
import { DeliveryState } from './delivery-state';
import { EventRepository } from './event-repository';
import { Journal } from './journal';
import { ensureOwnerOnlyDir, makeFilesOwnerOnly } from './owner-only';
import { SchemaState } from './schema-state';
import { WorkspaceDb } from './workspace-db';

export interface StoreOptions {
  dataDir: string;
  recover: boolean;
  nowMs: () => number;
  log: (line: string) => void;
  /** Journal compaction threshold (tests lower it). */
  compactSlack?: number;
  /** Finished deliveries kept per webhook (the contract asks for at least 100). */
  keepFinishedDeliveries?: number;
}

export const KEEP_FINISHED_DELIVERIES = 200;

/**
 * The data dir's layout:
 * - `workspace.json`: connectors, webhooks, settings (lowdb; small; atomic + fsync'd rewrites).
 * - `events/NNNNNNNN.jsonl`: the journal: events and everything that changes per event
 *   (append-only segments with group commit; see journal.ts and event-log.ts).
 * - `token`: the management token when none is given in the environment (mode 0600).
 * - `engine.lock`: who has the dir open (taken by `startEngine` before this opens; see data-dir-lock.ts).
 */
export interface Store {
  workspace: WorkspaceDb;
  journal: Journal;
  events: EventRepository;
  /** Deliveries and per-webhook runtime state, in the same journal as events. */
  deliveries: DeliveryState;
  /** Inferred event shapes per connector and type, in the same journal (see inference/). */
  schemas: SchemaState;
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  // Owner-only: the data dir holds webhook secrets, the token and every body received. The dir's
  // own mode already keeps others out of everything in it; the files are fixed too, in case the
  // dir is ever loosened or copied. Only the store's own files are touched (in the desktop app
  // the data dir is Electron's userData, shared with Chromium's files).
  await ensureOwnerOnlyDir(options.dataDir);
  await makeFilesOwnerOnly(options.dataDir, isStoreFile);
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
  const deliveries = new DeliveryState(options.keepFinishedDeliveries ?? KEEP_FINISHED_DELIVERIES, options.log);
  journal.register(deliveries);
  const schemas = new SchemaState();
  journal.register(schemas);
  await journal.open();
  return {
    workspace,
    journal,
    events,
    deliveries,
    schemas,
    async close() {
      await journal.close();
      await workspace.idle();
    },
  };
}

/** workspace.json, the token, their temp files and the copies kept aside (events/ is fixed by the journal). */
function isStoreFile(name: string): boolean {
  return /^\.?(workspace\.json|token)(\.|$)/.test(name);
}
