import { describe, expect, it } from 'vitest';
import { buildOutboundRequest } from '../../../shared/outbound/build-request';
import { hookdeskSignature } from '../../../shared/signing/hookdesk-signature';
import { utf8 } from '../../../shared/signing/bytes';
import { requestInput } from '../../helpers/request-input';

const base = requestInput({
  webhook: {
    auth: { type: 'bearer', token: 't' },
    headers: { 'x-hookdesk-event': 'spoofed', Authorization: 'Basic old', 'X-Team': 'ops', 'content-type': 'text/plain' },
    secret: 'k',
  },
  event: { body: { id: 5 } },
});

describe('buildOutboundRequest', () => {
  it('lets auth, X-Hookdesk-* and the signature win over custom headers, and signs the exact body', () => {
    const built = buildOutboundRequest(base);
    if (!built.ok) throw new Error('expected a request');
    const h = built.request.headers;
    expect(h['X-Team']).toBe('ops');
    expect(h['X-Hookdesk-Event']).toBe('order.created');
    expect(h.Authorization).toBe('Bearer t');
    expect(h['Content-Type']).toBe('application/json');
    expect(Object.keys(h).filter((k) => k.toLowerCase() === 'content-type')).toHaveLength(1);
    expect(h['X-Hookdesk-Signature']).toBe(hookdeskSignature('k', utf8(built.request.body ?? '')));
  });

  it('sends no body and no content type for GET, and reports a broken template with its position', () => {
    const get = buildOutboundRequest({ ...base, webhook: { ...base.webhook, method: 'GET', headers: {} } });
    expect(get.ok && get.request.body === null && !('Content-Type' in get.request.headers)).toBe(true);
    const broken = buildOutboundRequest({ ...base, webhook: { ...base.webhook, bodyTemplate: '{"a": {{#data}}' } });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatchObject({ source: 'template', line: 1 });
  });
});
