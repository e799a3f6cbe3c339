import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../shared/schemas/event';
import type { ReplayRequest } from '../../../shared/schemas/replay';
import { HOP_HEADER } from '../../../electron/engine/relay/forward-loop';
import { DEFAULT_RETRY_POLICY } from '../../../shared/retry/retry-policy';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { deliveriesSettle, settled } from '../outbound/outbound-helpers';
import { createConnector, openStream, push, rawRequest, type OpenStream } from '../inbound/inbound-helpers';
import { flatHeaders, forwardFinished } from './relay-helpers';

describe('relay: replay', () => {
  let t: TestEngine;
  let target: Receiver;
  let other: Receiver;
  let stream: OpenStream;
  let connector: Awaited<ReturnType<typeof createConnector>>;
  beforeAll(async () => {
    t = await startTestEngine();
    target = await Receiver.start();
    other = await Receiver.start();
    stream = await openStream(t.client);
    connector = await createConnector(t.client);
    await t.client.updateConnector(connector.id, { forwardTo: { url: `${target.url}/fw` } });
  });
  afterAll(async () => {
    stream.close();
    await Promise.all([target.close(), other.close()]);
    await t.dispose();
  });
  afterEach(() => {
    target.handler = () => ({ status: 200, body: { ok: true } });
    other.handler = () => ({ status: 200, body: { ok: true } });
    target.requests.length = 0;
    other.requests.length = 0;
  });

  /** A capture whose forward has finished: the event as the API shows it then. */
  async function captured(options: { method?: string; rest?: string; headers?: Record<string, string>; body: Buffer | string }): Promise<HookEvent> {
    const before = target.requests.length;
    await rawRequest(`${connector.captureUrl}${options.rest ?? ''}`, { method: options.method ?? 'POST', headers: options.headers ?? {}, body: options.body });
    await target.waitFor(before + 1);
    const [event] = (await t.client.listEvents({ connectorId: connector.id, pageSize: 1 })).items;
    return event!.forward?.status === 'pending' ? forwardFinished(stream, event!.id) : event!;
  }

  it('sends an event as it was to the forward target: method, sub-path, query, headers and bytes identical', async () => {
    const bytes = randomBytes(2048);
    const event = await captured({ method: 'PUT', rest: '/files/a.bin?v=2&x=%2F', headers: { 'content-type': 'application/octet-stream', 'x-sender': 'cli' }, body: bytes });
    const updated = stream.next((m) => m.name === 'event.updated' && (m.data as HookEvent).replays?.length === 1 && (m.data as HookEvent).id === event.id);

    const answer = await t.client.replayEvent(event.id, { target: 'forward' });
    await target.waitFor(2);
    const [first, again] = target.requests;
    expect(again?.method).toBe('PUT');
    expect(again?.url).toBe('/fw/files/a.bin?v=2&x=%2F');
    expect(again?.body.equals(bytes)).toBe(true);
    const { date: _a, ...firstHeaders } = flatHeaders(first!);
    const { date: _b, ...againHeaders } = flatHeaders(again!);
    expect(againHeaders).toEqual(firstHeaders);

    expect(answer).toMatchObject({ ok: true, error: null, response: { status: 200 }, request: { method: 'PUT', url: `${target.url}/fw/files/a.bin?v=2&x=%2F` } });
    expect(answer.previous).toMatchObject({ ok: true, response: { status: 200 }, request: { url: `${target.url}/fw/files/a.bin?v=2&x=%2F` } });
    const seen = (await updated).data as HookEvent;
    expect(seen.replays?.[0]).toMatchObject({ target: 'forward', edited: false, ok: true, response: { status: 200 } });
    expect(seen.forward).toMatchObject({ status: 'succeeded', time: seen.replays?.[0]?.time });
  });

  it('sends an edited body and headers: the headers given replace the event\'s, the forward result stays', async () => {
    const event = await captured({ headers: { 'content-type': 'application/json', 'x-original': 'yes' }, body: '{"amount": 1}' });
    const answer = await t.client.replayEvent(event.id, {
      target: 'forward',
      body: '{"amount": 2,  "edited": true}',
      headers: { 'Content-Type': 'application/json', 'X-Edit': 'one', Connection: 'keep-alive', 'Content-Length': '999' },
    });
    await target.waitFor(2);
    const got = target.requests[1]!;
    expect(got.text).toBe('{"amount": 2,  "edited": true}');
    const headers = flatHeaders(got);
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'x-edit': 'one', 'content-length': String(got.body.length) });
    expect(headers).not.toHaveProperty('x-original');
    expect(headers[HOP_HEADER]).toMatch(/^hookdesk-/);
    expect(answer.ok).toBe(true);
    const after = await t.client.getEvent(event.id);
    expect(after.forward).toEqual(event.forward);
    expect(after.replays?.at(-1)).toMatchObject({ edited: true, target: 'forward', request: { body: '{"amount": 2,  "edited": true}' } });
  });

  it('sends to a URL typed in, exactly there; the second answer comes with the first as previous; credentials masked in answers and records', async () => {
    const event = await captured({ rest: '/orig?z=1', headers: { 'content-type': 'text/plain' }, body: 'plain text' });
    const url = `${other.url}/typed/path?q=1`;
    const first = await t.client.replayEvent(event.id, { target: 'url', url });
    expect(first).toMatchObject({ ok: true, previous: null, request: { url, body: 'plain text' } });
    await other.waitFor(1);
    expect(other.requests[0]).toMatchObject({ method: 'POST', url: '/typed/path?q=1', text: 'plain text' });

    other.handler = () => ({ status: 418, body: 'teapot' });
    const token = 'sk_live_0123456789abcdefWXYZ';
    const second = await t.client.replayEvent(event.id, { target: 'url', url, headers: { Authorization: `Bearer ${token}`, 'content-type': 'text/plain' } });
    await other.waitFor(2);
    expect(other.requests[1]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(second).toMatchObject({ ok: false, response: { status: 418, body: 'teapot' }, error: expect.stringMatching(/answered HTTP 418/) });
    expect(second.request.headers.Authorization).toBe('Bearer ••••WXYZ');
    expect(second.previous).toMatchObject({ ok: true, response: { status: 200 }, request: { url } });
    // A different URL has no previous answer (the target still answers 418).
    expect((await t.client.replayEvent(event.id, { target: 'url', url: `${other.url}/elsewhere` })).previous).toBeNull();
    const stored = await t.client.getEvent(event.id);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.replays?.map((r) => [r.target, r.ok, r.edited])).toEqual([
      ['url', true, false],
      ['url', false, true],
      ['url', false, false],
    ]);
  });

  it('sends to a webhook through its template, auth and signature, with the edited body rendered and headers added', async () => {
    const secret = 'replay-webhook-secret';
    const webhook = await t.client.createWebhook({
      name: 'Replay target',
      url: `${other.url}/hook`,
      events: [{ type: 'nothing.routes.here' }],
      bodyTemplate: '{"order": {{json data}}, "type": "{{eventType}}"}',
      headers: { 'X-Team': 'payments' },
      auth: { type: 'bearer', token: 'bearer-token-0123456789' },
      secret,
    });
    const answer0 = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, { type: 'order.created', id: 1 });
    const [id] = (answer0.json as { ids: string[] }).ids;

    const first = await t.client.replayEvent(id!, { target: 'webhook', webhookId: webhook.id, body: '{"id": 2, "note": "edited"}', headers: { 'X-Extra': 'yes' } });
    await other.waitFor(1);
    const got = other.requests[0]!;
    expect(JSON.parse(got.text)).toEqual({ order: { id: 2, note: 'edited' }, type: 'order.created' });
    expect(got.headers['x-hookdesk-signature']).toBe(createHmac('sha1', secret).update(got.body).digest('hex'));
    expect(got.headers).toMatchObject({ 'x-team': 'payments', 'x-extra': 'yes', authorization: 'Bearer bearer-token-0123456789' });
    expect(first).toMatchObject({ ok: true, previous: null });
    expect(first.request.headers.Authorization).toBe('Bearer ••••6789');

    const second = await t.client.replayEvent(id!, { target: 'webhook', webhookId: webhook.id });
    await other.waitFor(2);
    expect(JSON.parse(other.requests[1]!.text)).toEqual({ order: { type: 'order.created', id: 1 }, type: 'order.created' });
    expect(second.previous).toMatchObject({ ok: true, request: { body: first.request.body } });
    const stored = await t.client.getEvent(id!);
    expect(stored.replays?.map((r) => [r.target, r.webhookId, r.edited])).toEqual([
      ['webhook', webhook.id, true],
      ['webhook', webhook.id, false],
    ]);
    expect(JSON.stringify(stored)).not.toContain('bearer-token-0123456789');
  });

  it('answers the latest delivery attempt as previous for a webhook the event was delivered to, and never moves the failure state', async () => {
    other.handler = () => ({ status: 503, body: 'down' });
    const webhook = await t.client.createWebhook({ name: 'Routed', url: `${other.url}/routed`, events: [{ type: 'invoice.paid' }], retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 } });
    const pushed = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, { type: 'invoice.paid' });
    const [id] = (pushed.json as { ids: string[] }).ids;
    await deliveriesSettle(t, webhook.id, settled(1));
    for (let i = 0; i < 6; i += 1) {
      const answer = await t.client.replayEvent(id!, { target: 'webhook', webhookId: webhook.id });
      expect(answer.ok).toBe(false);
      if (i === 0) expect(answer.previous).toMatchObject({ ok: false, response: { status: 503, body: 'down' } });
    }
    const after = await t.client.getWebhook(webhook.id);
    expect(after.state).toBe('ACTIVE');
    expect(after.consecutiveFailures).toBe(1);
  });

  it('keeps the newest 10 replays of an event, newest last', async () => {
    const event = await captured({ body: 'keep' });
    for (let i = 1; i <= 11; i += 1) await t.client.replayEvent(event.id, { target: 'url', url: `${other.url}/n`, body: `n=${i}` });
    const stored = await t.client.getEvent(event.id);
    expect(stored.replays?.map((r) => r.request.body)).toEqual(Array.from({ length: 10 }, (_, i) => `n=${i + 2}`));
  });

  it('refuses what it cannot send: unknown event or webhook (404), no forward URL, bad input (400 with fields)', async () => {
    const event = await captured({ body: 'x' });
    await expect(t.client.replayEvent('evt_missing', { target: 'forward' })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(t.client.replayEvent(event.id, { target: 'webhook', webhookId: 'whk_missing' })).rejects.toMatchObject({ status: 404, code: 'not_found' });

    const bare = await createConnector(t.client);
    const pushed = await push(`${t.url}/api/1.0/webhook/push`, bare.apiKey, { type: 'no.forward' });
    const [bareId] = (pushed.json as { ids: string[] }).ids;
    const noForward = t.client.replayEvent(bareId!, { target: 'forward' });
    await expect(noForward).rejects.toMatchObject({ status: 400, code: 'validation_failed', fields: { target: expect.stringMatching(/no forward URL.*Set one on the connector.*webhook or a URL/) } });

    const invalid: [unknown, string][] = [
      [{ target: 'url' }, 'url'],
      [{ target: 'webhook' }, 'webhookId'],
      [{ target: 'somewhere' }, 'target'],
      [{ target: 'url', url: 'ftp://example.test/x' }, 'url'],
      [{ target: 'forward', headers: { 'bad header': 'x' } }, 'headers.bad header'],
      [{ target: 'forward', extra: 1 }, '(body)'],
    ];
    for (const [input, field] of invalid) {
      await expect(t.client.replayEvent(event.id, input as ReplayRequest)).rejects.toMatchObject({ status: 400, code: 'validation_failed', fields: { [field]: expect.any(String) } });
    }
    expect(other.requests).toHaveLength(0);
    expect(target.requests).toHaveLength(1);
  });
});

describe('relay: replays across a restart', () => {
  it('keeps the replays and the retried forward result', async () => {
    let t = await startTestEngine();
    const target = await Receiver.start(() => ({ status: 500, body: 'not yet' }));
    try {
      const connector = await createConnector(t.client);
      await t.client.updateConnector(connector.id, { forwardTo: { url: `${target.url}/r` } });
      const pushed = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, { type: 'restart.me' });
      const [id] = (pushed.json as { ids: string[] }).ids;
      await expect.poll(async () => (await t.client.getEvent(id!)).forward?.status).toBe('failed');
      target.handler = () => ({ status: 200, body: 'now' });
      await t.client.replayEvent(id!, { target: 'forward' });
      await t.client.replayEvent(id!, { target: 'url', url: `${target.url}/u`, body: '{"edited":1}' });
      const before = await t.client.getEvent(id!);

      t = await t.restart();
      const after = await t.client.getEvent(id!);
      expect(after.replays).toEqual(before.replays);
      expect(after.replays).toHaveLength(2);
      expect(after.forward).toMatchObject({ status: 'succeeded', response: { status: 200, body: 'now' } });
    } finally {
      await target.close();
      await t.dispose();
    }
  });
});
