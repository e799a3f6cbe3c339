import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WebhookCreate } from '../../../shared/schemas/webhook';
import { outboundBench } from '../../helpers/outbound-bench';
import type { Receiver, ReceivedRequest } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import { deliveriesSettle, settled } from './outbound-helpers';

const header = (r: ReceivedRequest, name: string): string => String(r.headers[name.toLowerCase()] ?? '');

describe('delivery: auth, signatures and X-Hookdesk headers, checked by a real receiver', () => {
  let t: TestEngine;
  let receiver: Receiver;
  let n = 0;
  outboundBench((bench) => ({ t, receiver } = bench), { clean: 'receiver-and-webhooks' });

  /** Creates the webhook, publishes one event and answers what the receiver got for it. */
  async function deliverOne(config: Omit<WebhookCreate, 'name' | 'url'>, path = '/in'): Promise<ReceivedRequest> {
    n += 1;
    const webhook = await t.client.createWebhook({ name: `W${n}`, url: `${receiver.url}${path}`, ...config });
    const before = receiver.to(path).length;
    const event = await t.client.publishEvent({ type: 'order.created', entity: { id: 42, total: 9.5 } });
    const [delivery] = await deliveriesSettle(t, webhook.id, settled(1));
    await t.client.deleteWebhook(webhook.id);
    expect(delivery?.status).toBe('succeeded');
    const got = receiver.to(path).slice(before);
    expect(got).toHaveLength(1);
    const request = got[0] as ReceivedRequest;
    expect(header(request, 'X-Hookdesk-Event-Id')).toBe(event.id);
    return request;
  }

  it('sends the envelope with every X-Hookdesk-* header and an hmac-sha1 signature over the exact bytes', async () => {
    const got = await deliverOne({ secret: 'shh-its-a-secret' });
    const body = JSON.parse(got.text) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['eventId', 'eventType', 'webhookId', 'entityId', 'entity', 'entityUrl', 'timestamp']);
    expect(body).toMatchObject({ eventType: 'order.created', entityId: '42', entity: { id: 42, total: 9.5 } });
    expect(header(got, 'X-Hookdesk-Event')).toBe('order.created');
    expect(header(got, 'X-Hookdesk-Webhook-Id')).toBe(body.webhookId);
    expect(header(got, 'X-Hookdesk-Entity-Id')).toBe('42');
    expect(header(got, 'X-Hookdesk-Entity-URL')).toBe(body.entityUrl);
    expect(header(got, 'content-type')).toBe('application/json');
    expect(header(got, 'X-Hookdesk-Signature')).toBe(createHmac('sha1', 'shh-its-a-secret').update(got.body).digest('hex'));
  });

  it('signs the Standard Webhooks way: webhook-id, webhook-timestamp, webhook-signature', async () => {
    const key = Buffer.from('standard-webhooks-test-key-32byt');
    const got = await deliverOne({ signature: 'standard-webhooks', secret: `whsec_${key.toString('base64')}` });
    const id = header(got, 'webhook-id');
    const ts = header(got, 'webhook-timestamp');
    expect(id).toBe(header(got, 'X-Hookdesk-Event-Id'));
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(300);
    const expected = createHmac('sha256', key).update(`${id}.${ts}.`).update(got.body).digest('base64');
    expect(header(got, 'webhook-signature')).toBe(`v1,${expected}`);
  });

  it('sends basic, bearer, API key and custom headers', async () => {
    const basic = await deliverOne({ auth: { type: 'basic', username: 'svc', password: 'pa:ss' } });
    expect(header(basic, 'authorization')).toBe(`Basic ${Buffer.from('svc:pa:ss').toString('base64')}`);
    const bearer = await deliverOne({ auth: { type: 'bearer', token: 'tok-123' } });
    expect(header(bearer, 'authorization')).toBe('Bearer tok-123');
    const apiKey = await deliverOne({ auth: { type: 'apiKey', header: 'X-Api-Key', value: 'k-456' }, headers: { 'X-Team': 'payments' } });
    expect(header(apiKey, 'x-api-key')).toBe('k-456');
    expect(header(apiKey, 'x-team')).toBe('payments');
  });

  it('keeps credentials out of the delivery records (masked), but the signature readable', async () => {
    n += 1;
    const webhook = await t.client.createWebhook({
      name: `W${n}`,
      url: `${receiver.url}/masked`,
      auth: { type: 'apiKey', header: 'X-Key', value: 'very-secret-api-key-value' },
      secret: 'sign-secret',
    });
    await t.client.publishEvent({ type: 'x' });
    await deliveriesSettle(t, webhook.id, settled(1));
    const page = await t.client.listDeliveries(webhook.id);
    const full = await t.client.getDelivery(page.items[0]?.id ?? '');
    const text = JSON.stringify(full);
    expect(text).not.toContain('very-secret-api-key-value');
    expect(full.request?.headers['X-Key']).toMatch(/^••••/);
    expect(full.request?.headers['X-Hookdesk-Signature']).toMatch(/^[0-9a-f]{40}$/);
    expect(full.attempts).toHaveLength(1);
  });

  it('gets an OAuth2 token with client credentials, caches it, and fetches a new one once on a 401', async () => {
    let issued = 0;
    let refuse = false;
    receiver.handler = (r) => {
      if (r.url === '/token') {
        const expected = `Basic ${Buffer.from('client-1:client-secret-1').toString('base64')}`;
        if (header(r, 'authorization') !== expected) return { status: 401, body: { error: 'invalid_client' } };
        const form = new URLSearchParams(r.text);
        if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'hooks.write audit') return { status: 400, body: { error: 'invalid_request' } };
        issued += 1;
        return { body: { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600 } };
      }
      if (refuse && header(r, 'authorization') === 'Bearer token-1') return { status: 401, body: { error: 'expired' } };
      return { body: { ok: true } };
    };
    const oauth = { auth: { type: 'oauth2' as const, tokenUrl: `${receiver.url}/token`, clientId: 'client-1', clientSecret: 'client-secret-1', scopes: ['hooks.write', 'audit'] } };
    const first = await deliverOne(oauth, '/oauth');
    expect(header(first, 'authorization')).toBe('Bearer token-1');
    const second = await deliverOne(oauth, '/oauth');
    expect(header(second, 'authorization')).toBe('Bearer token-1');
    expect(issued).toBe(1);
    refuse = true;
    const webhook = await t.client.createWebhook({ name: 'OAuth refused once', url: `${receiver.url}/oauth`, ...oauth });
    const before = receiver.to('/oauth').length;
    await t.client.publishEvent({ type: 'order.created' });
    const [delivery] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(delivery?.status).toBe('succeeded');
    expect(delivery?.attempts).toHaveLength(1);
    expect(receiver.to('/oauth').slice(before).map((r) => header(r, 'authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(issued).toBe(2);
    receiver.handler = () => ({ body: { ok: true } });
  });
});
