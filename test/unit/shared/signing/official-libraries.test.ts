import { createHmac, timingSafeEqual } from 'node:crypto';
import { sign as octokitSign, verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildOutboundRequest, type BuildRequestInput } from '../../../../shared/outbound/build-request';
import { utf8 } from '../../../../shared/signing/bytes';
import { generateWebhookSecret } from '../../../../shared/signing/secret';
import type { VerificationResult, VerifyInput } from '../../../../shared/signing/verify/verification-result';
import { verifyGithub } from '../../../../shared/signing/verify/verify-github';
import { verifyShopify } from '../../../../shared/signing/verify/verify-shopify';
import { verifySlack } from '../../../../shared/signing/verify/verify-slack';
import { verifyStandardWebhooks } from '../../../../shared/signing/verify/verify-standard-webhooks';
import { verifyStripe } from '../../../../shared/signing/verify/verify-stripe';
import { requestInput } from '../../../helpers/request-input';

/**
 * Hookdesk's relay verification must agree with the library the receiver would use: every vector
 * here is made by that library (or, where none exists, by the provider's documented recipe), and
 * each case asks both sides the same question.
 */

const NOW_SECONDS = 1_760_000_000;
/** Offsets of the signed timestamp from the time of receipt, in seconds: past (negative) and future. */
const OFFSETS = [-100_000, -301, -300, -299, -1, 0, 1, 299, 300, 301, 400, 100_000];
/** Sub-second positions of "now": the libraries count whole seconds with floor. */
const NOW_MS_VARIANTS = [NOW_SECONDS * 1000, NOW_SECONDS * 1000 + 999];

const PAYLOAD = '{"id":"evt_1","object":"event","amount":12345678901234567890123,"note":"ünïcode ✓"}';

const ok = (result: VerificationResult): boolean => result.status === 'verified';

function hookdesk(verify: (input: VerifyInput) => VerificationResult, headers: Record<string, string>, body: string, secret: string, nowMs: number, toleranceSeconds?: number) {
  return verify({ headers, body: utf8(body), secret, nowMs, ...(toleranceSeconds !== undefined ? { toleranceSeconds } : {}) });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Stripe: stripe.webhooks.constructEvent', () => {
  const stripe = new Stripe('sk_test_hookdesk_not_a_real_key');
  const secret = 'whsec_test_5f2c0b0e6a1d4c7e9b8a';

  function stripeAccepts(payload: string, header: string, key: string, nowMs: number, tolerance?: number): boolean {
    try {
      stripe.webhooks.constructEvent(payload, header, key, tolerance, undefined, nowMs);
      return true;
    } catch {
      return false;
    }
  }

  it.each(NOW_MS_VARIANTS.flatMap((nowMs) => OFFSETS.map((offset) => [offset, nowMs] as const)))(
    'agrees at a timestamp %i s from receipt (now %i ms)',
    (offset, nowMs) => {
      const header = stripe.webhooks.generateTestHeaderString({ payload: PAYLOAD, secret, timestamp: NOW_SECONDS + offset });
      const theirs = stripeAccepts(PAYLOAD, header, secret, nowMs);
      expect(ok(hookdesk(verifyStripe, { 'Stripe-Signature': header }, PAYLOAD, secret, nowMs))).toBe(theirs);
    },
  );

  it('accepts a request stamped 400 s ahead, as Stripe does, and says so', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload: PAYLOAD, secret, timestamp: NOW_SECONDS + 400 });
    expect(stripeAccepts(PAYLOAD, header, secret, NOW_SECONDS * 1000)).toBe(true);
    const result = hookdesk(verifyStripe, { 'Stripe-Signature': header }, PAYLOAD, secret, NOW_SECONDS * 1000);
    expect(result.status).toBe('verified');
    expect(result.reason).toMatch(/400 s ahead/);
  });

  it('agrees with a custom tolerance on both sides of it', () => {
    for (const offset of [-601, -600, -599, 700]) {
      const header = stripe.webhooks.generateTestHeaderString({ payload: PAYLOAD, secret, timestamp: NOW_SECONDS + offset });
      const theirs = stripeAccepts(PAYLOAD, header, secret, NOW_SECONDS * 1000, 600);
      expect(ok(hookdesk(verifyStripe, { 'Stripe-Signature': header }, PAYLOAD, secret, NOW_SECONDS * 1000, 600)), `offset ${offset}`).toBe(theirs);
    }
  });

  it('agrees on a wrong secret, a tampered body, rotation (two v1), v0 only and uppercase hex', () => {
    const nowMs = NOW_SECONDS * 1000;
    const good = stripe.webhooks.generateTestHeaderString({ payload: PAYLOAD, secret, timestamp: NOW_SECONDS });
    const old = stripe.webhooks.generateTestHeaderString({ payload: PAYLOAD, secret: 'whsec_old_secret', timestamp: NOW_SECONDS });
    const v1 = (header: string) => header.split(',v1=')[1] ?? '';
    const cases: Array<[string, string, string, string]> = [
      ['good', good, PAYLOAD, secret],
      ['wrong secret', good, PAYLOAD, 'whsec_another_secret'],
      ['tampered body', good, PAYLOAD.replace('evt_1', 'evt_2'), secret],
      ['rotation, new second', `t=${NOW_SECONDS},v1=${v1(old)},v1=${v1(good)}`, PAYLOAD, secret],
      ['rotation, new first', `t=${NOW_SECONDS},v1=${v1(good)},v1=${v1(old)}`, PAYLOAD, secret],
      ['rotation, neither', `t=${NOW_SECONDS},v1=${v1(old)},v1=${v1(old)}`, PAYLOAD, secret],
      ['v0 only', `t=${NOW_SECONDS},v0=${v1(good)}`, PAYLOAD, secret],
      ['uppercase hex', `t=${NOW_SECONDS},v1=${v1(good).toUpperCase()}`, PAYLOAD, secret],
      ['no timestamp', `v1=${v1(good)}`, PAYLOAD, secret],
    ];
    for (const [name, header, body, key] of cases) {
      expect(ok(hookdesk(verifyStripe, { 'Stripe-Signature': header }, body, key, nowMs)), name).toBe(stripeAccepts(body, header, key, nowMs));
    }
  });
});

describe('Standard Webhooks: the standardwebhooks and svix libraries', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const msgId = 'msg_2bV0Xz8hGmR4kT1qYd9';

  /** Both libraries read Date.now(); the clock is set, not waited for. */
  function libraryAccepts(Lib: typeof StandardWebhook | typeof SvixWebhook, key: string, payload: string, headers: Record<string, string>, nowMs: number): boolean {
    vi.useFakeTimers({ toFake: ['Date'], now: nowMs });
    try {
      new Lib(key).verify(payload, headers);
      return true;
    } catch {
      return false;
    } finally {
      vi.useRealTimers();
    }
  }

  function signed(key: string, timestampSeconds: number, payload = PAYLOAD, id = msgId) {
    return new StandardWebhook(key).sign(id, new Date(timestampSeconds * 1000), payload);
  }

  it.each(NOW_MS_VARIANTS.flatMap((nowMs) => OFFSETS.map((offset) => [offset, nowMs] as const)))(
    'agrees at a timestamp %i s from receipt (now %i ms), under webhook-* and svix-* names',
    (offset, nowMs) => {
      const timestamp = NOW_SECONDS + offset;
      const signature = signed(secret, timestamp);
      const standardHeaders = { 'webhook-id': msgId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
      const svixHeaders = { 'svix-id': msgId, 'svix-timestamp': String(timestamp), 'svix-signature': new SvixWebhook(secret).sign(msgId, new Date(timestamp * 1000), PAYLOAD) };
      const standard = libraryAccepts(StandardWebhook, secret, PAYLOAD, standardHeaders, nowMs);
      expect(libraryAccepts(SvixWebhook, secret, PAYLOAD, standardHeaders, nowMs)).toBe(standard);
      expect(ok(hookdesk(verifyStandardWebhooks, standardHeaders, PAYLOAD, secret, nowMs))).toBe(standard);
      expect(ok(hookdesk(verifyStandardWebhooks, svixHeaders, PAYLOAD, secret, nowMs))).toBe(libraryAccepts(SvixWebhook, secret, PAYLOAD, svixHeaders, nowMs));
    },
  );

  it('fails a timestamp 400 s ahead, as both libraries do (their window is two-sided)', () => {
    const timestamp = NOW_SECONDS + 400;
    const headers = { 'webhook-id': msgId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signed(secret, timestamp) };
    expect(libraryAccepts(StandardWebhook, secret, PAYLOAD, headers, NOW_SECONDS * 1000)).toBe(false);
    const result = hookdesk(verifyStandardWebhooks, headers, PAYLOAD, secret, NOW_SECONDS * 1000);
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/400 s ahead of the time of receipt/);
  });

  it('agrees on a wrong secret, a tampered body, a changed id, several signatures and the bare secret', () => {
    const nowMs = NOW_SECONDS * 1000;
    const good = signed(secret, NOW_SECONDS);
    const other = signed(generateWebhookSecret(), NOW_SECONDS);
    const base = { 'webhook-id': msgId, 'webhook-timestamp': String(NOW_SECONDS) };
    const unpadded = good.replace(/=+$/, '');
    const cases: Array<[string, Record<string, string>, string, string]> = [
      ['good', { ...base, 'webhook-signature': good }, PAYLOAD, secret],
      ['bare secret (no whsec_)', { ...base, 'webhook-signature': good }, PAYLOAD, secret.slice('whsec_'.length)],
      ['wrong secret', { ...base, 'webhook-signature': good }, PAYLOAD, generateWebhookSecret()],
      ['tampered body', { ...base, 'webhook-signature': good }, `${PAYLOAD} `, secret],
      ['changed id', { ...base, 'webhook-id': 'msg_other', 'webhook-signature': good }, PAYLOAD, secret],
      ['rotation: other then good', { ...base, 'webhook-signature': `${other} ${good}` }, PAYLOAD, secret],
      ['rotation: good then other', { ...base, 'webhook-signature': `${good} ${other}` }, PAYLOAD, secret],
      ['unknown version first', { ...base, 'webhook-signature': `v1a,${good.slice(3)} ${good}` }, PAYLOAD, secret],
      ['only a v2 entry', { ...base, 'webhook-signature': `v2,${good.slice(3)}` }, PAYLOAD, secret],
      ['unpadded base64', { ...base, 'webhook-signature': unpadded }, PAYLOAD, secret],
      ['missing id', { 'webhook-timestamp': String(NOW_SECONDS), 'webhook-signature': good }, PAYLOAD, secret],
    ];
    for (const [name, headers, body, key] of cases) {
      const theirs = libraryAccepts(StandardWebhook, key, body, headers, nowMs);
      expect(libraryAccepts(SvixWebhook, key, body, headers, nowMs), `svix: ${name}`).toBe(theirs);
      expect(ok(hookdesk(verifyStandardWebhooks, headers, body, key, nowMs)), name).toBe(theirs);
    }
  });
});

describe('GitHub: @octokit/webhooks-methods', () => {
  const secret = "It's a Secret to Everybody";

  it('agrees on the signature it makes, a wrong secret, a tampered body and uppercase hex', async () => {
    const good = await octokitSign(secret, PAYLOAD);
    const cases: Array<[string, string, string, string]> = [
      ['good', good, PAYLOAD, secret],
      ['wrong secret', good, PAYLOAD, 'not it'],
      ['tampered body', good, PAYLOAD.replace('12345678901234567890123', '1.2345678901234568e+22'), secret],
      ['uppercase hex', `sha256=${good.slice(7).toUpperCase()}`, PAYLOAD, secret],
      ['truncated', good.slice(0, -2), PAYLOAD, secret],
      ['whsec_ secret', await octokitSign('whsec_abc', PAYLOAD), PAYLOAD, 'whsec_abc'],
    ];
    for (const [name, header, body, key] of cases) {
      const theirs = await octokitVerify(key, body, header);
      // No timestamp in this scheme: any time of receipt gives the same answer.
      expect(ok(hookdesk(verifyGithub, { 'X-Hub-Signature-256': header }, body, key, NOW_SECONDS * 1000)), name).toBe(theirs);
      expect(ok(hookdesk(verifyGithub, { 'X-Hub-Signature-256': header }, body, key, 0)), name).toBe(theirs);
    }
  });
});

describe('Shopify: the documented check (base64 HMAC-SHA256 of the raw body, compared as text)', () => {
  const secret = 'shpss_0123456789abcdef';
  const shopifyAccepts = (header: string, body: string, key: string): boolean => {
    const digest = createHmac('sha256', key).update(body, 'utf8').digest('base64');
    return digest.length === header.length && timingSafeEqual(Buffer.from(digest), Buffer.from(header));
  };

  it('agrees on good, wrong secret, tampered body and URL-safe base64', () => {
    const good = createHmac('sha256', secret).update(PAYLOAD, 'utf8').digest('base64');
    const cases: Array<[string, string, string, string]> = [
      ['good', good, PAYLOAD, secret],
      ['wrong secret', good, PAYLOAD, 'shpss_other'],
      ['tampered body', good, `${PAYLOAD}\n`, secret],
      ['url-safe base64', good.replace(/\+/g, '-').replace(/\//g, '_'), PAYLOAD, secret],
    ];
    for (const [name, header, body, key] of cases) {
      expect(ok(hookdesk(verifyShopify, { 'X-Shopify-Hmac-Sha256': header }, body, key, NOW_SECONDS * 1000)), name).toBe(shopifyAccepts(header, body, key));
    }
  });
});

describe('Slack: the documented check (v0 HMAC, five minutes either way)', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const sign = (timestamp: number, body: string, key = secret) => `v0=${createHmac('sha256', key).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  /** Slack's "Verifying requests from Slack": refuse when abs(now - timestamp) > 60 * 5, then compare the text. */
  const slackAccepts = (header: string, timestamp: number, body: string, key: string, nowMs: number): boolean => {
    if (Math.abs(Math.floor(nowMs / 1000) - timestamp) > 60 * 5) return false;
    const expected = sign(timestamp, body, key);
    return expected.length === header.length && timingSafeEqual(Buffer.from(expected), Buffer.from(header));
  };

  it.each(OFFSETS)('agrees at a timestamp %i s from receipt', (offset) => {
    const timestamp = NOW_SECONDS + offset;
    const header = sign(timestamp, PAYLOAD);
    const headers = { 'X-Slack-Signature': header, 'X-Slack-Request-Timestamp': String(timestamp) };
    expect(ok(hookdesk(verifySlack, headers, PAYLOAD, secret, NOW_SECONDS * 1000))).toBe(slackAccepts(header, timestamp, PAYLOAD, secret, NOW_SECONDS * 1000));
  });

  it('agrees on a wrong secret and a tampered body', () => {
    const header = sign(NOW_SECONDS, PAYLOAD);
    const headers = { 'X-Slack-Signature': header, 'X-Slack-Request-Timestamp': String(NOW_SECONDS) };
    expect(ok(hookdesk(verifySlack, headers, PAYLOAD, 'wrong', NOW_SECONDS * 1000))).toBe(false);
    expect(ok(hookdesk(verifySlack, headers, `${PAYLOAD}x`, secret, NOW_SECONDS * 1000))).toBe(false);
  });
});

describe("Hookdesk's outbound signatures, as receivers' libraries check them", () => {
  const base = requestInput({
    webhook: { name: 'Orders', secret: generateWebhookSecret(), signature: 'standard-webhooks' },
    event: { id: 'evt_7Yq2', body: { note: 'ünïcode ✓', n: 1 } },
    timestampSeconds: NOW_SECONDS,
  });

  function built(input: BuildRequestInput) {
    const result = buildOutboundRequest(input);
    if (!result.ok) throw new Error(result.reason);
    return result.request;
  }

  it('standard-webhooks: standardwebhooks and svix verify the request as sent, and refuse it once altered', () => {
    const request = built(base);
    const body = request.body ?? '';
    const secret = base.webhook.secret ?? '';
    vi.useFakeTimers({ toFake: ['Date'], now: NOW_SECONDS * 1000 + 30_000 });
    expect(() => new StandardWebhook(secret).verify(body, request.headers)).not.toThrow();
    expect(() => new SvixWebhook(secret).verify(body, request.headers)).not.toThrow();
    expect(() => new StandardWebhook(secret).verify(`${body} `, request.headers)).toThrow();
    expect(() => new SvixWebhook(generateWebhookSecret()).verify(body, request.headers)).toThrow();
  });

  it('hmac-sha1: X-Hookdesk-Signature is the hex HMAC-SHA1 of the body, keyed by the whole secret text (whsec_ included)', () => {
    const request = built({ ...base, webhook: { ...base.webhook, signature: 'hmac-sha1' } });
    const secret = base.webhook.secret ?? '';
    expect(secret.startsWith('whsec_')).toBe(true);
    const expected = createHmac('sha1', secret).update(request.body ?? '', 'utf8').digest('hex');
    expect(request.headers['X-Hookdesk-Signature']).toBe(expected);
  });
});
