import { createHmac } from 'node:crypto';
import type { ServedEngine } from '../fixtures';
import { apiOf } from './connectors-ui';

export const GITHUB_SECRET = 'layout-secret';

export interface SeededWorkspace {
  shop: { id: string; name: string };
  github: { id: string; name: string };
  webhook: { id: string; name: string };
  /** Every event type pushed, to find in rows. */
  types: string[];
}

async function send(url: string, body: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
}

/**
 * A workspace as a user has it after a while: a push connector with long and underscored types, a
 * GitHub connector that verifies (signed and forged requests, shape drift), a webhook with
 * deliveries that succeeded and failed (its target answers `status`).
 */
export async function seedWorkspace(engine: ServedEngine, receiverUrl: string, options: { orders?: number } = {}): Promise<SeededWorkspace> {
  const api = apiOf(engine);
  const shop = await api.createConnector({ name: 'Shop', dataSource: null });
  const types = ['customer.subscription.trial_will_end', 'invoice.payment_action_required', 'order.created', 'invoice.paid'];
  for (const type of types) await send(shop.pushUrl, JSON.stringify({ type, amount: 12, customer: { id: 'cus_1' } }), { API_KEY: shop.apiKey, 'x-tenant': 'acme' });

  const github = await api.createConnector({ name: 'GitHub relay', dataSource: null });
  await api.updateConnector(github.id, { verification: { scheme: 'github', secret: GITHUB_SECRET }, forwardTo: { url: `${receiverUrl}/forward` } });
  const body = JSON.stringify({ action: 'opened', number: 7, pull_request: { id: 1 } });
  const sign = (secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  await send(github.captureUrl, body, { 'X-GitHub-Event': 'pull_request', 'X-Hub-Signature-256': sign(GITHUB_SECRET) });
  await send(github.captureUrl, body, { 'X-GitHub-Event': 'pull_request', 'X-Hub-Signature-256': sign('forged') });
  await send(github.captureUrl, JSON.stringify({ action: 'opened', number: '8', draft: true }), { 'X-GitHub-Event': 'pull_request', 'X-Hub-Signature-256': 'sha256=00' });
  types.push('pull_request.opened');

  const webhook = await api.createWebhook({
    name: 'Orders out',
    url: receiverUrl,
    events: [{ type: 'order.*' }],
    retry: { maxAttempts: 1, backoff: 'fixed', initialDelaySeconds: 0, maxDelaySeconds: 0, jitter: 0 },
  });
  const orders = options.orders ?? 3;
  for (let i = 0; i < orders; i += 1) await api.publishEvent({ type: i % 2 ? 'order.created' : 'order.fulfillment_requested', entity: { i } });
  return { shop: { id: shop.id, name: shop.name }, github: { id: github.id, name: github.name }, webhook: { id: webhook.id, name: webhook.name }, types };
}
