import { describe, expect, it } from 'vitest';
import { buildOutboundRequest } from '../../../../shared/outbound/build-request';
import { headerSafe } from '../../../../shared/outbound/outbound-headers';
import { requestInput } from '../../../helpers/request-input';

const base = requestInput({
  webhook: { url: 'http://127.0.0.1:9/in' },
  event: { type: 'a.b', connectorId: 'con_a', receivedTime: '2025-01-01T00:00:00.000Z' },
  apiBaseUrl: 'http://127.0.0.1:1',
  timestampSeconds: 1,
});

describe('requests built from what a sender chose', () => {
  it('a type or entity id with a line break or an emoji becomes a header value that cannot inject or break the request', () => {
    const built = buildOutboundRequest({ ...base, event: { ...base.event, type: 'a\r\nX-Evil: 1', body: { id: 'caf\u00e9 😀' } } });
    expect(built.ok).toBe(true);
    expect(built.request.headers['X-Hookdesk-Event']).toBe('a%0D%0AX-Evil: 1');
    expect(built.request.headers['X-Hookdesk-Entity-Id']).toBe('caf%C3%A9 %F0%9F%98%80');
    expect(headerSafe('order.created')).toBe('order.created');
  });

  it('an entity id with a lone surrogate on a connector.* type does not throw', () => {
    const built = buildOutboundRequest({ ...base, event: { ...base.event, type: 'connector.x', body: { id: 'con_\uD800' } } });
    expect(built.ok).toBe(true);
    expect(built.request.headers['X-Hookdesk-Entity-URL']).toBe('http://127.0.0.1:1/api/v1/connectors/con_%EF%BF%BD');
  });

  it('an event nested 10,000 deep fails to build with a reason in words, never a throw', () => {
    let body: unknown = 1;
    for (let i = 0; i < 10_000; i++) body = { a: body };
    const built = buildOutboundRequest({ ...base, event: { ...base.event, body } });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.reason).toMatch(/nested deeper than 256 levels/);
    expect(built.request.url).toBe(base.webhook.url);
  });
});
