import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verificationConfigSchema } from '../../../../shared/schemas/verification';
import { utf8 } from '../../../../shared/signing/bytes';
import { verifyGenericHmac } from '../../../../shared/signing/verify/verify-generic-hmac';
import { verifyGithub } from '../../../../shared/signing/verify/verify-github';
import { verifyRequest } from '../../../../shared/signing/verify/verify-request';
import { verifyShopify } from '../../../../shared/signing/verify/verify-shopify';
import { verifySlack } from '../../../../shared/signing/verify/verify-slack';
import { verifyStandardWebhooks } from '../../../../shared/signing/verify/verify-standard-webhooks';
import { verifyStripe } from '../../../../shared/signing/verify/verify-stripe';

const NOW = 1_700_000_000_000;
const nowSeconds = NOW / 1000;

describe('GitHub X-Hub-Signature-256', () => {
  // GitHub docs, "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!".
  const secret = "It's a Secret to Everybody";
  const header = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it('verifies the published example', () => {
    const result = verifyGithub({ headers: { 'x-hub-signature-256': header }, body: utf8('Hello, World!'), secret, nowMs: NOW });
    expect(result.status).toBe('verified');
  });

  it('fails a tampered body and a wrong secret with an honest reason', () => {
    const tampered = verifyGithub({ headers: { 'X-Hub-Signature-256': header }, body: utf8('Hello, World?'), secret, nowMs: NOW });
    expect(tampered).toMatchObject({ status: 'failed' });
    expect(tampered.reason).toMatch(/does not match/);
    expect(tampered.reason).toMatch(/secret/);
    expect(tampered.reason).toMatch(/body changed/);
    const wrongSecret = verifyGithub({ headers: { 'X-Hub-Signature-256': header }, body: utf8('Hello, World!'), secret: 'nope', nowMs: NOW });
    expect(wrongSecret.status).toBe('failed');
  });

  it('says when the header is missing or malformed', () => {
    const missing = verifyGithub({ headers: {}, body: utf8('x'), secret, nowMs: NOW });
    expect(missing.reason).toMatch(/No X-Hub-Signature-256 header/);
    const malformed = verifyGithub({ headers: { 'X-Hub-Signature-256': 'md5=abc' }, body: utf8('x'), secret, nowMs: NOW });
    expect(malformed.reason).toMatch(/not in the expected form/);
  });

  it('falls back to the legacy sha1 X-Hub-Signature', () => {
    const body = utf8('{"zen":"x"}');
    const legacy = `sha1=${createHmac('sha1', 'k').update(body).digest('hex')}`;
    const result = verifyGithub({ headers: { 'X-Hub-Signature': legacy }, body, secret: 'k', nowMs: NOW });
    expect(result.status).toBe('verified');
    expect(result.reason).toMatch(/X-Hub-Signature /);
  });
});

describe('Slack v0', () => {
  // Slack docs, "Verifying requests from Slack", worked example.
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const timestamp = '1531420618';
  const body = utf8(
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  );
  const headers = { 'X-Slack-Signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503', 'X-Slack-Request-Timestamp': timestamp };

  it('verifies the published example at its own time', () => {
    expect(verifySlack({ headers, body, secret, nowMs: Number(timestamp) * 1000 + 10_000 }).status).toBe('verified');
  });

  it('fails outside the tolerance, saying by how much', () => {
    const result = verifySlack({ headers, body, secret, nowMs: Number(timestamp) * 1000 + 301_000 });
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/301 s older than .* outside the 300 s tolerance/);
    expect(verifySlack({ headers, body, secret, nowMs: Number(timestamp) * 1000 + 301_000, toleranceSeconds: 600 }).status).toBe('verified');
  });

  it('fails a tampered body', () => {
    const tampered = new Uint8Array(body);
    tampered[0] = 'T'.charCodeAt(0);
    expect(verifySlack({ headers, body: tampered, secret, nowMs: Number(timestamp) * 1000 }).reason).toMatch(/does not match/);
  });

  it('needs the timestamp header', () => {
    expect(verifySlack({ headers: { 'X-Slack-Signature': headers['X-Slack-Signature'] }, body, secret, nowMs: NOW }).reason).toMatch(
      /No X-Slack-Request-Timestamp header/,
    );
  });
});

describe('Stripe-Signature', () => {
  const secret = 'whsec_test_secret_for_hookdesk';
  const body = utf8('{\n  "id": "evt_1",\n  "object": "event",\n  "type": "payment_intent.succeeded"\n}');
  const sign = (t: number, b: Uint8Array = body, key = secret) =>
    createHmac('sha256', key).update(`${t}.`).update(b).digest('hex');

  it('verifies a header computed independently with node:crypto, among several v1 and a v0', () => {
    const header = `t=${nowSeconds},v1=${'0'.repeat(64)},v1=${sign(nowSeconds)},v0=deadbeef`;
    expect(verifyStripe({ headers: { 'stripe-signature': header }, body, secret, nowMs: NOW }).status).toBe('verified');
  });

  it('fails a replay outside the tolerance and a tampered body', () => {
    const old = nowSeconds - 301;
    const expired = verifyStripe({ headers: { 'Stripe-Signature': `t=${old},v1=${sign(old)}` }, body, secret, nowMs: NOW });
    expect(expired.reason).toMatch(/outside the 300 s tolerance/);
    const future = verifyStripe({ headers: { 'Stripe-Signature': `t=${nowSeconds + 400},v1=${sign(nowSeconds + 400)}` }, body, secret, nowMs: NOW });
    expect(future.reason).toMatch(/400 s ahead of/);
    const tampered = verifyStripe({ headers: { 'Stripe-Signature': `t=${nowSeconds},v1=${sign(nowSeconds)}` }, body: utf8('{}'), secret, nowMs: NOW });
    expect(tampered.reason).toMatch(/does not match/);
  });

  it('re-serialized JSON (same data, other bytes) does not verify', () => {
    const compact = utf8(JSON.stringify(JSON.parse(new TextDecoder().decode(body))));
    const header = `t=${nowSeconds},v1=${sign(nowSeconds)}`;
    expect(verifyStripe({ headers: { 'Stripe-Signature': header }, body: compact, secret, nowMs: NOW }).status).toBe('failed');
  });

  it('calls a header without t or v1 malformed', () => {
    expect(verifyStripe({ headers: { 'Stripe-Signature': 'v1=abc' }, body, secret, nowMs: NOW }).reason).toMatch(/expected form/);
  });
});

describe('Shopify X-Shopify-Hmac-Sha256', () => {
  const secret = 'shpss_hookdesk';
  const body = utf8('{"id":820982911946154508,"email":"jon@example.com","note":"ünicode"}');
  const header = createHmac('sha256', secret).update(body).digest('base64');

  it('verifies a base64 HMAC computed with node:crypto; fails a wrong secret', () => {
    expect(verifyShopify({ headers: { 'X-Shopify-Hmac-Sha256': header }, body, secret, nowMs: NOW }).status).toBe('verified');
    expect(verifyShopify({ headers: { 'X-Shopify-Hmac-Sha256': header }, body, secret: 'other', nowMs: NOW }).status).toBe('failed');
    expect(verifyShopify({ headers: {}, body, secret, nowMs: NOW }).reason).toMatch(/No X-Shopify-Hmac-Sha256/);
  });
});

describe('Standard Webhooks verification', () => {
  // Specification vector: secret, id, timestamp, payload -> v1 signature.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body = utf8('{"test": 2432232314}');
  const at = 1614265330;
  const headers = {
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': String(at),
    'webhook-signature': 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  };

  it('verifies the specification vector among several signatures', () => {
    expect(verifyStandardWebhooks({ headers, body, secret, nowMs: at * 1000 }).status).toBe('verified');
  });

  it('accepts svix-* header names', () => {
    const svix = { 'svix-id': headers['webhook-id'], 'svix-timestamp': headers['webhook-timestamp'], 'svix-signature': headers['webhook-signature'] };
    expect(verifyStandardWebhooks({ headers: svix, body, secret, nowMs: at * 1000 }).status).toBe('verified');
  });

  it('fails expired, tampered, missing and malformed', () => {
    expect(verifyStandardWebhooks({ headers, body, secret, nowMs: (at + 301) * 1000 }).reason).toMatch(/tolerance/);
    expect(verifyStandardWebhooks({ headers, body: utf8('{"test": 2432232315}'), secret, nowMs: at * 1000 }).reason).toMatch(/does not match/);
    expect(verifyStandardWebhooks({ headers: { ...headers, 'webhook-id': 'msg_other' }, body, secret, nowMs: at * 1000 }).status).toBe('failed');
    const { 'webhook-id': _id, ...noId } = headers;
    expect(verifyStandardWebhooks({ headers: noId, body, secret, nowMs: at * 1000 }).reason).toMatch(/No webhook-id/);
    expect(verifyStandardWebhooks({ headers: { ...headers, 'webhook-signature': 'v2,abc' }, body, secret, nowMs: at * 1000 }).reason).toMatch(/expected form/);
    expect(verifyStandardWebhooks({ headers: { ...headers, 'webhook-timestamp': 'soon' }, body, secret, nowMs: at * 1000 }).reason).toMatch(/not a Unix timestamp/);
    expect(verifyStandardWebhooks({ headers, body, secret: 'whsec_%%%', nowMs: at * 1000 }).reason).toMatch(/not a Standard Webhooks secret/);
  });
});

describe('generic HMAC', () => {
  const body = utf8('{"order":42}');
  const ts = String(nowSeconds);

  it.each([
    ['sha1', 'hex'],
    ['sha256', 'hex'],
    ['sha512', 'base64'],
  ] as const)('%s/%s over the body', (algorithm, encoding) => {
    const signature = createHmac(algorithm, 'k').update(body).digest(encoding);
    const settings = { algorithm, encoding, header: 'X-Signature' };
    expect(verifyGenericHmac({ headers: { 'x-signature': signature }, body, secret: 'k', nowMs: NOW }, settings).status).toBe('verified');
    expect(verifyGenericHmac({ headers: { 'x-signature': signature }, body, secret: 'j', nowMs: NOW }, settings).status).toBe('failed');
  });

  it('timestamp.body with a prefix and a timestamp header, within tolerance', () => {
    const signature = createHmac('sha256', 'k').update(`${ts}.`).update(body).digest('hex');
    const settings = { algorithm: 'sha256', encoding: 'hex', header: 'X-Sig', prefix: 'sha256=', signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Ts' } as const;
    const headers = { 'X-Sig': `sha256=${signature}`, 'X-Ts': ts };
    expect(verifyGenericHmac({ headers, body, secret: 'k', nowMs: NOW }, settings).status).toBe('verified');
    expect(verifyGenericHmac({ headers, body, secret: 'k', nowMs: NOW + 3_600_000 }, settings).reason).toMatch(/tolerance/);
    expect(verifyGenericHmac({ headers: { 'X-Sig': `sha256=${signature}` }, body, secret: 'k', nowMs: NOW }, settings).reason).toMatch(/No X-Ts/);
  });
});

describe('verifyRequest (per connector setting)', () => {
  it('answers none without a setting and dispatches on the scheme', () => {
    expect(verifyRequest(null, { headers: {}, body: utf8(''), nowMs: NOW })).toEqual({ status: 'none', reason: null });
    const config = verificationConfigSchema.parse({ scheme: 'github', secret: "It's a Secret to Everybody" });
    const result = verifyRequest(config, {
      headers: { 'X-Hub-Signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' },
      body: utf8('Hello, World!'),
      nowMs: NOW,
    });
    expect(result.status).toBe('verified');
  });

  it('validates settings: hmac needs algorithm, encoding and header; {timestamp} needs a timestamp header', () => {
    expect(verificationConfigSchema.safeParse({ scheme: 'hmac', secret: 'k' }).success).toBe(false);
    expect(verificationConfigSchema.safeParse({ scheme: 'hmac', secret: 'k', algorithm: 'sha256', encoding: 'hex', header: 'X-Sig' }).success).toBe(true);
    expect(
      verificationConfigSchema.safeParse({ scheme: 'hmac', secret: 'k', algorithm: 'sha256', encoding: 'hex', header: 'X-Sig', signedPayload: '{timestamp}.{body}' }).success,
    ).toBe(false);
    expect(verificationConfigSchema.safeParse({ scheme: 'nope', secret: 'k' }).success).toBe(false);
    expect(verificationConfigSchema.safeParse({ scheme: 'stripe', secret: '' }).success).toBe(false);
  });
});
