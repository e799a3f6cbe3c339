import { describeError } from './server/describe-error';

/** More uncaught errors than this within `FLOOD_WINDOW_MS` means the process is in a bad state. */
export const FLOOD_LIMIT = 10;
export const FLOOD_WINDOW_MS = 60_000;

export interface ProcessGuardOptions {
  log: (line: string) => void;
  /**
   * Called once when uncaught errors come in a flood (a loop that keeps failing): the wiring root
   * stops the engine cleanly and exits, rather than serving on in a state nobody understands.
   */
  onFatal: (reason: string) => void;
  /** The process (tests pass an EventEmitter). */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
  now?: () => number;
}

/**
 * Process-level last resort for the wiring roots (CLI, Electron main): an error that escaped
 * every handler is logged in one line and the engine keeps serving, since one bad request or
 * event must never take it down; each request's own handler already answered or closed it.
 * Answers a function that removes the handlers.
 */
export function installProcessGuards(options: ProcessGuardOptions): () => void {
  const target = options.target ?? process;
  const now = options.now ?? Date.now;
  let recent: number[] = [];
  let fatal = false;
  const note = (kind: string, error: unknown): void => {
    options.log(`${kind} (Hookdesk keeps running): ${describeError(error)}`);
    const at = now();
    recent = recent.filter((t) => at - t < FLOOD_WINDOW_MS);
    recent.push(at);
    if (recent.length > FLOOD_LIMIT && !fatal) {
      fatal = true;
      options.onFatal(`${recent.length} uncaught errors within ${FLOOD_WINDOW_MS / 1000} s`);
    }
  };
  const onException = (error: unknown): void => note('uncaught exception', error);
  const onRejection = (reason: unknown): void => note('unhandled promise rejection', reason);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
