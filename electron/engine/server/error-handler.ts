import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode, HookdeskError } from '../../../shared/errors';

/** Unknown routes under the API answer the contract's JSON 404, never an HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(
    new HookdeskError(
      404,
      ErrorCode.notFound,
      `There is no route ${req.method} ${req.originalUrl.split('?')[0] ?? ''}. See API.md section 3 for the management API.`,
    ),
  );
};

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Maps every error to the contract's shape, once, at the edge. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    let known: HookdeskError;
    if (error instanceof HookdeskError) {
      known = error;
    } else {
      const parserError = error as BodyParserError;
      if (parserError.type === 'entity.parse.failed') {
        known = new HookdeskError(400, ErrorCode.invalidJson, 'The request body is not valid JSON. Check quotes, commas and brackets.');
      } else if (parserError.type === 'entity.too.large') {
        known = new HookdeskError(
          413,
          ErrorCode.payloadTooLarge,
          `The request body is larger than the ${parserError.limit ?? 'allowed'} bytes the management API accepts. Send less at once.`,
        );
      } else if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
        known = new HookdeskError(415, ErrorCode.unsupportedMediaType, 'Send the body as UTF-8 JSON.');
      } else {
        log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        known = new HookdeskError(500, ErrorCode.internal, 'Hookdesk hit an internal error. It was logged; try again, and report it if it repeats.');
      }
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(known.status).json(known.toBody());
  };
}

/** POST/PATCH/PUT bodies of the management API must be JSON. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if ((hasBody || chunked) && !req.is('application/json') && !req.is('+json')) {
    next(
      new HookdeskError(
        415,
        ErrorCode.unsupportedMediaType,
        `The management API takes JSON bodies; this one was sent as "${req.headers['content-type'] ?? 'no content type'}". Send "Content-Type: application/json".`,
      ),
    );
    return;
  }
  next();
};
