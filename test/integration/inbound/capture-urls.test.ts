import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/engine/clock';
import type { Connector, ConnectorSecrets } from '../../../shared/schemas/connector';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, errorCode, openStream, rawRequest } from './inbound-helpers';

describe('capture URLs: ANY /hooks/<token>[/sub/path] (API.md section 2)', () => {
  let t: TestEngine;
  let con: Connector & ConnectorSecrets;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await startTestEngine({ maxBodyBytes: 4096 }, { clock });
    con = await createConnector(t.client, { name: 'Capture Target' });
  });
  afterAll(() => t.dispose());

  async function lastEvent() {
    return (await t.client.listEvents({ connectorId: con.id, pageSize: 1 })).items[0];
  }

  it('answers the default 200 {"ok": true} and stores method, path, query, headers and the body', async () => {
    const body = JSON.stringify({ type: 'invoice.paid', amount: 12 });
    const res = await rawRequest(`${con.captureUrl}/stripe/events?attempt=2&x=a%20b`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trace': 'abc' },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(await lastEvent()).toMatchObject({
      connectorId: con.id,
      source: 'capture',
      method: 'POST',
      path: '/stripe/events',
      query: 'attempt=2&x=a%20b',
      contentType: 'application/json',
      body: { type: 'invoice.paid', amount: 12 },
      type: 'invoice.paid',
      dataSource: 'generic',
      size: Buffer.byteLength(body),
      bodyBase64: Buffer.from(body).toString('base64'),
      headers: expect.objectContaining({ 'x-trace': 'abc' }),
    });
  });

  it('keeps binary bodies byte-exact (bodyBase64), with body null', async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]), randomBytes(1000)]);
    const res = await rawRequest(con.captureUrl, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect(res.status).toBe(200);
    const event = await lastEvent();
    expect(event?.method).toBe('PUT');
    expect(event?.path).toBe('');
    expect(event?.query).toBe('');
    expect(event?.body).toBeNull();
    expect(Buffer.from(event?.bodyBase64 ?? '', 'base64').equals(bytes)).toBe(true);
    expect(event?.size).toBe(bytes.length);
  });

  it('keeps text bodies as text, with the exact bytes beside them', async () => {
    const text = 'a=1&b=%C3%A9t%C3%A9&c=\r\nline two ✓';
    await rawRequest(`${con.captureUrl}/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: text });
    const event = await lastEvent();
    expect(event?.body).toBe(text);
    expect(Buffer.from(event?.bodyBase64 ?? '', 'base64').toString('utf8')).toBe(text);
    expect(event?.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('takes any method, with or without a body', async () => {
    for (const method of ['GET', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      const res = await rawRequest(`${con.captureUrl}/m?method=${method}`, { method });
      expect(res.status).toBe(200);
      const event = await lastEvent();
      expect(event).toMatchObject({ method, path: '/m', query: `method=${method}`, body: null, size: 0, contentType: null });
    }
  });

  it('answers with the connector response: status, headers, body and delay (on the engine clock)', async () => {
    await t.client.updateConnector(con.id, {
      response: { status: 202, headers: { 'content-type': 'text/plain', 'x-custom': 'yes' }, body: 'accepted!', delayMs: 5000 },
    });
    const stream = await openStream(t.client);
    let answered = false;
    const answer = rawRequest(`${con.captureUrl}/delayed`, { method: 'POST', body: 'hello' }).then((res) => {
      answered = true;
      return res;
    });
    // The event is stored (and streamed) first; the answer waits for the delay.
    await stream.next((m) => m.name === 'event.received' && (m.data as { path?: string }).path === '/delayed');
    stream.close();
    clock.advance(4999);
    expect(answered).toBe(false);
    clock.advance(1);
    const res = await answer;
    expect(res.status).toBe(202);
    expect(res.headers['x-custom']).toBe('yes');
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.body.toString()).toBe('accepted!');

    await t.client.updateConnector(con.id, { response: { status: 204, headers: {}, body: '', delayMs: 0 } });
    const empty = await rawRequest(con.captureUrl, { method: 'POST', body: '{}' });
    expect(empty.status).toBe(204);
    expect(empty.body.length).toBe(0);
    await t.client.updateConnector(con.id, { response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok": true}', delayMs: 0 } });
  });

  it('refuses bad response settings with 400 validation_failed and fields', async () => {
    await expect(
      t.client.updateConnector(con.id, { response: { status: 100, headers: { 'bad header': 'x\r\ny' }, body: '', delayMs: 0 } }),
    ).rejects.toMatchObject({ status: 400, code: 'validation_failed', fields: expect.objectContaining({ 'response.status': expect.any(String) }) });
  });

  it('answers an unknown token with 404 unknown_capture', async () => {
    for (const url of [`${t.url}/hooks/not-a-token`, `${t.url}/hooks/not-a-token/sub?x=1`, `${t.url}/hooks/`]) {
      const res = await rawRequest(url, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('unknown_capture');
    }
  });

  it('applies the size limit: 413 payload_too_large and nothing stored', async () => {
    const before = (await t.client.getConnector(con.id)).eventCount;
    const res = await rawRequest(con.captureUrl, { method: 'POST', body: Buffer.alloc(5000, 1) });
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('payload_too_large');
    const chunked = await rawRequest(con.captureUrl, { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: Buffer.alloc(5000, 1) });
    expect(chunked.status).toBe(413);
    expect((await t.client.getConnector(con.id)).eventCount).toBe(before);
  });

  it('auto-discovers senders on capture too (Standard Webhooks, SNS)', async () => {
    await rawRequest(con.captureUrl, {
      method: 'POST',
      headers: { 'webhook-id': 'msg_1', 'webhook-timestamp': '1700000000', 'webhook-signature': 'v1,abc', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'user.deleted' }),
    });
    expect(await lastEvent()).toMatchObject({ dataSource: 'Standard Webhooks', type: 'user.deleted' });
    await rawRequest(con.captureUrl, {
      method: 'POST',
      headers: { 'x-amz-sns-message-type': 'Notification', 'content-type': 'text/plain; charset=UTF-8' },
      body: JSON.stringify({ Type: 'Notification', TopicArn: 'arn:aws:sns:x', Message: 'hi' }),
    });
    expect(await lastEvent()).toMatchObject({ dataSource: 'AWS SNS', type: 'Notification' });
  });
});
