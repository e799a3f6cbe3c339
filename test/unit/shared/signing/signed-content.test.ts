import { createHmac } from 'node:crypto';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import {
  signGithubDelivery,
  signShopifyDelivery,
  signSlackDelivery,
  signStandardWebhooksDelivery,
  signStripeDelivery,
  type SignDeliveryInput,
} from '../../../../shared/receiver-check/sender-signatures';
import { verificationConfigSchema, type VerificationConfig, type VerificationInput } from '../../../../shared/schemas/verification';
import { fromBase64, utf8 } from '../../../../shared/signing/bytes';
import { schemeModel } from '../../../../shared/signing/diagnose/scheme-model';
import {
  genericHmacSignedContent,
  githubSignedContent,
  hookdeskSignedContent,
  shopifySignedContent,
  slackSignedContent,
  standardWebhooksSignedContent,
  stripeSignedContent,
} from '../../../../shared/signing/signed-content';
import { generateWebhookSecret } from '../../../../shared/signing/secret';
import { verifyRequest } from '../../../../shared/signing/verify/verify-request';

/**
 * One signed-content function per scheme (shared/signing/signed-content.ts): the bytes each official
 * library signs, and the same bytes wherever Hookdesk signs or checks (the verifiers, the receiver
 * check's senders, the signature debugger's model).
 */

const PAYLOAD = '{"id":"evt_1","amount":12345678901234567890123,"note":"ünïcode ✓"}';
const BODY = utf8(PAYLOAD);
const TS = 1_760_000_000;
/** Bytes that are not UTF-8: the signed content must carry them untouched. */
const RAW = new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d]);

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const hmacHex = (key: string | Buffer, bytes: Uint8Array): string => createHmac('sha256', key).update(bytes).digest('hex');
const hmacBase64 = (key: string | Buffer, bytes: Uint8Array): string => createHmac('sha256', key).update(bytes).digest('base64');

describe('signed content, byte for byte', () => {
  it('Standard Webhooks: id.timestamp.body; timestamp text read as the number it is', () => {
    expect(Buffer.from(standardWebhooksSignedContent('msg_1', TS, BODY)).toString('utf8')).toBe(`msg_1.${TS}.${PAYLOAD}`);
    expect(standardWebhooksSignedContent('msg_1', `0${TS}`, BODY)).toEqual(standardWebhooksSignedContent('msg_1', TS, BODY));
    expect(Buffer.from(standardWebhooksSignedContent('msg_1', 'soon', BODY)).toString('utf8')).toBe(`msg_1.soon.${PAYLOAD}`);
  });

  it('Stripe: t.body; t=017… signed as 17…, a t that is no number as its text', () => {
    expect(Buffer.from(stripeSignedContent(TS, BODY)).toString('utf8')).toBe(`${TS}.${PAYLOAD}`);
    expect(stripeSignedContent(`00${TS}`, BODY)).toEqual(stripeSignedContent(TS, BODY));
    expect(Buffer.from(stripeSignedContent('abc', BODY)).toString('utf8')).toBe(`abc.${PAYLOAD}`);
    expect(Buffer.from(stripeSignedContent('', BODY)).toString('utf8')).toBe(`.${PAYLOAD}`);
  });

  it('Slack: v0:timestamp:body, the header text trimmed, not read as a number', () => {
    expect(Buffer.from(slackSignedContent(TS, BODY)).toString('utf8')).toBe(`v0:${TS}:${PAYLOAD}`);
    expect(Buffer.from(slackSignedContent(` 0${TS} `, BODY)).toString('utf8')).toBe(`v0:0${TS}:${PAYLOAD}`);
  });

  it('GitHub, Shopify, Hookdesk: the body alone', () => {
    for (const content of [githubSignedContent, shopifySignedContent, hookdeskSignedContent]) expect(content(RAW)).toEqual(RAW);
  });

  it('generic HMAC: the template, {body} as the raw bytes (every time it appears), {timestamp} as the header value', () => {
    expect(text(genericHmacSignedContent('{timestamp}.{body}', RAW, '17'))).toBe(`17.${text(RAW)}`);
    expect(text(genericHmacSignedContent('a{body}b{body}{timestamp}', RAW, 't'))).toBe(`a${text(RAW)}b${text(RAW)}t`);
    expect(genericHmacSignedContent('{body}', RAW, '')).toEqual(RAW);
  });

  it('bodies that are not UTF-8 reach the HMAC untouched in every scheme', () => {
    expect(text(standardWebhooksSignedContent('i', 1, RAW))).toBe(`i.1.${text(RAW)}`);
    expect(text(stripeSignedContent(1, RAW))).toBe(`1.${text(RAW)}`);
    expect(text(slackSignedContent(1, RAW))).toBe(`v0:1:${text(RAW)}`);
  });
});

describe('signed content, as the official libraries sign', () => {
  it('stripe.webhooks.generateTestHeaderString signs stripeSignedContent', () => {
    const secret = 'whsec_test_secret';
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload: PAYLOAD, secret, timestamp: TS });
    expect(header).toBe(`t=${TS},v1=${hmacHex(secret, stripeSignedContent(TS, BODY))}`);
  });

  it('standardwebhooks and svix sign standardWebhooksSignedContent with the decoded secret', () => {
    const secret = generateWebhookSecret();
    const key = Buffer.from(fromBase64(secret.slice('whsec_'.length)) ?? new Uint8Array());
    const expected = `v1,${hmacBase64(key, standardWebhooksSignedContent('msg_1', TS, BODY))}`;
    expect(new StandardWebhook(secret).sign('msg_1', new Date(TS * 1000), PAYLOAD)).toBe(expected);
    expect(new SvixWebhook(secret).sign('msg_1', new Date(TS * 1000), PAYLOAD)).toBe(expected);
  });

  it('@octokit/webhooks-methods sign is the HMAC of githubSignedContent', async () => {
    expect(await octokitSign('gh-secret', PAYLOAD)).toBe(`sha256=${hmacHex('gh-secret', githubSignedContent(BODY))}`);
  });
});

describe('the receiver check, the verifiers and the signature debugger sign the same bytes', () => {
  const config = (setting: VerificationInput): VerificationConfig => verificationConfigSchema.parse(setting);
  const input: SignDeliveryInput = { secrets: ['s3cret'], id: 'msg_1', timestampSeconds: TS, body: BODY };
  const sw = generateWebhookSecret();
  const cases: Array<{ config: VerificationConfig; headers: Record<string, string>; content: Uint8Array }> = [
    { config: config({ scheme: 'stripe', secret: 's3cret' }), headers: signStripeDelivery(input), content: stripeSignedContent(TS, BODY) },
    { config: config({ scheme: 'slack', secret: 's3cret' }), headers: signSlackDelivery(input), content: slackSignedContent(TS, BODY) },
    { config: config({ scheme: 'github', secret: 's3cret' }), headers: signGithubDelivery(input), content: githubSignedContent(BODY) },
    { config: config({ scheme: 'shopify', secret: 's3cret' }), headers: signShopifyDelivery(input), content: shopifySignedContent(BODY) },
    {
      config: config({ scheme: 'standard-webhooks', secret: sw }),
      headers: signStandardWebhooksDelivery({ ...input, secrets: [sw] }),
      content: standardWebhooksSignedContent('msg_1', TS, BODY),
    },
  ];

  for (const { config, headers, content } of cases) {
    it(`${config.scheme}: the sender's headers verify, and the debugger's model signs the scheme's content`, () => {
      expect(verifyRequest(config, { headers, body: BODY, nowMs: TS * 1000 }).status).toBe('verified');
      expect(schemeModel(config, headers).content(BODY)).toEqual(content);
    });
  }
});
