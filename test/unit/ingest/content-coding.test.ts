import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HookdeskError } from '../../../shared/errors';
import { contentCodings, decodeContent, decodeError } from '../../../electron/engine/ingest/content-coding';

const json = Buffer.from('{"type":"order.created","id":1}');

describe('Content-Encoding on request bodies', () => {
  it('reads the codings in the order they were applied; identity and no header are nothing to do', () => {
    expect(contentCodings({})).toEqual([]);
    expect(contentCodings({ 'content-encoding': 'identity' })).toEqual([]);
    expect(contentCodings({ 'content-encoding': 'GZIP' })).toEqual(['gzip']);
    expect(contentCodings({ 'content-encoding': 'x-gzip' })).toEqual(['gzip']);
    expect(contentCodings({ 'content-encoding': 'deflate, br' })).toEqual(['deflate', 'br']);
  });

  it('an unknown coding is a 415 that names it', () => {
    const error = (() => {
      try {
        contentCodings({ 'content-encoding': 'gzip, zstd' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(HookdeskError);
    expect((error as HookdeskError).status).toBe(415);
    expect((error as HookdeskError).code).toBe('unsupported_media_type');
    expect((error as HookdeskError).message).toContain('"zstd"');
  });

  it('decodes gzip, deflate (zlib or raw) and br, and stacked codings last-applied first', async () => {
    for (const [coding, bytes] of [
      ['gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
      ['deflate', deflateRawSync(json)],
      ['br', brotliCompressSync(json)],
    ] as const) {
      const decoded = await decodeContent(bytes, [coding], 1024);
      expect(decoded.ok && decoded.bytes.toString()).toBe(json.toString());
    }
    const stacked = await decodeContent(brotliCompressSync(gzipSync(json)), ['gzip', 'br'], 1024);
    expect(stacked.ok && stacked.bytes.toString()).toBe(json.toString());
  });

  it('stops a bomb at the limit instead of inflating it, and words it as 413', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    const decoded = await decodeContent(bomb, ['gzip'], 64 * 1024);
    expect(decoded).toEqual({ ok: false, failure: { kind: 'too_large', coding: 'gzip' } });
    if (!decoded.ok) expect(decodeError(decoded.failure, 64 * 1024).status).toBe(413);
  });

  it('a broken stream is 400 invalid_encoding naming the coding', async () => {
    const decoded = await decodeContent(gzipSync(json).subarray(0, 12), ['gzip'], 1024);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    const error = decodeError(decoded.failure, 1024);
    expect([error.status, error.code]).toEqual([400, 'invalid_encoding']);
    expect(error.message).toContain('not valid gzip');
  });
});
