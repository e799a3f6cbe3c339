import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { NDJSON_MEDIA_TYPES } from '../../../shared/interop/event-archive';
import { describeError } from './describe-error';

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

/** What body-parser and http-errors put on the errors they raise. */
interface HttpLayerError {
  type?: string;
  status?: number;
  expose?: boolean;
  limit?: number;
  encoding?: string;
  charset?: string;
}

const INTERNAL_MESSAGE = 'Hookdesk hit an internal error. It was logged; try again, and report it if it repeats.';

/** The Content-Encoding the client declared, for messages ('' when none or identity). */
function declaredEncoding(req: Request): string {
  const value = req.headers['content-encoding'];
  const encoding = (Array.isArray(value) ? value.join(', ') : (value ?? '')).trim().toLowerCase();
  return encoding === 'identity' ? '' : encoding.slice(0, 40);
}

/**
 * Maps an error that is not a HookdeskError to one: the body parser's refusals by their type,
 * any other client error (4xx from the HTTP layer) by its status, anything else as a 500.
 * Answers null for the 500 case, so the caller logs it.
 */
function fromHttpLayer(error: unknown, req: Request): HookdeskError | null {
  const layer = (typeof error === 'object' && error !== null ? error : {}) as HttpLayerError;
  switch (layer.type) {
    case 'entity.parse.failed':
      return new HookdeskError(400, ErrorCode.invalidJson, 'The request body is not valid JSON. Check quotes, commas and brackets.');
    case 'entity.too.large':
      return new HookdeskError(
        413,
        ErrorCode.payloadTooLarge,
        `The request body is larger than the ${layer.limit ?? 'allowed'} bytes the management API accepts. Send less at once.`,
      );
    case 'encoding.unsupported':
      return new HookdeskError(
        415,
        ErrorCode.unsupportedMediaType,
        `The body's Content-Encoding "${(layer.encoding ?? declaredEncoding(req)).slice(0, 40)}" is not one Hookdesk reads. Send it uncompressed, or as gzip, deflate or br.`,
      );
    case 'charset.unsupported':
      return new HookdeskError(415, ErrorCode.unsupportedMediaType, `The body's charset "${(layer.charset ?? '').slice(0, 40)}" is not supported. Send the body as UTF-8 JSON.`);
    case 'request.aborted':
      return new HookdeskError(400, ErrorCode.badRequest, 'The request was cut off before its body ended.');
    case 'request.size.invalid':
      return new HookdeskError(400, ErrorCode.badRequest, 'The body is not as long as its Content-Length says.');
  }
  const status = layer.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  const encoding = declaredEncoding(req);
  if (status === 400 && encoding !== '') {
    // The decompressor failed: the bytes are not what the Content-Encoding header says.
    return new HookdeskError(
      400,
      ErrorCode.invalidEncoding,
      `The body could not be decoded as "${encoding}" (its Content-Encoding). Send it uncompressed, or compressed the way the header says.`,
    );
  }
  return new HookdeskError(status, ErrorCode.badRequest, 'The request was refused by the HTTP layer. Check its headers and body.');
}

/**
 * Maps every error to the contract's shape, once, at the edge. Clients never see a stack; the
 * log gets one line for an unexpected error (a bug), and nothing for a client's mistake.
 */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    let known = error instanceof HookdeskError ? error : fromHttpLayer(error, req);
    if (!known) {
      log(`internal error on ${req.method} ${req.originalUrl.split('?')[0] ?? ''}: ${describeError(error)}`);
      known = new HookdeskError(500, ErrorCode.internal, INTERNAL_MESSAGE);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(known.status).json(known.toBody());
  };
}

/** POST/PATCH/PUT bodies of the management API must be JSON (or NDJSON, which event imports read). */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if ((hasBody || chunked) && !req.is('application/json') && !req.is('+json') && !req.is([...NDJSON_MEDIA_TYPES])) {
    next(
      new HookdeskError(
        415,
        ErrorCode.unsupportedMediaType,
        `The management API takes JSON bodies; this one was sent as "${(req.headers['content-type'] ?? 'no content type').slice(0, 100)}". Send "Content-Type: application/json".`,
      ),
    );
    return;
  }
  next();
};
