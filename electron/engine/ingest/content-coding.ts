import type { IncomingHttpHeaders } from 'node:http';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { ErrorCode, HookdeskError } from '../../../shared/errors';

/**
 * Request bodies sent with `Content-Encoding` (RFC 9110 8.4): gzip, deflate and br are decoded,
 * every step with a running output cap (the body limit), so a small "bomb" stops at the limit
 * instead of filling memory. Node's zlib convenience functions stream internally and give up as
 * soon as the output passes `maxOutputLength`.
 */

/** The content codings Hookdesk decodes (`x-gzip` is gzip's old name, RFC 9110 8.4.1.3). */
export type ContentCoding = 'gzip' | 'deflate' | 'br';

/** More codings than this in one header is refused: no sender stacks that many. */
export const MAX_CODINGS = 3;

const KNOWN: Readonly<Record<string, ContentCoding>> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br' };

const gunzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gunzip);
const inflateAsync = promisify<Buffer, ZlibOptions, Buffer>(inflate);
const inflateRawAsync = promisify<Buffer, ZlibOptions, Buffer>(inflateRaw);
const brotliAsync = promisify<Buffer, ZlibOptions, Buffer>(brotliDecompress);

export function unsupportedCoding(header: string, why: string): HookdeskError {
  return new HookdeskError(
    415,
    ErrorCode.unsupportedMediaType,
    `The body is sent with "Content-Encoding: ${header}", ${why} Hookdesk decodes gzip, deflate and br (or none).`,
  );
}

/**
 * The codings a request's body was encoded with, in the order they were applied; [] for none or
 * `identity` (the hot path: no header, nothing to do). Unknown codings and lists longer than
 * MAX_CODINGS are 415 naming them.
 */
export function contentCodings(headers: IncomingHttpHeaders): ContentCoding[] {
  const header = headers['content-encoding'];
  if (header === undefined) return [];
  const codings: ContentCoding[] = [];
  for (const token of header.split(',')) {
    const name = token.trim().toLowerCase();
    if (name === '' || name === 'identity') continue;
    const known = KNOWN[name];
    if (known === undefined) throw unsupportedCoding(header, `and "${name}" is not a coding Hookdesk can decode.`);
    codings.push(known);
  }
  if (codings.length > MAX_CODINGS) throw unsupportedCoding(header, `which stacks ${codings.length} codings; at most ${MAX_CODINGS} are decoded.`);
  return codings;
}

/** Why decoding stopped: the output passed the cap, or the bytes are not what the coding says. */
export type DecodeFailure = { kind: 'too_large'; coding: ContentCoding } | { kind: 'corrupt'; coding: ContentCoding; detail: string };

export type DecodeResult = { ok: true; bytes: Buffer } | { ok: false; failure: DecodeFailure };

/**
 * The body with its codings undone (the last applied first), each step's output at most `limit`
 * bytes. Never throws: a bomb or a broken stream comes back as a failure to word.
 */
export async function decodeContent(bytes: Buffer, codings: readonly ContentCoding[], limit: number): Promise<DecodeResult> {
  let current = bytes;
  for (let i = codings.length - 1; i >= 0; i -= 1) {
    const coding = codings[i] as ContentCoding;
    try {
      current = await decodeOne(current, coding, limit);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return { ok: false, failure: { kind: 'too_large', coding } };
      return { ok: false, failure: { kind: 'corrupt', coding, detail: (error as Error).message } };
    }
  }
  return { ok: true, bytes: current };
}

async function decodeOne(bytes: Buffer, coding: ContentCoding, limit: number): Promise<Buffer> {
  const options: ZlibOptions = { maxOutputLength: Math.max(1, limit) };
  switch (coding) {
    case 'gzip':
      return gunzipAsync(bytes, options);
    case 'br':
      return brotliAsync(bytes, options);
    case 'deflate':
      try {
        return await inflateAsync(bytes, options);
      } catch (error) {
        // "deflate" means zlib-wrapped (RFC 9110 8.4.1.2), but some senders send raw deflate.
        if ((error as { code?: string }).code !== 'Z_DATA_ERROR') throw error;
        return inflateRawAsync(bytes, options);
      }
  }
}

/** The failure as the push API answers it: 413 for a body that decodes past the limit, 400 for a broken one. */
export function decodeError(failure: DecodeFailure, limit: number): HookdeskError {
  if (failure.kind === 'too_large') {
    return new HookdeskError(
      413,
      ErrorCode.payloadTooLarge,
      `The body decoded from ${failure.coding} passed the ${limit} bytes Hookdesk accepts (decoding stopped there). Send smaller bodies, or start Hookdesk with a larger --max-body.`,
    );
  }
  return new HookdeskError(
    400,
    ErrorCode.invalidEncoding,
    `The body is not valid ${failure.coding}, although Content-Encoding says it is (${failure.detail}). Send it compressed as the header says, or without Content-Encoding.`,
  );
}

/** The failure in words for an event's note (capture keeps the bytes whatever they are). */
export function decodeNote(failure: DecodeFailure, limit: number): string {
  if (failure.kind === 'too_large') {
    return `The body decoded from ${failure.coding} passes the ${limit}-byte body limit, so it is not shown decoded; the bytes as received are under Raw.`;
  }
  return `The body is not valid ${failure.coding}, although Content-Encoding says it is (${failure.detail}); the bytes as received are under Raw.`;
}
