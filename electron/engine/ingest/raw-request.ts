import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { describeError } from '../server/describe-error';
import { sendJson } from '../server/raw-handler';
import { RequestAbortedError } from './read-body';

/**
 * Runs a hot-path request handler and maps what it throws to the contract's error answers:
 * a HookdeskError as itself (413 also closes the connection, since the rest of the body was
 * not read), an aborted request not at all, anything else as a logged 500.
 */
export function runRawRequest(
  req: IncomingMessage,
  res: ServerResponse,
  log: (line: string) => void,
  handle: () => Promise<void>,
): void {
  handle().catch((error: unknown) => {
    if (error instanceof RequestAbortedError) {
      res.destroy();
      return;
    }
    let known: HookdeskError;
    if (error instanceof HookdeskError) {
      known = error;
    } else {
      log(`internal error on ${req.method ?? '?'} ${(req.url ?? '').split('?')[0] ?? ''}: ${describeError(error)}`);
      known = new HookdeskError(500, ErrorCode.internal, 'Hookdesk could not store this request. It was logged; send it again, and report it if it repeats.');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendJson(res, known.status, known.toBody(), known.status === 413 && !req.complete ? { connection: 'close' } : undefined);
  });
}
