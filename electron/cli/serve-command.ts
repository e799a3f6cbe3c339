import { HookdeskError } from '../../shared/errors';
import { startEngine, type Engine } from '../engine/engine';
import type { EngineModule } from '../engine/engine-module';
import { defaultDataDir } from '../engine/default-data-dir';
import { tuneHeapGrowth } from '../engine/heap-tuning';
import { installProcessGuards } from '../engine/process-guards';
import { DataDirInUseError } from '../engine/store/data-dir-lock';
import { StoreCorruptError, StoreTooNewError } from '../engine/store/store-errors';
import { APP_VERSION } from '../engine/version';
import { workspaceServiceOf } from '../engine/workspace/workspace-module';
import { builtRendererDir } from './built-renderer-dir';
import { CliError } from './cli-error';
import { EXIT_DATA_DIR_IN_USE } from './engine-target';
import { formatPlan } from './format-plan';
import { parseServeArgs, USAGE, type ServeArgs } from './parse-args';
import { assertRunEnvironment, environmentsInFile } from './run-environment';
import { readWorkspaceFile } from './workspace-file-io';
import { describeFailure } from './workspace-target';

/**
 * `serve` (the `npm run serve` entry and `hookdesk serve`): flags -> config -> engine. With
 * `--config` the file is applied before anything listens, its resources managed; a missing
 * variable refuses the start (exit 2, every one listed), as does `--env` naming no environment.
 * A data dir another Hookdesk holds (`engine.lock`) is refused with exit 4. Prints the URL line (and the ingest line
 * when ingest has its own listener), finishes pending writes on SIGINT/SIGTERM and exits 0.
 */
export async function runServe(argv: string[]): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = args.dataDir ?? defaultDataDir();
  let configFile: unknown = null;
  if (args.config !== undefined) {
    try {
      configFile = await readWorkspaceFile(args.config);
    } catch (error) {
      process.stderr.write(`Hookdesk did not start: ${describeFailure(error)}\n`);
      process.exit(1);
    }
  }
  // Signals are handled from the start: one that arrives while the engine starts stops it as
  // soon as it is up, and the URL line is printed only once a signal would be handled cleanly.
  let engine: Engine | null = null;
  let stopRequested: string | null = null;
  let exitCode = 0;
  const stop = (reason: string, code = 0): void => {
    if (stopRequested !== null) return;
    stopRequested = reason;
    exitCode = code;
    if (engine) void shutdown(engine, reason, code);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  tuneHeapGrowth();
  installProcessGuards({
    log: (line) => process.stderr.write(`${line}\n`),
    onFatal: (reason) => {
      process.stderr.write(`Hookdesk is stopping: ${reason}. Please report this with the lines above.\n`);
      stop('too many errors', 70);
    },
  });
  try {
    engine = await startEngine(
      {
        host: args.host,
        port: args.port,
        dataDir,
        token: process.env.HOOKDESK_TOKEN?.trim() || undefined,
        maxBodyBytes: args.maxBodyBytes,
        recover: args.recover,
        rendererDir: builtRendererDir(import.meta.url),
        version: APP_VERSION,
        serveUi: !args.noUi,
        ingest: args.ingest,
        managedBy: args.config ?? null,
        allowManagedEdits: args.allowEdits,
        environment: args.env ?? null,
      },
      {
        // Before anything listens: a --env naming no environment refuses the start (exit 2), then --config is applied.
        prepare: async (modules) => {
          if (args.env !== undefined) {
            const stored = workspaceServiceOf(modules).environmentNames();
            assertRunEnvironment(args.env, { dataDir, stored, ...(args.config === undefined ? {} : { config: { path: args.config, names: environmentsInFile(configFile) } }) });
          }
          if (args.config !== undefined) await applyConfig(modules, args.config, configFile);
        },
      },
    );
  } catch (error) {
    process.stderr.write(`Hookdesk did not start: ${describeStartError(error, args)}\n`);
    process.exit(startExitCode(error));
  }
  if (stopRequested !== null) {
    await shutdown(engine, stopRequested, exitCode);
    return;
  }
  // Without a UI there is no page to open, and a server's log is no place for the token.
  process.stdout.write(
    args.noUi
      ? `Hookdesk is running: management API at ${engine.url}/api/v1 (no UI; token from HOOKDESK_TOKEN or ${dataDir}/token; data: ${dataDir})\n`
      : `Hookdesk is running: open ${engine.url}/#token=${engine.token} (data: ${dataDir})\n`,
  );
  if (engine.ingestPort !== null) process.stdout.write(`Hookdesk ingest: ${engine.ingestUrl}\n`);
}

/**
 * Applies the config file before anything listens: plan first, so a missing variable refuses the
 * start with every name listed (exit 2) and nothing written; then apply, marking what it holds managed.
 */
async function applyConfig(modules: readonly EngineModule[], path: string, file: unknown): Promise<void> {
  const workspace = workspaceServiceOf(modules);
  const plan = await workspace.planWorkspace(file, { prune: false });
  if (plan.missingVariables.length > 0) {
    throw new CliError(
      `${path} uses variables that are not set (in the environment's variables or the process environment):\n${plan.missingVariables.map((v) => `  ${v}\n`).join('')}Set them, or pass --env with the environment that defines them.`,
      2,
    );
  }
  const applied = await workspace.applyWorkspace(file, { prune: false, managed: true });
  process.stderr.write(`Applied ${path} (its connectors and webhooks are managed):\n${formatPlan(applied, 'applied')}`);
}

/** Stops the engine (pending writes finish) and exits with `code`: 0 for a signal. */
async function shutdown(engine: Engine, signal: string, code = 0): Promise<void> {
  process.stderr.write(`${signal}: finishing pending writes...\n`);
  try {
    await engine.stop();
    process.exit(code);
  } catch (error) {
    process.stderr.write(`Stopping failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** 2: the config or --env cannot be used; 3: a data file is damaged or too new; 4: another Hookdesk holds the data dir; else 1. */
function startExitCode(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof StoreCorruptError || error instanceof StoreTooNewError) return 3;
  return error instanceof DataDirInUseError ? EXIT_DATA_DIR_IN_USE : 1;
}

function describeStartError(error: unknown, args: ServeArgs): string {
  if (error instanceof DataDirInUseError) {
    return error.holder.url === null
      ? `a hookdesk command (pid ${error.holder.pid}) has the data dir ${error.dataDir} open: wait for it to finish, then start again.`
      : `Hookdesk (pid ${error.holder.pid}) is already serving this data dir (${error.dataDir}) at ${error.holder.url}: open that, or stop it first.`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  // listen() errors carry the port: name the listener that failed.
  const ingest = args.ingest !== null && (error as { port?: number }).port === args.ingest.port && args.ingest.port !== args.port;
  const [host, port, flag] = ingest && args.ingest ? [args.ingest.host, args.ingest.port, '--ingest-port'] : [args.host, args.port, '--port'];
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is in use. Stop what uses it, or pass ${flag} 0 to take a free port.`;
  if (code === 'EACCES') return `no permission to listen on ${host}:${port}, or to use the data folder. Pick a port above 1024 or another --data-dir.`;
  if (error instanceof HookdeskError && args.config !== undefined) return `${args.config} cannot be applied: ${describeFailure(error)}`;
  return describeFailure(error);
}
