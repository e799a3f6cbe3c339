import type { IncomingMessage } from 'node:http';
import { ErrorCode, HookdeskError } from '../../../shared/errors';

/** The request went away before its body was complete: there is no one to answer. */
export class RequestAbortedError extends Error {
  constructor() {
    super('The client closed the request before its body was complete.');
    this.name = 'RequestAbortedError';
  }
}

export function payloadTooLarge(limit: number): HookdeskError {
  return new HookdeskError(
    413,
    ErrorCode.payloadTooLarge,
    `The request body is larger than the ${limit} bytes Hookdesk accepts. Send smaller bodies, or start Hookdesk with a larger --max-body.`,
  );
}

/** A Content-Length header above the limit: refused before one byte is read. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > limit;
}

/**
 * Reads a request body up to `limit` bytes. Past the limit it stops reading and rejects with
 * 413 payload_too_large (the caller answers and closes the connection). A single chunk, the
 * usual case for small webhooks, is returned without a copy.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
    };
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length > limit) {
        cleanup();
        req.pause();
        reject(payloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length));
    };
    const onAbort = (): void => {
      cleanup();
      reject(new RequestAbortedError());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}
