import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, NetworkError } from '../../shared/api/api-error';
import { HookdeskClient } from '../../shared/api/client';
import { errorText, HookdeskError } from '../../shared/errors';
import type { WorkspaceFile } from '../../shared/workspace/workspace-file';
import type { WorkspacePlan } from '../../shared/workspace/workspace-plan';
import { workspaceServiceOf } from '../engine/workspace/workspace-module';
import { CliError } from './cli-error';
import { openLocalEngine } from './engine-target';
import { assertRunEnvironment } from './run-environment';

/** Where export, plan and apply act: a data dir opened in this process, or a running engine over HTTP. */
export interface WorkspaceTarget {
  exportWorkspace(secrets: 'env' | 'include'): Promise<{ file: WorkspaceFile; variables: string[] }>;
  planWorkspace(file: unknown, options: { prune: boolean }): Promise<WorkspacePlan>;
  applyWorkspace(file: unknown, options: { prune: boolean }): Promise<WorkspacePlan>;
  close(): Promise<void>;
}

export interface TargetOptions {
  dataDir: string;
  url: string | undefined;
  token: string | undefined;
  env: string | undefined;
}

/** The workspace file a command is about to plan or apply: its path and the environments it defines. */
export interface FileEnvironments {
  path: string;
  names: readonly string[];
}

/**
 * `--url URL --token T`: the running engine's API (the way to change a server while it runs).
 * `--data-dir D`: the engine opened in this process without listening or starting anything. It
 * takes the data dir's lock (`D/engine.lock`), so a dir a running engine serves is refused (exit 4,
 * naming that engine's URL for --url) instead of being changed behind its back.
 * With `file` (plan, apply), `--env NAME` must name an environment of the data dir or of that file,
 * as for `serve --env`: else exit 1 naming the ones that exist (not 2: for plan, 2 means "there are
 * changes"), before anything is written (a data dir with no workspace yet is not even created).
 */
/** A refusal of plan/apply is an error (1): plan's 2 means there are changes to review. */
const PLAN_REFUSED = 1;

export async function openTarget(options: TargetOptions, file?: FileEnvironments): Promise<WorkspaceTarget> {
  if (options.url !== undefined) return httpTarget(options.url, options.token);
  const check = options.env === undefined || file === undefined ? null : { name: options.env, dataDir: options.dataDir, config: file };
  if (check && !existsSync(join(options.dataDir, 'workspace.json'))) assertRunEnvironment(check.name, { ...check, stored: [] }, PLAN_REFUSED);
  const engine = await openLocalEngine(options);
  const service = workspaceServiceOf(engine.modules);
  if (check) {
    try {
      assertRunEnvironment(check.name, { ...check, stored: service.environmentNames() }, PLAN_REFUSED);
    } catch (error) {
      await engine.stop();
      throw error;
    }
  }
  return {
    exportWorkspace: (secrets) => Promise.resolve(service.exportWorkspace(secrets)),
    planWorkspace: (file, { prune }) => service.planWorkspace(file, { prune }),
    applyWorkspace: (file, { prune }) => service.applyWorkspace(file, { prune }),
    close: () => engine.stop(),
  };
}

function httpTarget(url: string, token: string | undefined): WorkspaceTarget {
  const baseUrl = url.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/i.test(baseUrl)) throw new CliError(`--url "${url}" is not an engine URL; write it as http://host:port (for example http://127.0.0.1:8787).`);
  const client = new HookdeskClient({ baseUrl, token: token ?? process.env.HOOKDESK_TOKEN?.trim() });
  return {
    async exportWorkspace(secrets) {
      const { variables, ...file } = await client.exportWorkspace(secrets);
      return { file: file as WorkspaceFile, variables: variables ?? [] };
    },
    planWorkspace: (file, { prune }) => client.planWorkspace(file, { prune }),
    applyWorkspace: (file, { prune }) => client.applyWorkspace(file, { prune }),
    close: () => Promise.resolve(),
  };
}

/** An engine or API error as the CLI prints it: the sentence, then one line per field. */
export function describeFailure(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof HookdeskError || error instanceof ApiError) {
    const fields = Object.entries(error.fields ?? {}).map(([key, message]) => `\n  ${key}: ${message}`);
    return `${error.message}${fields.join('')}`;
  }
  if (error instanceof NetworkError) return error.message;
  return errorText(error);
}
