import { describe, expect, it } from 'vitest';
import { HOP_HEADER, HopMark } from '../../../electron/engine/relay/forward-loop';
import { forwardHeaders, forwardUrl } from '../../../shared/relay/forward-request';
import { toEventView } from '../../../electron/engine/relay/event-view';
import type { HookEvent } from '../../../shared/schemas/event';

describe('forward URL', () => {
  it('appends the capture sub-path with one slash and keeps path and query as sent', () => {
    expect(forwardUrl('http://localhost:3000/webhooks', '/github/push', 'a=1&b=%20x')).toBe('http://localhost:3000/webhooks/github/push?a=1&b=%20x');
    expect(forwardUrl('http://localhost:3000/webhooks/', '/github', '')).toBe('http://localhost:3000/webhooks/github');
    expect(forwardUrl('http://localhost:3000', '/a%2Fb', '')).toBe('http://localhost:3000/a%2Fb');
    expect(forwardUrl('http://localhost:3000/in', '', '')).toBe('http://localhost:3000/in');
  });

  it('joins the forward URL\'s own query with the request\'s and drops a fragment', () => {
    expect(forwardUrl('http://h/in?token=abc#top', '/x', 'y=2')).toBe('http://h/in/x?token=abc&y=2');
    expect(forwardUrl('http://h/in?token=abc', '', '')).toBe('http://h/in?token=abc');
  });
});

describe('forward headers', () => {
  const received = {
    'content-type': 'application/json',
    'x-github-event': 'push',
    connection: 'keep-alive, X-Per-Hop',
    'x-per-hop': 'dropped because Connection names it',
    'keep-alive': 'timeout=5',
    'proxy-authorization': 'Basic abc',
    te: 'trailers',
    trailer: 'X-T',
    'transfer-encoding': 'chunked',
    upgrade: 'h2c',
    host: '127.0.0.1:8787',
    'content-length': '12',
    expect: '100-continue',
    api_key: '[redacted]',
    'api-key': 'k',
  };

  it('drops hop-by-hop headers, those the Connection header names, and the push key of push requests', () => {
    expect(forwardHeaders(received, { dropPushKey: true })).toEqual({ 'content-type': 'application/json', 'x-github-event': 'push' });
  });

  it('keeps api-key headers of a capture request: only push requests carry Hookdesk\'s key there', () => {
    expect(forwardHeaders(received, { dropPushKey: false })).toMatchObject({ api_key: '[redacted]', 'api-key': 'k' });
  });
});

describe('forward loop mark', () => {
  it('adds this instance once, keeps other instances, and recognizes itself', () => {
    const mark = new HopMark();
    const other = new HopMark();
    expect(mark.id).not.toBe(other.id);
    const once = mark.stamp({ a: '1' });
    expect(once).toEqual({ a: '1', [HOP_HEADER]: mark.id });
    expect(mark.stamp(once)[HOP_HEADER]).toBe(mark.id);
    const chained = mark.stamp({ 'X-Hookdesk-Forwarded-By': other.id });
    expect(chained[HOP_HEADER]).toBe(`${other.id}, ${mark.id}`);
    expect(mark.seenIn({ [HOP_HEADER]: `${other.id}, ${mark.id}` })).toBe(true);
    expect(mark.seenIn({ [HOP_HEADER]: other.id })).toBe(false);
    expect(mark.seenIn({})).toBe(false);
  });
});

describe('event view', () => {
  const base: HookEvent = {
    id: 'evt_1',
    connectorId: 'con_1',
    source: 'push',
    dataSource: 'generic',
    type: 't',
    receivedTime: '2026-01-01T00:00:00.000Z',
    headers: {},
    body: {},
    size: 2,
    remoteAddress: null,
  };

  it('shows forward null and verification none for events stored without them, and leaves the stored event alone', () => {
    expect(toEventView(base)).toMatchObject({ forward: null, verification: { status: 'none', reason: null } });
    expect(base).not.toHaveProperty('forward');
    const verified = { ...base, forward: null, verification: { status: 'verified' as const, reason: 'ok' } };
    expect(toEventView(verified)).toBe(verified);
  });
});
