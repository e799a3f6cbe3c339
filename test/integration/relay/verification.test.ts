import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import type { HookEvent } from '../../../shared/schemas/event';
import type { VerificationInput } from '../../../shared/schemas/verification';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest } from '../inbound/inbound-helpers';

type Headers = Record<string, string>;

interface Scheme {
  name: string;
  config: (secret: string) => VerificationInput;
  /** Signs as the provider does, with node:crypto (not Hookdesk's own code). */
  sign: (secret: string, body: Buffer, timestampSeconds: number) => Headers;
  /** The header a sender that does not sign leaves out. */
  signatureHeader: string;
  timestamped: boolean;
  secret: () => string;
}

const hmac = (algorithm: string, key: string | Buffer, ...parts: (string | Buffer)[]) => {
  const h = createHmac(algorithm, key);
  for (const part of parts) h.update(part);
  return h.digest();
};

const SCHEMES: Scheme[] = [
  {
    name: 'standard-webhooks',
    config: (secret) => ({ scheme: 'standard-webhooks', secret }),
    sign: (secret, body, ts) => {
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
      return { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': `v1,${hmac('sha256', key, `${id}.${ts}.`, body).toString('base64')}` };
    },
    signatureHeader: 'webhook-signature',
    timestamped: true,
    secret: () => `whsec_${randomBytes(24).toString('base64')}`,
  },
  {
    name: 'github',
    config: (secret) => ({ scheme: 'github', secret }),
    sign: (secret, body) => ({ 'X-Hub-Signature-256': `sha256=${hmac('sha256', secret, body).toString('hex')}`, 'X-GitHub-Event': 'push' }),
    signatureHeader: 'X-Hub-Signature-256',
    timestamped: false,
    secret: () => randomBytes(12).toString('hex'),
  },
  {
    name: 'stripe',
    config: (secret) => ({ scheme: 'stripe', secret }),
    sign: (secret, body, ts) => ({ 'Stripe-Signature': `t=${ts},v1=${hmac('sha256', secret, `${ts}.`, body).toString('hex')},v0=deadbeef` }),
    signatureHeader: 'Stripe-Signature',
    timestamped: true,
    secret: () => `whsec_${randomBytes(16).toString('hex')}`,
  },
  {
    name: 'shopify',
    config: (secret) => ({ scheme: 'shopify', secret }),
    sign: (secret, body) => ({ 'X-Shopify-Hmac-Sha256': hmac('sha256', secret, body).toString('base64'), 'X-Shopify-Topic': 'orders/create' }),
    signatureHeader: 'X-Shopify-Hmac-Sha256',
    timestamped: false,
    secret: () => randomBytes(16).toString('hex'),
  },
  {
    name: 'slack',
    config: (secret) => ({ scheme: 'slack', secret }),
    sign: (secret, body, ts) => ({ 'X-Slack-Request-Timestamp': String(ts), 'X-Slack-Signature': `v0=${hmac('sha256', secret, `v0:${ts}:`, body).toString('hex')}` }),
    signatureHeader: 'X-Slack-Signature',
    timestamped: true,
    secret: () => randomBytes(16).toString('hex'),
  },
  {
    name: 'hmac (sha512, base64, prefix, timestamp)',
    config: (secret) => ({
      scheme: 'hmac',
      secret,
      algorithm: 'sha512',
      encoding: 'base64',
      header: 'X-Acme-Signature',
      prefix: 'sha512=',
      signedPayload: '{timestamp}.{body}',
      timestampHeader: 'X-Acme-Timestamp',
    }),
    sign: (secret, body, ts) => ({ 'X-Acme-Timestamp': String(ts), 'X-Acme-Signature': `sha512=${hmac('sha512', secret, `${ts}.`, body).toString('base64')}` }),
    signatureHeader: 'X-Acme-Signature',
    timestamped: true,
    secret: () => randomBytes(16).toString('hex'),
  },
];

/** JSON as a sender may format it: re-serializing it would change the bytes and break every signature. */
const BODY = Buffer.from('{ "id" : 42,\n\t"name":"caf\u00e9" ,  "items":[1, 2 ,3],"note":"\\u00e9"}\n');

describe('relay: signature verification at ingest, through real requests', () => {
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 9, 30, 0));
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({}, { clock });
  });
  afterAll(() => t.dispose());

  async function verifyingConnector(config: VerificationInput) {
    const connector = await createConnector(t.client);
    await t.client.updateConnector(connector.id, { verification: config });
    return connector;
  }

  /** Sends a capture request and answers its event as the API shows it. */
  async function capture(connector: { id: string; captureUrl: string }, headers: Headers, body: Buffer = BODY): Promise<HookEvent> {
    const answer = await rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(answer.status).toBe(200);
    const [latest] = (await t.client.listEvents({ connectorId: connector.id, pageSize: 1 })).items;
    return latest!;
  }

  for (const scheme of SCHEMES) {
    describe(scheme.name, () => {
      const secret = scheme.secret();
      let connector = { id: '', captureUrl: '' };
      beforeAll(async () => {
        connector = await verifyingConnector(scheme.config(secret));
      });

      it('verifies a request signed over the bytes as sent (JSON with unusual whitespace)', async () => {
        const event = await capture(connector, scheme.sign(secret, BODY, nowSeconds()));
        expect(event.verification?.status).toBe('verified');
        expect(event.verification?.reason).toEqual(expect.any(String));
      });

      it('fails a body changed after signing, saying the signature does not match', async () => {
        const tampered = Buffer.from(BODY.toString('utf8').replace('42', '43'));
        const event = await capture(connector, scheme.sign(secret, BODY, nowSeconds()), tampered);
        expect(event.verification).toMatchObject({ status: 'failed', reason: expect.stringMatching(/does not match.*secret.*body changed/s) });
      });

      it('fails a request signed with another secret', async () => {
        const event = await capture(connector, scheme.sign(scheme.secret(), BODY, nowSeconds()));
        expect(event.verification).toMatchObject({ status: 'failed', reason: expect.stringMatching(/does not match/) });
      });

      it('fails a request without the signature header, naming the header', async () => {
        const headers = scheme.sign(secret, BODY, nowSeconds());
        delete headers[scheme.signatureHeader];
        const event = await capture(connector, headers);
        expect(event.verification).toMatchObject({ status: 'failed', reason: expect.stringContaining(`No ${scheme.signatureHeader} header`) });
      });

      if (scheme.timestamped) {
        it('fails a request whose signed timestamp is outside the tolerance at the time of receipt', async () => {
          const event = await capture(connector, scheme.sign(secret, BODY, nowSeconds() - 3600));
          expect(event.verification).toMatchObject({ status: 'failed', reason: expect.stringMatching(/3600 s older than the time of receipt, outside the 300 s tolerance/) });
        });
      }
    });
  }

  it('verifies push requests on their raw bytes: one event with odd whitespace, and every event of a batch', async () => {
    const secret = 'push-secret';
    // Push events are checked only when the connector says so (they are authenticated by their API key).
    const connector = await verifyingConnector({ scheme: 'github', secret, verifyOn: 'push' });
    const sign = (body: string) => ({ 'X-Hub-Signature-256': `sha256=${hmac('sha256', secret, body).toString('hex')}` });
    const single = '{"type" : "push.one",\n "x":  1.0}';
    const one = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, single, sign(single));
    const [oneId] = (one.json as { ids: string[] }).ids;
    const stored = await t.client.getEvent(oneId!);
    expect(stored.verification?.status).toBe('verified');
    expect(Buffer.from(stored.bodyBase64 ?? '', 'base64').toString('utf8')).toBe(single);

    const batch = '[ {"type":"b"},{"type":"b"} ]';
    const many = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, batch, sign(batch));
    for (const id of (many.json as { ids: string[] }).ids) expect((await t.client.getEvent(id)).verification?.status).toBe('verified');
    const bad = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, batch, sign(`${batch} `));
    expect(bad.status).toBe(200);
    for (const id of (bad.json as { ids: string[] }).ids) expect((await t.client.getEvent(id)).verification?.status).toBe('failed');
  });

  it('judges a stored event at its time of receipt, not later', async () => {
    const secret = 'at-receipt';
    const connector = await verifyingConnector({ scheme: 'slack', secret, toleranceSeconds: 60 });
    const ts = nowSeconds();
    const event = await capture(connector, SCHEMES[4]!.sign(secret, BODY, ts));
    clock.advance(24 * 3600 * 1000);
    expect((await t.client.getEvent(event.id)).verification?.status).toBe('verified');
  });

  it('answers the secret masked, and a masked secret sent back keeps the stored one', async () => {
    const secret = 'a-long-enough-github-secret-1234';
    const connector = await verifyingConnector({ scheme: 'github', secret });
    const read = await t.client.getConnector(connector.id);
    expect(read.verification).toMatchObject({ scheme: 'github' });
    expect(read.verification?.secret).not.toContain(secret.slice(0, 8));
    expect(read.verification?.secret).toContain('••••');
    expect(JSON.stringify(await t.client.listConnectors({ pageSize: 500 }))).not.toContain(secret);

    const patched = await t.client.updateConnector(connector.id, { verification: { ...read.verification!, toleranceSeconds: 600 } });
    expect(patched.verification).toMatchObject({ toleranceSeconds: 600, secret: read.verification?.secret });
    const event = await capture(connector, SCHEMES[1]!.sign(secret, BODY, nowSeconds()));
    expect(event.verification?.status).toBe('verified');
  });

  it('turns verification off with null: events show status none', async () => {
    const connector = await verifyingConnector({ scheme: 'shopify', secret: 's' });
    await t.client.updateConnector(connector.id, { verification: null });
    const event = await capture(connector, {});
    expect(event.verification).toEqual({ status: 'none', reason: null });
  });
});
