import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, NetworkError } from '../../shared/api/api-error';
import { startEngine, type Engine } from '../engine/engine';
import { DataDirInUseError } from '../engine/store/data-dir-lock';
import { StoreCorruptError, StoreTooNewError } from '../engine/store/store-errors';
import { CliError } from './cli-error';
import type { TargetOptions } from './workspace-target';

/** A running engine's management API, for commands run with `--url URL --token T`. */
export interface RemoteApi {
  /** The answer's text (2xx), or an ApiError with the engine's message. `path` starts with /api/v1. */
  text(method: string, path: string, body?: string, contentType?: string): Promise<string>;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/**
 * Runs one CLI command against a data dir opened in this process (`local`, the engine started
 * offline: nothing listens, nothing is sent) or a running engine over HTTP (`remote`).
 * Every command other than export/plan/apply goes through here, so the two ways stay alike.
 */
export async function runOnTarget<T>(options: TargetOptions, work: { local(engine: Engine): Promise<T>; remote(api: RemoteApi): Promise<T> }): Promise<T> {
  if (options.url !== undefined) return work.remote(remoteApi(options.url, options.token));
  const engine = await openLocalEngine(options);
  try {
    return await work.local(engine);
  } finally {
    await engine.stop();
  }
}

/**
 * Refuses a data dir with no workspace in it (a mistyped --data-dir): commands that read a workspace
 * must not make one where there was none.
 */
export function requireWorkspaceIn(dataDir: string): void {
  if (!existsSync(join(dataDir, 'workspace.json'))) {
    throw new CliError(`No Hookdesk workspace in ${dataDir} (no workspace.json). Pass the --data-dir the app or serve uses.`);
  }
}

/** Exit code of a command refused because a running Hookdesk holds the data dir (`D/engine.lock`). */
export const EXIT_DATA_DIR_IN_USE = 4;

/**
 * The engine over a data dir, opened in this process without listening or starting anything. It
 * takes the data dir's lock like any engine, so a dir a running Hookdesk serves is refused (exit 4)
 * with the way to act through that engine instead.
 */
export async function openLocalEngine(options: TargetOptions): Promise<Engine> {
  try {
    return await startEngine(
      // A throwaway token: nothing listens, and the data dir's own token is left as it is.
      { dataDir: options.dataDir, token: `cli_${randomBytes(16).toString('base64url')}`, environment: options.env ?? null },
      { offline: true, log: (line) => process.stderr.write(`${line}\n`) },
    );
  } catch (error) {
    if (error instanceof DataDirInUseError) throw new CliError(inUseAdvice(error), EXIT_DATA_DIR_IN_USE);
    const code = error instanceof StoreCorruptError || error instanceof StoreTooNewError ? 3 : 1;
    throw new CliError(`Cannot open the data dir ${options.dataDir}: ${(error as Error).message}`, code);
  }
}

/** What to do about a held data dir: stop the holder, or act through it over HTTP. */
export function inUseAdvice(error: DataDirInUseError): string {
  return error.holder.url === null
    ? `${error.message}: wait for it to finish, or stop it.`
    : `${error.message}: stop it, or pass --url ${error.holder.url} --token … to act through it.`;
}

export function remoteApi(url: string, token: string | undefined): RemoteApi {
  const baseUrl = url.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/i.test(baseUrl)) throw new CliError(`--url "${url}" is not an engine URL; write it as http://host:port (for example http://127.0.0.1:8787).`);
  const bearer = token ?? process.env.HOOKDESK_TOKEN?.trim();
  const text = async (method: string, path: string, body?: string, contentType?: string): Promise<string> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    const answer = await res.text();
    if (!res.ok) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(answer);
      } catch {
        parsed = null;
      }
      throw ApiError.fromBody(res.status, parsed);
    }
    return answer;
  };
  return {
    text,
    async json<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await text(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
      return (answer === '' ? undefined : JSON.parse(answer)) as T;
    },
  };
}
