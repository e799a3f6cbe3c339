import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSecretFor } from '../../../../shared/signing/secret';
import { decodeStandardSecret } from '../../../../shared/signing/standard-webhooks';

describe('Generate secret makes a secret for the chosen signature scheme', () => {
  it('Standard Webhooks: whsec_ + base64 that the official library signs and verifies with', () => {
    const secret = generateSecretFor('standard-webhooks');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(decodeStandardSecret(secret)).toHaveLength(24);
    const library = new Webhook(secret);
    const body = '{"a":1}';
    const signature = library.sign('msg_1', new Date(), body);
    const now = String(Math.floor(Date.now() / 1000));
    expect(() => library.verify(body, { 'webhook-id': 'msg_1', 'webhook-timestamp': now, 'webhook-signature': signature })).not.toThrow();
  });

  it('HMAC-SHA1: 32 random bytes as base64url, no whsec_ prefix, fresh every time', () => {
    const secret = generateSecretFor('hmac-sha1');
    expect(secret).not.toMatch(/^whsec_/);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(generateSecretFor('hmac-sha1')).not.toBe(secret);
  });
});
