import { describe, expect, it } from 'vitest';
import { TOO_DEEP } from '../../../shared/validators/run-validators';
import { BODY_DEPTH_NOTE } from '../../../electron/engine/ingest/body-depth';
import type { Delivery } from '../../../shared/schemas/delivery';
import type { ReplayInvocation } from '../../../shared/schemas/replay';
import { outboundBench } from '../../helpers/outbound-bench';
import type { Receiver } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import { createConnector, errorCode, push, rawRequest } from '../inbound/inbound-helpers';
import { deliveriesSettle } from '../outbound/outbound-helpers';

/** `{"a":` n times: JSON nested n objects deep. */
function deepObject(n: number): string {
  return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

/**
 * Hardening (issue 11): what a receiver answers and what a stored event holds are bounded where they
 * are walked: validators, replays.
 */
describe('hostile answers and deep events on the way out', () => {
  let t: TestEngine;
  let receiver: Receiver;

  outboundBench((bench) => ({ t, receiver } = bench));

  function api(path: string, body: unknown): ReturnType<typeof rawRequest> {
    return rawRequest(`${t.url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('a receiver answering 6,000-deep JSON to a webhook with a JSONPath validator fails the attempt with the reason, and the engine restarts on that record', async () => {
    const deepAnswer = deepObject(6_000);
    receiver.handler = (request) => (request.url === '/deep' ? { status: 200, body: deepAnswer } : { status: 200, body: { ok: true } });
    const webhook = await t.client.createWebhook({
      name: 'Validated against a deep answer',
      url: `${receiver.url}/deep`,
      events: [{ type: 'deep.answer' }],
      validators: [{ path: '$.a', expected: [] }, { path: '$..a', expected: [1] }],
      retry: { maxAttempts: 1, backoff: 'fixed', initialDelaySeconds: 0, maxDelaySeconds: 0, jitter: 0 },
    });
    await t.client.publishEvent({ type: 'deep.answer', entity: { id: 1 } });
    const [stored] = await deliveriesSettle(t, webhook.id, (list) => list.length === 1 && list[0]?.status === 'failed');
    const attempt = stored?.attempts[0];
    expect(attempt?.ok).toBe(false);
    expect(attempt?.validators).toEqual([
      { path: '$.a', expected: [], actual: TOO_DEEP, ok: false },
      { path: '$..a', expected: [1], actual: TOO_DEEP, ok: false },
    ]);
    expect((await rawRequest(`${t.url}/healthz`)).status).toBe(200);

    t = await t.restart();
    const [delivery] = (await t.client.listDeliveries(webhook.id)).items as Delivery[];
    expect(delivery?.status).toBe('failed');
    expect(delivery?.validators[0]?.actual).toBe(TOO_DEEP);
  });

  it('a deep event kept raw is replayed to a URL as the bytes it arrived as', async () => {
    receiver.handler = () => ({ status: 200, body: { ok: true } });
    const con = await createConnector(t.client, { name: 'Deep replay' });
    const deep = deepObject(5_000);
    const pushed = await push(con.pushUrl, con.apiKey, deep);
    const id = (pushed.json as { ids: string[] }).ids[0] as string;
    expect((await t.client.getEvent(id)).bodyNote).toBe(BODY_DEPTH_NOTE);

    const before = receiver.to('/replayed').length;
    const res = await api(`/events/${id}/replay`, { target: 'url', url: `${receiver.url}/replayed` });
    expect(res.status).toBe(200);
    expect((res.json as ReplayInvocation).ok).toBe(true);
    await receiver.waitFor(before + 1);
    expect(receiver.to('/replayed').at(-1)?.text).toBe(deep);
    // The replay is kept on the event, and the event still reads.
    expect((await t.client.getEvent(id)).replays).toHaveLength(1);
  });

  it('a replay to a webhook with an edited body nested deeper than the bound is refused with the contract\'s 400', async () => {
    const webhook = await t.client.createWebhook({ name: 'Replay target', url: `${receiver.url}/hook`, events: [{ type: 'nothing.matches' }] });
    const event = await t.client.publishEvent({ type: 'flat', entity: { id: 1 } });
    const res = await api(`/events/${event.id}/replay`, { target: 'webhook', webhookId: webhook.id, body: deepObject(10_000) });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('validation_failed');
    expect((res.json as { error: { fields: Record<string, string> } }).error.fields.body).toMatch(/nested deeper than/);
    expect(receiver.to('/hook')).toHaveLength(0);
  });
});
