import { createHmac } from 'node:crypto';
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { SENDER_PROFILES, senderProfile } from '../../../../shared/receiver-check/profiles';
import { utf8 } from '../../../../shared/signing/bytes';
import { generateWebhookSecret } from '../../../../shared/signing/secret';
import { verifyShopify } from '../../../../shared/signing/verify/verify-shopify';
import { verifySlack } from '../../../../shared/signing/verify/verify-slack';
import { RECEIVER_CHECK_PROFILES } from '../../../../shared/schemas/receiver-check';

/** Each profile signs as its sender does: checked with the sender's official library where one exists. */
const now = Math.floor(Date.now() / 1000);

function delivery(name: (typeof RECEIVER_CHECK_PROFILES)[number], secrets: string[]) {
  const profile = senderProfile(name);
  const sample = profile.sample({ sequence: 1, createdSeconds: now });
  const text = JSON.stringify(sample.body);
  const headers = { ...sample.headers, ...profile.sign({ secrets, id: sample.id, timestampSeconds: now, body: utf8(text) }) };
  return { profile, sample, text, headers };
}

describe('sender profiles: signatures', () => {
  it('Standard Webhooks: verified by the standardwebhooks library, also with two signatures during a rotation', () => {
    const secret = generateWebhookSecret();
    const old = generateWebhookSecret();
    const one = delivery('standard-webhooks', [secret]);
    expect(new StandardWebhook(secret).verify(one.text, one.headers)).toEqual(JSON.parse(one.text));
    const both = delivery('standard-webhooks', [old, secret]);
    expect(both.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new StandardWebhook(secret).verify(both.text, both.headers)).not.toThrow();
    expect(() => new StandardWebhook(old).verify(both.text, both.headers)).not.toThrow();
    expect(() => new StandardWebhook(generateWebhookSecret()).verify(both.text, both.headers)).toThrow();
  });

  it('Stripe: verified by stripe.webhooks.constructEvent, with one or two v1 signatures', () => {
    const stripe = new Stripe('sk_test_hookdesk');
    const one = delivery('stripe', ['whsec_new']);
    const event = stripe.webhooks.constructEvent(one.text, one.headers['Stripe-Signature'] ?? '', 'whsec_new');
    expect(event.id).toBe(one.sample.id);
    const both = delivery('stripe', ['whsec_old', 'whsec_new']);
    expect(() => stripe.webhooks.constructEvent(both.text, both.headers['Stripe-Signature'] ?? '', 'whsec_new')).not.toThrow();
    expect(() => stripe.webhooks.constructEvent(both.text, both.headers['Stripe-Signature'] ?? '', 'whsec_other')).toThrow();
  });

  it('GitHub: verified by @octokit/webhooks-methods, with its delivery headers', async () => {
    const d = delivery('github', ['It\'s a Secret to Everybody']);
    expect(await verifyGithub('It\'s a Secret to Everybody', d.text, d.headers['X-Hub-Signature-256'] ?? '')).toBe(true);
    expect(await verifyGithub('another', d.text, d.headers['X-Hub-Signature-256'] ?? '')).toBe(false);
    expect(d.headers['X-GitHub-Delivery']).toBe(d.sample.id);
    expect(d.headers['X-GitHub-Event']).toBe('issues');
  });

  it('Shopify, Slack and Hookdesk: the published HMAC recipes', () => {
    const shop = delivery('shopify', ['shpss_secret']);
    expect(shop.headers['X-Shopify-Hmac-Sha256']).toBe(createHmac('sha256', 'shpss_secret').update(shop.text).digest('base64'));
    expect(verifyShopify({ headers: shop.headers, body: utf8(shop.text), secret: 'shpss_secret', nowMs: Date.now() }).status).toBe('verified');
    const slack = delivery('slack', ['slack_secret']);
    expect(slack.headers['X-Slack-Signature']).toBe(`v0=${createHmac('sha256', 'slack_secret').update(`v0:${now}:${slack.text}`).digest('hex')}`);
    expect(verifySlack({ headers: slack.headers, body: utf8(slack.text), secret: 'slack_secret', nowMs: Date.now() }).status).toBe('verified');
    const hookdesk = delivery('hookdesk', ['hd_secret']);
    expect(hookdesk.headers['X-Hookdesk-Signature']).toBe(createHmac('sha1', 'hd_secret').update(hookdesk.text).digest('hex'));
    expect(hookdesk.headers['X-Hookdesk-Event-Id']).toBe(hookdesk.sample.id);
  });

  it('puts the signature in the headers it names (left out in the missing-signature case)', () => {
    for (const name of RECEIVER_CHECK_PROFILES) {
      const secret = name === 'standard-webhooks' ? generateWebhookSecret() : 'secret';
      const d = delivery(name, [secret]);
      for (const header of d.profile.signatureHeaders) expect(d.headers, `${name} ${header}`).toHaveProperty(header);
      expect(d.headers['Content-Type']).toBe('application/json');
    }
  });
});

describe('sender profiles: timeouts, tolerances and schedules', () => {
  it('carries each sender\'s documented timeout, with its source', () => {
    const timeouts = Object.fromEntries(RECEIVER_CHECK_PROFILES.map((name) => [name, SENDER_PROFILES[name].timeoutMs]));
    expect(timeouts).toEqual({ 'standard-webhooks': 15_000, stripe: 10_000, github: 10_000, shopify: 5_000, slack: 3_000, hookdesk: 10_000 });
    expect(SENDER_PROFILES.github.timeoutSourceUrl).toContain('docs.github.com');
    expect(SENDER_PROFILES.shopify.timeoutSourceUrl).toContain('shopify.dev');
    expect(SENDER_PROFILES.slack.timeoutSourceUrl).toContain('docs.slack.dev');
    // Stripe publishes no number: the profile says so.
    expect(SENDER_PROFILES.stripe.timeoutNote).toMatch(/publishes no exact timeout/);
  });

  it('has a replay window only where a timestamp is signed, and rotation only where a header carries several signatures', () => {
    const tolerance = Object.fromEntries(RECEIVER_CHECK_PROFILES.map((name) => [name, SENDER_PROFILES[name].toleranceSeconds]));
    expect(tolerance).toEqual({ 'standard-webhooks': 300, stripe: 300, github: null, shopify: null, slack: 300, hookdesk: null });
    expect(RECEIVER_CHECK_PROFILES.filter((name) => SENDER_PROFILES[name].supportsRotation)).toEqual(['standard-webhooks', 'stripe']);
  });

  it('cites a source for every schedule and timeout (https, or Hookdesk\'s own API.md)', () => {
    for (const name of RECEIVER_CHECK_PROFILES) {
      const p = SENDER_PROFILES[name];
      for (const url of [p.timeoutSourceUrl, p.retry.sourceUrl, p.toleranceSourceUrl].filter((u): u is string => u !== null)) {
        expect(url, name).toMatch(/^(https:\/\/|docs\/API\.md#)/);
      }
      expect(p.retry.delaysSeconds.every((d) => d > 0)).toBe(true);
    }
    expect(SENDER_PROFILES['standard-webhooks'].retry.delaysSeconds).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 36_000]);
    expect(SENDER_PROFILES.slack.retry.delaysSeconds).toHaveLength(3);
    expect(SENDER_PROFILES.shopify.retry.delaysSeconds).toHaveLength(8);
  });

  it('refuses a Standard Webhooks secret that is not whsec_ + base64, and makes other secrets of the same form', () => {
    expect(SENDER_PROFILES['standard-webhooks'].secretProblem('plain text')).toMatch(/whsec_/);
    expect(SENDER_PROFILES['standard-webhooks'].secretProblem(generateWebhookSecret())).toBeNull();
    expect(SENDER_PROFILES['standard-webhooks'].secretProblem(SENDER_PROFILES['standard-webhooks'].otherSecret())).toBeNull();
    expect(SENDER_PROFILES.stripe.otherSecret()).toMatch(/^whsec_/);
    expect(SENDER_PROFILES.github.otherSecret()).not.toBe(SENDER_PROFILES.github.otherSecret());
  });
});
