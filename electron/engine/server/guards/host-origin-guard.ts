import type { RequestHandler } from 'express';
import { ErrorCode, HookdeskError } from '../../../../shared/errors';
import { isLoopbackHost } from './loopback-hosts';

/**
 * Keeps other web pages away from the management API and the UI:
 * - the Host header must name the loopback address or localhost (defeats DNS rebinding, where a
 *   foreign name resolves to 127.0.0.1);
 * - a request that carries an Origin must come from this very origin (no cross-site calls, and
 *   no CORS headers are ever sent).
 */
export const hostOriginGuard: RequestHandler = (req, _res, next) => {
  const host = req.headers.host;
  if (!isLoopbackHost(host)) {
    next(
      new HookdeskError(
        403,
        ErrorCode.forbiddenHost,
        `This Hookdesk answers only at 127.0.0.1 or localhost, not at "${host ?? ''}". Open it through http://127.0.0.1 or http://localhost.`,
      ),
    );
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    next(
      new HookdeskError(
        403,
        ErrorCode.forbiddenOrigin,
        `Requests from ${origin} are refused: the management API takes calls only from the Hookdesk workspace itself or from scripts that send no Origin.`,
      ),
    );
    return;
  }
  next();
};
