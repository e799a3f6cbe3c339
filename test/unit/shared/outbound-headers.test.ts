import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authHeaders, hookdeskEventHeaders, mergeHeaders, signatureHeaders } from '../../../shared/outbound/outbound-headers';
import { utf8 } from '../../../shared/signing/bytes';

describe('outbound headers', () => {
  it('X-Hookdesk-* from the envelope', () => {
    expect(hookdeskEventHeaders({ eventId: 'evt_1', eventType: 'T', webhookId: 'whk_1', entityId: '9', entityUrl: 'http://h/api/v1/events/evt_1' })).toEqual({
      'X-Hookdesk-Event-Id': 'evt_1',
      'X-Hookdesk-Event': 'T',
      'X-Hookdesk-Webhook-Id': 'whk_1',
      'X-Hookdesk-Entity-Id': '9',
      'X-Hookdesk-Entity-URL': 'http://h/api/v1/events/evt_1',
    });
  });

  it('auth headers per type', () => {
    expect(authHeaders({ type: 'none' })).toEqual({});
    expect(authHeaders({ type: 'basic', username: 'Aladdin', password: 'open sesame' })).toEqual({ Authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' });
    expect(authHeaders({ type: 'bearer', token: 't' })).toEqual({ Authorization: 'Bearer t' });
    expect(authHeaders({ type: 'apiKey', header: 'DD-API-KEY', value: 'k' })).toEqual({ 'DD-API-KEY': 'k' });
    const oauth = { type: 'oauth2', tokenUrl: 'https://a/t', clientId: 'c', clientSecret: 's' } as const;
    expect(authHeaders(oauth, 'abc')).toEqual({ Authorization: 'Bearer abc' });
    expect(authHeaders(oauth)).toEqual({});
  });

  it('signature headers: none without a secret, hmac-sha1 or the Standard Webhooks trio', () => {
    const body = utf8('{"a":1}');
    const common = { body, messageId: 'evt_1', timestampSeconds: 1614265330 };
    expect(signatureHeaders({ ...common, signature: 'hmac-sha1', secret: null })).toEqual({});
    expect(signatureHeaders({ ...common, signature: 'hmac-sha1', secret: 's' })).toEqual({
      'X-Hookdesk-Signature': createHmac('sha1', 's').update(body).digest('hex'),
    });
    const std = signatureHeaders({ ...common, signature: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
    expect(Object.keys(std)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
  });

  it('later groups win, names compared ignoring case', () => {
    expect(mergeHeaders({ authorization: 'custom', 'X-A': '1' }, { Authorization: 'Bearer t' })).toEqual({ 'X-A': '1', Authorization: 'Bearer t' });
  });
});
