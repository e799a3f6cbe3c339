import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64, utf8 } from '../../../../shared/signing/bytes';
import { hookdeskSignature } from '../../../../shared/signing/hookdesk-signature';
import { generateWebhookSecret } from '../../../../shared/signing/secret';
import { decodeStandardSecret, signStandardWebhook, standardWebhookHeaders } from '../../../../shared/signing/standard-webhooks';
import { verifyStandardWebhooks } from '../../../../shared/signing/verify/verify-standard-webhooks';

// Published by the Standard Webhooks specification (libraries/javascript/src/webhook.test.ts, "sign function works").
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestampSeconds: 1614265330,
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('hmac-sha1 (X-Hookdesk-Signature)', () => {
  it('is the hex HMAC-SHA1 of the exact body bytes, as node:crypto computes it', () => {
    const body = utf8('{"a":"ünïcode \\"q\\"\\n"}');
    const expected = createHmac('sha1', 's3cret').update(body).digest('hex');
    expect(hookdeskSignature('s3cret', body)).toBe(expected);
    expect(hookdeskSignature('s3cret', body)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('signs bytes, not text: a body that is not UTF-8 still signs', () => {
    const body = new Uint8Array([0xff, 0x00, 0xfe, 0x80]);
    expect(hookdeskSignature('k', body)).toBe(createHmac('sha1', 'k').update(body).digest('hex'));
  });
});

describe('Standard Webhooks signing', () => {
  it('reproduces the specification test vector', () => {
    expect(signStandardWebhook({ ...SPEC, body: utf8(SPEC.payload) })).toBe(SPEC.signature);
  });

  it('accepts the secret with or without the whsec_ prefix', () => {
    const bare = SPEC.secret.slice('whsec_'.length);
    expect(signStandardWebhook({ ...SPEC, secret: bare, body: utf8(SPEC.payload) })).toBe(SPEC.signature);
  });

  it('gives the three headers of the specification', () => {
    expect(standardWebhookHeaders({ ...SPEC, body: utf8(SPEC.payload) })).toEqual({
      'webhook-id': SPEC.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': SPEC.signature,
    });
  });

  it('refuses a secret that is not base64', () => {
    expect(decodeStandardSecret('whsec_not base64!')).toBeNull();
    expect(() => signStandardWebhook({ ...SPEC, secret: 'whsec_***', body: utf8('x') })).toThrow(/whsec_/);
  });

  it('generated secrets are whsec_ + 24 random bytes and round-trip through sign and verify', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(decodeStandardSecret(secret)).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(secret);
    const body = utf8('{"x":1}');
    const headers = standardWebhookHeaders({ secret, id: 'evt_1', timestampSeconds: 1_700_000_000, body });
    expect(verifyStandardWebhooks({ headers, body, secret, nowMs: 1_700_000_000_000 }).status).toBe('verified');
  });
});

describe('byte helpers', () => {
  it('round-trip base64 (standard and URL-safe) and hex, rejecting garbage', () => {
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    expect(fromBase64('a$b')).toBeNull();
    expect(fromHex('0aFF')).toEqual(new Uint8Array([10, 255]));
    expect(fromHex('abc')).toBeNull();
    expect(fromHex('zz')).toBeNull();
  });
});
