import { describe, expect, it } from 'vitest';
import { toCurl } from '../../../shared/curl';
import type { HookEvent } from '../../../shared/schemas/event';
import type { Invocation } from '../../../shared/schemas/delivery';
import { answerBodyText, diffSummary } from '../../../renderer/src/features/relay/answer-diff';
import { decodedNote } from '../../../renderer/src/features/events/event-body';
import { hexDump } from '../../../renderer/src/lib/hex-dump';

const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x41, 0x42, 0x43, 0x0a, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86]);

const answer = (body: string, encoding?: 'base64'): Invocation => ({
  ok: true,
  request: { method: 'POST', url: 'http://127.0.0.1:3000/', headers: {}, body: null },
  response: { status: 200, headers: {}, body, ...(encoding ? { encoding } : {}) },
  error: null,
  durationMs: 1,
  validators: [],
});

describe('binary bodies in the UI: hex and size, never mojibake', () => {
  it('a hex dump has offset, hex bytes and printable ASCII, 16 bytes a line, the first 4 KiB only', () => {
    expect(hexDump(binary).split('\n')).toEqual([
      '00000000  89 50 4e 47 00 ff 41 42 43 0a 80 81 82 83 84 85  .PNG..ABC.......',
      '00000010  86                                               .',
    ]);
    expect(hexDump(new Uint8Array(10_000)).split('\n')).toHaveLength(4096 / 16);
  });

  it('the answer comparison shows a binary answer as its size and hex, and diffs those', () => {
    const text = answerBodyText(answer(binary.toString('base64'), 'base64'));
    expect(text.split('\n')[0]).toBe('(binary, 17 bytes)');
    expect(text).not.toContain('\uFFFD');
    const other = Buffer.from(binary);
    other[5] = 0x00;
    expect(diffSummary(answer(binary.toString('base64'), 'base64'), answer(other.toString('base64'), 'base64'))).toBe('Status 200 (same) · 1 line changed');
  });

  it('Copy as curl sends a binary body byte for byte through base64 -d', () => {
    const curl = toCurl({ method: 'POST', url: 'http://127.0.0.1:3000/x', headers: { 'content-type': 'application/octet-stream' }, body: binary.toString('base64'), encoding: 'base64' });
    expect(curl).toBe(
      `printf %s ${binary.toString('base64')} | base64 -d | curl -X POST http://127.0.0.1:3000/x \\\n  -H 'content-type: application/octet-stream' \\\n  --data-binary @-`,
    );
  });

  it('a capture decoded from its Content-Encoding says so; others say nothing', () => {
    const event = { source: 'capture', headers: { 'content-encoding': 'gzip' }, bodyBase64: 'AA==', size: 31, body: { a: 1 } } as unknown as HookEvent;
    expect(decodedNote(event)).toBe('Sent with Content-Encoding: gzip. Pretty shows the body decoded; Raw shows the 31 bytes as received.');
    expect(decodedNote({ ...event, bodyNote: 'The body is not valid gzip' })).toBeNull();
    expect(decodedNote({ ...event, headers: {} })).toBeNull();
  });
});
