import type { IncomingHttpHeaders } from 'node:http';
import { HookdeskError } from '../../../shared/errors';
import { readCaptured, type CapturedBody } from './capture-body';
import { contentCodings, decodeContent, decodeNote, type ContentCoding } from './content-coding';

/**
 * What a captured body reads as once its Content-Encoding (gzip, deflate, br) is undone, bounded by
 * the body limit. Capture refuses nothing for its coding: the raw bytes are always kept (bodyBase64);
 * a body that cannot be decoded (unknown coding, broken stream, decoded past the limit) is stored
 * with `body: null` and a note saying why. Without Content-Encoding this is `readCaptured` at once.
 */
export function readCapturedContent(bytes: Buffer, headers: IncomingHttpHeaders, limit: number): CapturedBody | Promise<CapturedBody> {
  if (headers['content-encoding'] === undefined || bytes.length === 0) return readCaptured(bytes);
  let codings: ContentCoding[];
  try {
    codings = contentCodings(headers);
  } catch (error) {
    if (!(error instanceof HookdeskError)) throw error;
    return { body: null, note: `${error.message.replace(/ Hookdesk decodes .*$/, '')} It is not shown decoded; the bytes as received are under Raw.` };
  }
  if (codings.length === 0) return readCaptured(bytes);
  return decodeContent(bytes, codings, limit).then((decoded) => (decoded.ok ? readCaptured(decoded.bytes) : { body: null, note: decodeNote(decoded.failure, limit) }));
}
