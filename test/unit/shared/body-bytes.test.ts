import { describe, expect, it } from 'vitest';
import { recordBody, recordedByteLength, recordedBytes } from '../../../shared/body-bytes';

const bytesOf = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('recorded bodies keep their bytes', () => {
  it('UTF-8 text is kept as text, with no encoding field', () => {
    expect(recordBody('{"ok":true,"name":"Zoë"}', 1024)).toEqual({ body: '{"ok":true,"name":"Zoë"}' });
    expect(recordBody(new TextEncoder().encode('héllo'), 1024)).toEqual({ body: 'héllo' });
  });

  it('bytes that are not UTF-8 become base64 that decodes to the same bytes (never U+FFFD)', () => {
    const binary = bytesOf(0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x80);
    const recorded = recordBody(binary, 1024);
    expect(recorded).toEqual({ body: Buffer.from(binary).toString('base64'), encoding: 'base64' });
    expect(recordedBytes(recorded)).toEqual(binary);
    expect(recordedByteLength(recorded)).toBe(8);
  });

  it('is capped in bytes, before encoding, and says it was cut', () => {
    const binary = new Uint8Array(5000).map((_, i) => (i * 37) % 256);
    const recorded = recordBody(binary, 4096);
    expect(recorded.encoding).toBe('base64');
    expect(recorded.truncated).toBe(true);
    expect(recordedBytes(recorded)).toEqual(binary.subarray(0, 4096));

    const text = recordBody('a'.repeat(5000), 4096);
    expect(text).toEqual({ body: 'a'.repeat(4096), truncated: true });
  });

  it('a cap that falls inside a multi-byte character keeps the text as text, without the half character', () => {
    const text = `${'a'.repeat(4095)}€tail`; // € is 3 bytes: bytes 4095..4097
    const recorded = recordBody(text, 4096);
    expect(recorded).toEqual({ body: 'a'.repeat(4095), truncated: true });
  });

  it('a reader that already stopped at the cap marks the record truncated', () => {
    expect(recordBody(new TextEncoder().encode('partial'), 1024, true)).toEqual({ body: 'partial', truncated: true });
  });

  it('an empty body is empty text', () => {
    expect(recordBody(new Uint8Array(0), 1024)).toEqual({ body: '' });
  });
});
