import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../../shared/schemas/event';
import { editableBody, editableHeaders, forwardInvocation, replayRequestOf } from '../../../../renderer/src/features/relay/replay-request';

const base: HookEvent = {
  id: 'evt_1',
  connectorId: 'con_1',
  source: 'capture',
  dataSource: 'GitHub',
  type: 'push',
  receivedTime: '2026-01-01T00:00:00.000Z',
  headers: { 'content-type': 'application/json', 'content-length': '12', host: '127.0.0.1', 'x-hub-signature-256': 'sha256=ab' },
  body: { a: 1 },
  size: 12,
  remoteAddress: '127.0.0.1',
  method: 'POST',
  path: '/gh',
  query: 'x=1',
  contentType: 'application/json',
  bodyBase64: Buffer.from('{ "a" : 1 }\n').toString('base64'),
};

describe('replay request', () => {
  it('offers the exact bytes as text, not re-serialized JSON', () => {
    expect(editableBody(base)).toEqual({ kind: 'text', text: '{ "a" : 1 }\n', language: 'json' });
  });

  it('marks a body that is not UTF-8 as binary', () => {
    expect(editableBody({ ...base, bodyBase64: Buffer.from([0xff, 0xfe, 0x00]).toString('base64') })).toEqual({ kind: 'binary', size: 3 });
  });

  it('offers headers less those set when sending', () => {
    expect(editableHeaders(base)).toBe('content-type: application/json\nx-hub-signature-256: sha256=ab');
  });

  it('sends neither body nor headers when nothing was edited, so the stored bytes go out exactly', () => {
    const original = { body: editableBody(base), headers: editableHeaders(base) };
    const form = { target: 'forward' as const, webhookId: '', url: '', body: '{ "a" : 1 }\n', headers: original.headers };
    expect(replayRequestOf(form, original)).toEqual({ request: { target: 'forward' } });
  });

  it('sends the edited body and headers, and the chosen target', () => {
    const original = { body: editableBody(base), headers: editableHeaders(base) };
    const form = { target: 'url' as const, webhookId: '', url: ' http://127.0.0.1:9/x ', body: '{"a":2}', headers: 'content-type: application/json\nx-extra: 1' };
    expect(replayRequestOf(form, original)).toEqual({
      request: { target: 'url', url: 'http://127.0.0.1:9/x', body: '{"a":2}', headers: { 'content-type': 'application/json', 'x-extra': '1' } },
    });
    expect(replayRequestOf({ ...form, headers: 'not a header line' }, original)).toEqual({ fields: { headers: 'Line 1 is not "Name: value".' } });
  });

  it('shows a forward as an invocation: the event sent on, and the answer', () => {
    const event = { ...base, forward: { status: 'failed' as const, url: 'http://127.0.0.1:3000/in/gh?x=1', response: { status: 500, headers: {}, body: 'boom' }, error: null, durationMs: 4 } };
    const invocation = forwardInvocation(event, null);
    expect(invocation).toMatchObject({ ok: false, request: { method: 'POST', url: 'http://127.0.0.1:3000/in/gh?x=1', body: '{ "a" : 1 }\n' }, response: { status: 500 } });
    expect(forwardInvocation({ ...event, forward: { ...event.forward, url: undefined } }, 'http://127.0.0.1:3000/in/')?.request.url).toBe('http://127.0.0.1:3000/in/gh?x=1');
    expect(forwardInvocation(base, null)).toBeNull();
  });
});
