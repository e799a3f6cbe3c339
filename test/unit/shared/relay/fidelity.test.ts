import { describe, expect, it } from 'vitest';
import { compareHeaders, fidelitySummary, sameBody } from '../../../../shared/relay/fidelity';
import type { RelayFidelity } from '../../../../shared/schemas/fidelity';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const fidelity = (over: Partial<RelayFidelity>): RelayFidelity => ({
  receivedSha256: A,
  receivedBytes: 10,
  sentSha256: A,
  sentBytes: 10,
  headers: { added: [], removed: [], changed: [] },
  ...over,
});

describe('relay fidelity comparer', () => {
  it('lists header names added, removed and changed, ignoring case, and leaves out what the client sets itself', () => {
    const received = { 'Content-Type': 'application/json', 'X-Keep': '1', 'X-Drop': 'x', Host: 'a:1', 'Content-Length': '10', Connection: 'keep-alive' };
    const sent = { 'content-type': 'application/json', 'x-keep': '2', 'X-New': 'y', host: 'b:2', 'content-length': '12' };
    expect(compareHeaders(received, sent)).toEqual({ added: ['x-new'], removed: ['x-drop'], changed: ['x-keep'] });
    expect(compareHeaders(received, received)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('says "byte for byte" only when the digests and lengths agree and no header changed, else what changed', () => {
    expect(fidelitySummary(fidelity({}), 'Forwarded')).toBe('Forwarded byte for byte');
    expect(fidelitySummary(fidelity({ headers: { added: ['x-hookdesk-forwarded-by'], removed: [], changed: [] } }), 'Forwarded')).toBe('Body forwarded byte for byte · header: 1 added');
    const edited = fidelity({ sentSha256: B, sentBytes: 1204, receivedBytes: 1180, headers: { added: ['x-a'], removed: ['x-b', 'x-c'], changed: ['x-d'] } });
    expect(sameBody(edited)).toBe(false);
    expect(fidelitySummary(edited, 'Replayed')).toBe('Body edited (1,180 → 1,204 bytes) · headers: 1 added, 2 removed, 1 changed');
  });
});
