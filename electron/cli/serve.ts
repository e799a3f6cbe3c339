import { fileURLToPath } from 'node:url';
import { startEngine, type Engine } from '../engine/engine';
import { defaultDataDir } from '../engine/default-data-dir';
import { installProcessGuards } from '../engine/process-guards';
import { StoreCorruptError, StoreTooNewError } from '../engine/store/store-errors';
import { APP_VERSION } from '../engine/version';
import { parseServeArgs, USAGE, type ServeArgs } from './parse-args';

/**
 * Headless entry: flags -> config -> engine. Prints one line with the URL to open, finishes
 * pending writes on SIGINT/SIGTERM and exits 0.
 */
async function main(): Promise<void> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = args.dataDir ?? defaultDataDir();
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
  installProcessGuards({
    log: (line) => process.stderr.write(`${line}\n`),
    onFatal: (reason) => {
      process.stderr.write(`Hookdesk is stopping: ${reason}. Please report this with the lines above.\n`);
      stop('too many errors', 70);
    },
  });
  try {
    engine = await startEngine({
      host: args.host,
      port: args.port,
      dataDir,
      token: process.env.HOOKDESK_TOKEN?.trim() || undefined,
      maxBodyBytes: args.maxBodyBytes,
      recover: args.recover,
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      version: APP_VERSION,
    });
  } catch (error) {
    process.stderr.write(`Hookdesk did not start: ${describeStartError(error, args)}\n`);
    process.exit(error instanceof StoreCorruptError || error instanceof StoreTooNewError ? 3 : 1);
  }
  if (stopRequested !== null) {
    await shutdown(engine, stopRequested, exitCode);
    return;
  }
  process.stdout.write(`Hookdesk is running: open ${engine.url}/#token=${engine.token} (data: ${dataDir})\n`);
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

function describeStartError(error: unknown, args: ServeArgs): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${args.port} on ${args.host} is in use. Stop what uses it, or pass --port 0 to take a free port.`;
  if (code === 'EACCES') return `no permission to listen on ${args.host}:${args.port}, or to use the data folder. Pick a port above 1024 or another --data-dir.`;
  return error instanceof Error ? error.message : String(error);
}

void main();
