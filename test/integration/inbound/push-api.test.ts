import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorSecrets } from '../../../shared/schemas/connector';
import type { HookEvent } from '../../../shared/schemas/event';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, errorCode, push, rawRequest } from './inbound-helpers';

const MAX_BODY = 4096;

describe('push API: POST /api/1.0/webhook/push (API.md section 1)', () => {
  let t: TestEngine;
  let con: Connector & ConnectorSecrets;

  beforeAll(async () => {
    t = await startTestEngine({ maxBodyBytes: MAX_BODY });
    con = await createConnector(t.client, { name: 'Push Target' });
  });
  afterAll(() => t.dispose());

  async function storedCount(): Promise<number> {
    return (await t.client.listEvents({ connectorId: con.id, pageSize: 500 })).total;
  }

  /** Every refusal leaves the store as it was. */
  async function expectRefused(answer: Promise<Awaited<ReturnType<typeof push>>>, status: number, code: string): Promise<void> {
    const before = await storedCount();
    const res = await answer;
    expect(res.status).toBe(status);
    expect(errorCode(res)).toBe(code);
    const error = (res.json as { error: { message: string; fields?: unknown } }).error;
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.fields).toBeUndefined();
    expect(await storedCount()).toBe(before);
  }

  it('accepts one event: 200 {accepted: 1, ids} and stores it with the contract fields', async () => {
    const res = await push(con.pushUrl, con.apiKey, { event: 'value', event_type: 'user.created' }, { 'X-Extra': 'kept' });
    expect(res.status).toBe(200);
    const answer = res.json as { accepted: number; ids: string[] };
    expect(answer.accepted).toBe(1);
    expect(answer.ids).toHaveLength(1);
    const event = await t.client.getEvent(answer.ids[0] as string);
    expect(event).toMatchObject({
      id: answer.ids[0],
      connectorId: con.id,
      source: 'push',
      dataSource: 'generic',
      type: 'user.created',
      body: { event: 'value', event_type: 'user.created' },
      remoteAddress: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(event.size).toBe(Buffer.byteLength(JSON.stringify({ event: 'value', event_type: 'user.created' })));
    expect(Date.parse(event.receivedTime)).not.toBeNaN();
    expect(event.headers['x-extra']).toBe('kept');
    expect(event.headers.api_key).toBe('[redacted]');
    expect(JSON.stringify(event)).not.toContain(con.apiKey);
  });

  it('accepts a batch of 50, stores all of them in order, and takes the key header in any case', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => ({ n: i, type: 'batch.item' }));
    const res = await push(con.pushUrl, null, batch, { 'api_KEY': con.apiKey });
    expect(res.status).toBe(200);
    const answer = res.json as { accepted: number; ids: string[] };
    expect(answer.accepted).toBe(50);
    const stored = await Promise.all(answer.ids.map((id) => t.client.getEvent(id)));
    expect(stored.map((e: HookEvent) => (e.body as { n: number }).n)).toEqual(batch.map((b) => b.n));
    expect(stored.every((e) => e.type === 'batch.item')).toBe(true);
  });

  it('refuses no body, or only whitespace: 400 empty_body', async () => {
    await expectRefused(push(con.pushUrl, con.apiKey, ''), 400, 'empty_body');
    await expectRefused(push(con.pushUrl, con.apiKey, ' \n\t \r\n'), 400, 'empty_body');
    await expectRefused(rawRequest(con.pushUrl, { method: 'POST', headers: { API_KEY: con.apiKey } }), 400, 'empty_body');
  });

  it('refuses a body that is not JSON: 400 invalid_json', async () => {
    await expectRefused(push(con.pushUrl, con.apiKey, '{"event": '), 400, 'invalid_json');
    await expectRefused(push(con.pushUrl, con.apiKey, "{'single': 'quotes'}"), 400, 'invalid_json');
  });

  it('refuses an empty array or an element that is not an object: 400 invalid_events', async () => {
    await expectRefused(push(con.pushUrl, con.apiKey, []), 400, 'invalid_events');
    await expectRefused(push(con.pushUrl, con.apiKey, [{ ok: 1 }, 'text']), 400, 'invalid_events');
    await expectRefused(push(con.pushUrl, con.apiKey, [{ ok: 1 }, null]), 400, 'invalid_events');
    await expectRefused(push(con.pushUrl, con.apiKey, [{ ok: 1 }, [{ nested: true }]]), 400, 'invalid_events');
    await expectRefused(push(con.pushUrl, con.apiKey, '42'), 400, 'invalid_events');
    await expectRefused(push(con.pushUrl, con.apiKey, 'null'), 400, 'invalid_events');
  });

  it('refuses a missing or unknown API key: 404 unknown_api_key', async () => {
    await expectRefused(push(con.pushUrl, null, { a: 1 }), 404, 'unknown_api_key');
    await expectRefused(push(con.pushUrl, 'not-a-key', { a: 1 }), 404, 'unknown_api_key');
    await expectRefused(push(con.pushUrl, `${con.apiKey}x`, { a: 1 }), 404, 'unknown_api_key');
  });

  it('refuses more than 50 events: 413 batch_too_large', async () => {
    const batch = Array.from({ length: 51 }, (_, i) => ({ i }));
    await expectRefused(push(con.pushUrl, con.apiKey, batch), 413, 'batch_too_large');
  });

  it('refuses a body over the size limit: 413 payload_too_large, by Content-Length and while reading', async () => {
    const big = { filler: 'x'.repeat(MAX_BODY) };
    await expectRefused(push(con.pushUrl, con.apiKey, big), 413, 'payload_too_large');
    // Chunked (no Content-Length): the limit is applied while reading.
    const chunked = rawRequest(con.pushUrl, {
      method: 'POST',
      headers: { API_KEY: con.apiKey, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: JSON.stringify(big),
    });
    await expectRefused(chunked, 413, 'payload_too_large');
    // Exactly at the limit is fine.
    const exact = JSON.stringify({ f: 'y'.repeat(MAX_BODY - 8) });
    expect(Buffer.byteLength(exact)).toBe(MAX_BODY);
    expect((await push(con.pushUrl, con.apiKey, exact)).status).toBe(200);
  });

  it('refuses a content type that is not JSON: 415 unsupported_media_type', async () => {
    await expectRefused(push(con.pushUrl, con.apiKey, '{"a": 1}', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    await expectRefused(push(con.pushUrl, con.apiKey, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
  });

  it('takes JSON content types with parameters and +json types', async () => {
    expect((await push(con.pushUrl, con.apiKey, { a: 1 }, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect((await push(con.pushUrl, con.apiKey, { a: 2 }, { 'content-type': 'application/cloudevents+json' })).status).toBe(200);
  });

  it('answers 405 with Allow: POST for other methods on the push path', async () => {
    const res = await rawRequest(con.pushUrl, { method: 'GET', headers: { API_KEY: con.apiKey } });
    expect(res.status).toBe(405);
    expect(errorCode(res)).toBe('method_not_allowed');
    expect(res.headers.allow).toBe('POST');
  });

  it('tags events with the connector data source when it has one', async () => {
    const tagged = await createConnector(t.client, { name: 'Tagged', dataSource: 'My App' });
    const res = await push(tagged.pushUrl, tagged.apiKey, { type: 'order.paid' }, { 'stripe-signature': 't=1,v1=abc' });
    const event = await t.client.getEvent((res.json as { ids: string[] }).ids[0] as string);
    expect(event).toMatchObject({ dataSource: 'My App', type: 'order.paid' });
  });

  it('auto-discovers the data source and type from headers and body', async () => {
    const github = await push(con.pushUrl, con.apiKey, { action: 'opened', number: 1 }, { 'x-github-event': 'pull_request' });
    expect(await t.client.getEvent((github.json as { ids: string[] }).ids[0] as string)).toMatchObject({
      dataSource: 'GitHub',
      type: 'pull_request.opened',
    });
    const cloud = await push(con.pushUrl, con.apiKey, { specversion: '1.0', type: 'com.example.created', source: '/x', id: '1' });
    expect(await t.client.getEvent((cloud.json as { ids: string[] }).ids[0] as string)).toMatchObject({
      dataSource: 'CloudEvents',
      type: 'com.example.created',
    });
  });

  it('uses the connector typePath when set', async () => {
    const typed = await createConnector(t.client, { name: 'Typed', typePath: '$.meta.kind' });
    const res = await push(typed.pushUrl, typed.apiKey, [{ meta: { kind: 'alpha' }, type: 'ignored' }, { type: 'fallback' }]);
    const ids = (res.json as { ids: string[] }).ids;
    expect((await t.client.getEvent(ids[0] as string)).type).toBe('alpha');
    expect((await t.client.getEvent(ids[1] as string)).type).toBe('fallback');
  });
});

describe('push API size limit at its default (1 MiB)', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.dispose());

  it('answers a 1 MiB + 1 byte body with 413 payload_too_large over fetch, and stores nothing', async () => {
    const con = await createConnector(t.client, { name: 'Big' });
    const body = JSON.stringify({ filler: 'z'.repeat(1024 * 1024) });
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(con.pushUrl, { method: 'POST', headers: { API_KEY: con.apiKey, 'content-type': 'application/json' }, body });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    }
    const fits = await fetch(con.pushUrl, { method: 'POST', headers: { API_KEY: con.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ filler: 'z'.repeat(1024 * 1000) }) });
    expect(fits.status).toBe(200);
    expect((await t.client.getConnector(con.id)).eventCount).toBe(1);
  });
});
