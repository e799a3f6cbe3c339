import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { nativeSignatureHeaders } from '../../../electron/engine/dispatch/native-signature';
import { buildOutboundRequest, type BuildRequestInput } from '../../../shared/outbound/build-request';
import { signatureHeaders, type SignatureHeadersInput } from '../../../shared/outbound/outbound-headers';
import { utf8 } from '../../../shared/signing/bytes';

/**
 * The engine signs deliveries with Node's HMAC; the editor's preview and Send test's shared code
 * with @noble/hashes. Both must give the same headers for every input, and the official libraries
 * must accept what the engine sends.
 */

const STANDARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODIES: Uint8Array[] = [
  new Uint8Array(0),
  utf8('{"id": "order-1", "n": 1}'),
  utf8('{"note":"ünïcode ✓ 💳","amount":12345678901234567890123}'),
  Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256),
];

function inputs(): SignatureHeadersInput[] {
  const out: SignatureHeadersInput[] = [];
  for (const body of BODIES) {
    for (const secret of ['bench-secret', 'sécret ✓', 'lone \uD800 surrogate', 'x'.repeat(200)]) {
      out.push({ signature: 'hmac-sha1', secret, body, messageId: 'evt_1', timestampSeconds: 1_760_000_000 });
    }
    for (const messageId of ['evt_0mx5ec5edz7uso1s8qoud', 'evt ünï \uDC00']) {
      out.push({ signature: 'standard-webhooks', secret: STANDARD_SECRET, body, messageId, timestampSeconds: 1_760_000_123 });
    }
  }
  return out;
}

describe('nativeSignatureHeaders', () => {
  it('gives exactly the shared signatureHeaders for HMAC-SHA1 and Standard Webhooks, whatever the secret, id and body bytes', () => {
    for (const input of inputs()) expect(nativeSignatureHeaders(input)).toEqual(signatureHeaders(input));
  });

  it('signs nothing without a secret, and leaves a secret that is not base64 to the shared code (same error)', () => {
    const base = { body: utf8('{}'), messageId: 'evt_1', timestampSeconds: 1 };
    expect(nativeSignatureHeaders({ ...base, signature: 'hmac-sha1', secret: null })).toEqual({});
    expect(nativeSignatureHeaders({ ...base, signature: 'standard-webhooks', secret: '' })).toEqual({});
    const bad = { ...base, signature: 'standard-webhooks' as const, secret: 'whsec_***' };
    expect(() => signatureHeaders(bad)).toThrow(/base64/);
    expect(() => nativeSignatureHeaders(bad)).toThrow(/base64/);
  });

  it('signs what the official libraries verify (standardwebhooks, svix) and the HMAC-SHA1 recipe of API.md', async () => {
    const { createHmac } = await import('node:crypto');
    const webhook: BuildRequestInput['webhook'] = {
      id: 'whk_1',
      name: 'w',
      url: 'http://127.0.0.1:9/hook',
      method: 'POST',
      contentType: 'application/json',
      includeEntity: true,
      bodyTemplate: '{"id": "{{data.id}}", "note": "{{data.note}}"}',
      jsonPayloadEnabled: false,
      auth: { type: 'none' },
      headers: {},
      secret: STANDARD_SECRET,
      signature: 'standard-webhooks',
    };
    const event = { id: 'evt_42', type: 'order.created', dataSource: 'generic', receivedTime: '2026-01-01T00:00:00.000Z', body: { id: 'o-1', note: 'ünïcode ✓' }, connectorId: 'con_1' };
    const timestampSeconds = Math.floor(Date.now() / 1000);
    const built = buildOutboundRequest({ webhook, event, apiBaseUrl: 'http://127.0.0.1:1', timestampSeconds, sign: nativeSignatureHeaders });
    if (!built.ok || built.request.body === null) throw new Error('did not build');
    const headers = built.request.headers;
    expect(() => new StandardWebhook(STANDARD_SECRET.slice('whsec_'.length)).verify(built.request.body!, headers)).not.toThrow();
    expect(() => new SvixWebhook(STANDARD_SECRET).verify(built.request.body!, { 'svix-id': headers['webhook-id']!, 'svix-timestamp': headers['webhook-timestamp']!, 'svix-signature': headers['webhook-signature']! })).not.toThrow();

    const sha1 = buildOutboundRequest({ webhook: { ...webhook, secret: 'sécret', signature: 'hmac-sha1' }, event, apiBaseUrl: 'http://127.0.0.1:1', timestampSeconds, sign: nativeSignatureHeaders });
    if (!sha1.ok || sha1.bodyBytes === null) throw new Error('did not build');
    expect(sha1.request.headers['X-Hookdesk-Signature']).toBe(createHmac('sha1', Buffer.from('sécret', 'utf8')).update(sha1.bodyBytes).digest('hex'));
  });
});
