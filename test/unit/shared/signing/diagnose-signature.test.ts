import { createHmac, randomBytes } from 'node:crypto';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { VerificationInput } from '../../../../shared/schemas/verification';
import { verificationConfigSchema } from '../../../../shared/schemas/verification';
import { utf8 } from '../../../../shared/signing/bytes';
import { bodyVariants, escapeNonAscii, MAX_TRIED_BODY_BYTES, unescapeNonAscii } from '../../../../shared/signing/diagnose/body-variants';
import { diagnoseSignature } from '../../../../shared/signing/diagnose/diagnose-signature';
import { signatureDiagnosisSchema, type SignatureDiagnosis } from '../../../../shared/signing/diagnose/diagnosis-schema';

/**
 * The signature debugger, one usual mistake at a time: each request is signed by the official
 * library of its scheme (standardwebhooks, stripe, @octokit/webhooks-methods) or, where the mistake
 * is one no library makes, by node:crypto doing exactly that mistake; then the diagnosis must name
 * that mistake as the cause and nothing else.
 */

const NOW_SECONDS = 1_760_000_000;
const NOW_MS = NOW_SECONDS * 1000 + 250;
const ORDER = { id: 'evt_1', type: 'order.created', data: { total: '19.90', customer: { name: 'Zoë', email: 'zoe@example.com' } } };
const COMPACT = JSON.stringify(ORDER);
const PRETTY = JSON.stringify(ORDER, null, 2);

const stripe = new Stripe('sk_test_hookdesk_not_a_real_key');
const hmac = (algorithm: string, key: string | Buffer, ...parts: (string | Buffer)[]): Buffer => {
  const h = createHmac(algorithm, key);
  for (const part of parts) h.update(part);
  return h.digest();
};

function diagnose(config: VerificationInput, headers: Record<string, string>, body: string | Buffer, receivedMs = NOW_MS): SignatureDiagnosis {
  const result = diagnoseSignature({ config: verificationConfigSchema.parse(config), headers, body: typeof body === 'string' ? utf8(body) : new Uint8Array(body), receivedMs });
  // The answer always has the contract's shape and never holds the secret.
  expect(signatureDiagnosisSchema.parse(result)).toEqual(result);
  expect(JSON.stringify(result)).not.toContain(config.secret.replace(/^whsec_/, ''));
  return result;
}

const swSecret = `whsec_${randomBytes(24).toString('base64')}`;
const swSign = (secret: string, body: string, seconds = NOW_SECONDS, id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', options?: { format: 'raw' }) => ({
  'webhook-id': id,
  'webhook-timestamp': String(seconds),
  'webhook-signature': new StandardWebhook(secret, options).sign(id, new Date(seconds * 1000), body),
});

describe('Standard Webhooks (signed with the standardwebhooks library)', () => {
  const config = { scheme: 'standard-webhooks', secret: swSecret } as const;

  it('shows the signed content msg_id.timestamp.body, the computed signature beside the received one, and the secret only as a hint', () => {
    const headers = swSign(swSecret, COMPACT, NOW_SECONDS - 420);
    const d = diagnose(config, headers, COMPACT);
    expect(d.signedContent.label).toBe('webhook-id.webhook-timestamp.body');
    expect(d.signedContent.text).toBe(`msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.${NOW_SECONDS - 420}.${COMPACT}`);
    expect(d.signedContent.bytes).toBe(utf8(d.signedContent.text).length);
    expect(d.received).toBe(headers['webhook-signature']);
    expect(d.computed).toBe(headers['webhook-signature']);
    expect(d.secretHint).toBe(`${swSecret.length} characters, starts with whsec_, base64 after it`);
  });

  it('a timestamp 420 s old with a right signature: the timestamp, by how much, and what to change', () => {
    const d = diagnose(config, swSign(swSecret, COMPACT, NOW_SECONDS - 420), COMPACT);
    expect(d.cause.kind).toBe('timestamp');
    expect(d.cause.title).toContain('420 s older than the time of receipt, outside the 300 s tolerance');
    expect(d.cause.detail).toContain('120 s beyond the tolerance');
    expect(d.cause.fix).toContain('raise toleranceSeconds to at least 420');
    expect(d.tried).toEqual([{ step: 'the configured secret with the body as received', matched: true }]);
  });

  it('a timestamp ahead of the clock (clock skew) fails both ways, and a day-old one reads as a replay', () => {
    expect(diagnose(config, swSign(swSecret, COMPACT, NOW_SECONDS + 400), COMPACT).cause.title).toContain('400 s ahead of');
    const old = diagnose(config, swSign(swSecret, COMPACT, NOW_SECONDS - 86_400), COMPACT);
    expect(old.cause.kind).toBe('timestamp');
    expect(old.cause.detail).toContain('replayed');
  });

  it('the sender keyed with the secret as text (format "raw") instead of its base64-decoded bytes', () => {
    const d = diagnose(config, swSign(swSecret, COMPACT, NOW_SECONDS, undefined, { format: 'raw' }), COMPACT);
    expect(d.cause.kind).toBe('secret-encoding');
    expect(d.cause.fix).toContain('base64-decode');
    expect(d.computed).not.toBe(d.received);
  });

  it('the body was pretty-printed on the way (the sender signed compact JSON)', () => {
    const d = diagnose(config, swSign(swSecret, COMPACT), PRETTY);
    expect(d.cause.kind).toBe('body-reserialized');
    expect(d.cause.title).toContain('compact JSON');
    expect(d.tried.at(-1)).toEqual({ step: 'the body as compact JSON (JSON.stringify of the parsed body)', matched: true });
  });

  it('a proxy escaped non-ASCII characters as \\u00eb (the sender signed UTF-8)', () => {
    const d = diagnose(config, swSign(swSecret, COMPACT), escapeNonAscii(COMPACT));
    expect(d.cause.kind).toBe('body-reserialized');
    expect(d.cause.title).toContain('\\uXXXX escapes written as UTF-8');
  });

  it('a secret that is not whsec_/base64 cannot key the scheme', () => {
    const d = diagnose({ scheme: 'standard-webhooks', secret: 'whsec_not base64!' }, swSign(swSecret, COMPACT), COMPACT);
    expect(d.cause.kind).toBe('secret-unusable');
    expect(d.computed).toBeNull();
  });

  it('a signature that matches with the secret configured now (it was changed after the request arrived)', () => {
    const d = diagnose(config, swSign(swSecret, COMPACT), COMPACT);
    expect(d.recheck.status).toBe('verified');
    expect(d.cause.kind).toBe('matches-now');
  });
});

describe('Stripe (signed with stripe.webhooks.generateTestHeaderString)', () => {
  const secret = `whsec_${randomBytes(16).toString('hex')}`;
  const header = (payload: string, key = secret, timestamp = NOW_SECONDS) => ({ 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp }) });

  it('shows t.body as the signed content', () => {
    const d = diagnose({ scheme: 'stripe', secret }, header(COMPACT, `${secret}x`), COMPACT);
    expect(d.signedContent.label).toBe('t.body');
    expect(d.signedContent.text).toBe(`${NOW_SECONDS}.${COMPACT}`);
    expect(d.computed).toBe(`t=${NOW_SECONDS},v1=${hmac('sha256', secret, `${NOW_SECONDS}.`, COMPACT).toString('hex')}`);
  });

  it('the whsec_ prefix dropped from the secret configured here', () => {
    const d = diagnose({ scheme: 'stripe', secret: secret.slice('whsec_'.length) }, header(COMPACT), COMPACT);
    expect(d.cause.kind).toBe('secret-prefix');
    expect(d.cause.fix).toContain('"whsec_" included');
  });

  it('the whsec_ prefix kept here while the sender signs without it', () => {
    const d = diagnose({ scheme: 'stripe', secret }, header(COMPACT, secret.slice('whsec_'.length)), COMPACT);
    expect(d.cause.kind).toBe('secret-prefix');
    expect(d.cause.fix).toContain('Remove "whsec_"');
  });

  it('the sender keyed with the base64-decoded secret (a Standard Webhooks habit)', () => {
    const b64 = `whsec_${randomBytes(24).toString('base64')}`;
    const key = Buffer.from(b64.slice(6), 'base64');
    const sig = hmac('sha256', key, `${NOW_SECONDS}.`, COMPACT).toString('hex');
    const d = diagnose({ scheme: 'stripe', secret: b64 }, { 'Stripe-Signature': `t=${NOW_SECONDS},v1=${sig}` }, COMPACT);
    expect(d.cause.kind).toBe('secret-encoding');
    expect(d.cause.title).toContain('base64-decoded');
  });

  it('a trailing newline removed on the way (the sender signed the body with one)', () => {
    const d = diagnose({ scheme: 'stripe', secret }, header(`${COMPACT}\n`), COMPACT);
    expect(d.cause.kind).toBe('body-reserialized');
    expect(d.cause.title).toContain('trailing newline added');
  });

  it('a trailing newline added on the way', () => {
    expect(diagnose({ scheme: 'stripe', secret }, header(PRETTY), `${PRETTY}\n`).cause.title).toContain('without its trailing newline');
  });

  it('line endings turned into CRLF on the way', () => {
    const d = diagnose({ scheme: 'stripe', secret }, header(PRETTY), PRETTY.split('\n').join('\r\n'));
    expect(d.cause.kind).toBe('body-reserialized');
    expect(d.cause.title).toContain('CRLF line endings turned into LF');
  });

  it('keys sorted by the sender before signing', () => {
    const sorted = JSON.stringify({ data: { customer: { email: 'zoe@example.com', name: 'Zoë' }, total: '19.90' }, id: 'evt_1', type: 'order.created' });
    const d = diagnose({ scheme: 'stripe', secret }, header(sorted), COMPACT);
    expect(d.cause.kind).toBe('body-reserialized');
    expect(d.cause.title).toContain('compact JSON with keys sorted');
  });

  it('an old timestamp (Stripe refuses only old ones)', () => {
    const d = diagnose({ scheme: 'stripe', secret }, header(COMPACT, secret, NOW_SECONDS - 900), COMPACT);
    expect(d.cause.kind).toBe('timestamp');
    expect(d.cause.detail).toContain('refuses only old timestamps');
    expect(d.cause.detail).toContain('600 s beyond');
  });

  it('a timestamp in milliseconds', () => {
    const ms = String(NOW_SECONDS * 1000);
    const sig = hmac('sha256', secret, `${ms}.`, COMPACT).toString('hex');
    const d = diagnose({ scheme: 'stripe', secret }, { 'Stripe-Signature': `t=${ms},v1=${sig}` }, COMPACT);
    expect(d.cause.kind).toBe('timestamp');
    expect(d.cause.title).toContain('milliseconds');
  });
});

describe('GitHub (signed with @octokit/webhooks-methods)', () => {
  const secret = randomBytes(12).toString('hex');

  it('the body as signed content; SHA-1 in X-Hub-Signature-256', async () => {
    const sha1 = `sha1=${hmac('sha1', secret, COMPACT).toString('hex')}`;
    const d = diagnose({ scheme: 'github', secret }, { 'X-Hub-Signature-256': sha1 }, COMPACT);
    expect(d.signedContent).toMatchObject({ label: 'body', text: COMPACT });
    expect(d.computed).toBe(await octokitSign(secret, COMPACT));
    expect(d.cause.kind).toBe('algorithm');
    expect(d.cause.title).toBe('The sender signs with HMAC-SHA-1 in hex; GitHub expects HMAC-SHA-256 in hex');
  });

  it('the sender signed JSON with 2-space indents, the compact JSON arrived', async () => {
    const d = diagnose({ scheme: 'github', secret }, { 'X-Hub-Signature-256': await octokitSign(secret, PRETTY) }, COMPACT);
    expect(d.cause.kind).toBe('body-reserialized');
    expect(d.cause.title).toContain('2-space indents');
  });

  it('a secret pasted with a trailing newline', async () => {
    const d = diagnose({ scheme: 'github', secret: `${secret}\n` }, { 'X-Hub-Signature-256': await octokitSign(secret, COMPACT) }, COMPACT);
    expect(d.cause.kind).toBe('secret-whitespace');
    expect(d.secretHint).toContain('spaces or a newline around it');
  });

  it("another provider's header: a Stripe-signed request on a GitHub connector (and it verifies as Stripe)", () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload: COMPACT, secret, timestamp: NOW_SECONDS });
    const d = diagnose({ scheme: 'github', secret }, { 'Stripe-Signature': header }, COMPACT);
    expect(d.cause.kind).toBe('other-provider');
    expect(d.cause.title).toBe('This request carries Stripe-Signature (Stripe), but the connector expects GitHub');
    expect(d.cause.fix).toBe("Switch the connector's verification to the stripe scheme in Relay settings.");
  });

  it('no signature header and no other provider: missing header', () => {
    const d = diagnose({ scheme: 'github', secret }, { 'X-GitHub-Event': 'push' }, COMPACT);
    expect(d.cause.kind).toBe('missing-header');
    expect(d.received).toBeNull();
  });

  it('another secret altogether: no usual mistake explains it, every step was tried', async () => {
    const d = diagnose({ scheme: 'github', secret }, { 'X-Hub-Signature-256': await octokitSign(`${secret}-other`, COMPACT) }, COMPACT);
    expect(d.cause.kind).toBe('no-match');
    expect(d.tried.every((t) => !t.matched)).toBe(true);
    const steps = d.tried.map((t) => t.step);
    expect(steps[0]).toBe('the configured secret with the body as received');
    expect(steps).toEqual(expect.arrayContaining(['the secret base64-decoded as the key', 'the secret with a whsec_ prefix', 'HMAC-SHA-1 in hex', 'HMAC-SHA-256 in base64']));
    expect(steps.some((s) => s.startsWith('the body as compact JSON (JSON.stringify'))).toBe(false); // the body is compact already
    expect(steps.some((s) => s.startsWith('the body as JSON with 2-space'))).toBe(true);
  });
});

describe('Shopify, Slack and the generic HMAC (signed with node:crypto as the provider documents)', () => {
  const secret = 'shpss_0123456789abcdef';

  it('Shopify: hex where base64 is expected', () => {
    const d = diagnose({ scheme: 'shopify', secret }, { 'X-Shopify-Hmac-Sha256': hmac('sha256', secret, COMPACT).toString('hex') }, COMPACT);
    expect(d.cause.kind).toBe('encoding');
    expect(d.cause.title).toContain('HMAC-SHA-256 in hex; Shopify expects HMAC-SHA-256 in base64');
  });

  it('Slack: v0:timestamp:body as the signed content; upper-case hex is refused', () => {
    const ts = String(NOW_SECONDS);
    const sig = hmac('sha256', secret, `v0:${ts}:`, COMPACT).toString('hex');
    const d = diagnose({ scheme: 'slack', secret }, { 'X-Slack-Signature': `v0=${sig.toUpperCase()}`, 'X-Slack-Request-Timestamp': ts }, COMPACT);
    expect(d.signedContent.text).toBe(`v0:${ts}:${COMPACT}`);
    expect(d.computed).toBe(`v0=${sig}`);
    expect(d.cause.kind).toBe('encoding');
    expect(d.cause.title).toContain('upper-case hex');
  });

  it('generic HMAC: SHA-256 where SHA-1 is configured, with the fix in the settings', () => {
    const config = { scheme: 'hmac', secret, algorithm: 'sha1', encoding: 'hex', header: 'X-Signature', prefix: 'sha1=', signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Timestamp' } as const;
    const sig = hmac('sha256', secret, `${NOW_SECONDS}.`, COMPACT).toString('hex');
    const d = diagnose(config, { 'X-Signature': `sha1=${sig}`, 'X-Timestamp': String(NOW_SECONDS) }, COMPACT);
    expect(d.signedContent.label).toBe('X-Timestamp.body');
    expect(d.cause.kind).toBe('algorithm');
    expect(d.cause.fix).toContain("Set the generic HMAC's algorithm to sha256");
  });
});

describe('bounds and variants', () => {
  it('a body over 256 KiB is not re-serialized: the step says it was skipped, and the answer comes at once', () => {
    const big = JSON.stringify({ blob: 'x'.repeat(MAX_TRIED_BODY_BYTES) });
    const secret = 'github-secret';
    const started = performance.now();
    const d = diagnose({ scheme: 'github', secret }, { 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` }, big);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(d.tried).toContainEqual({ step: 'the body re-serialized (not tried: the body is over 256 KiB)', matched: false });
    expect(d.signedContent.truncated).toBe(true);
    expect(d.signedContent.text.length).toBeLessThanOrEqual(4096);
    expect(d.signedContent.bytes).toBe(big.length);
  });

  it('binary bodies get no text variants; a variant equal to the body is never tried', () => {
    expect(bodyVariants(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual([]);
    expect(bodyVariants(utf8(COMPACT)).map((v) => v.id)).not.toContain('json-compact');
  });

  it('\\u escapes: escaped backslashes stay, ASCII escapes stay', () => {
    expect(unescapeNonAscii('"\\u00e9 \\\\u00e9 \\u0041"')).toBe('"é \\\\u00e9 \\u0041"');
    expect(escapeNonAscii('"é✓"')).toBe('"\\u00e9\\u2713"');
  });
});
