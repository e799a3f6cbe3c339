import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../shared/schemas/event';
import { HOP_HEADER, LOOP_REASON } from '../../../electron/engine/relay/forward-loop';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest, type OpenStream } from '../inbound/inbound-helpers';
import { closedPort, flatHeaders, forwardFinished, holdingHandler, relayBench } from './relay-helpers';

/** Capture URL of a connector, with a sub-path and query appended. */
const captureAt = (captureUrl: string, rest = ''): string => `${captureUrl}${rest}`;

describe('relay: forward to', () => {
  let t: TestEngine;
  let target: Receiver;
  let stream: OpenStream;
  relayBench((bench) => ({ t, receiver: target, stream } = bench));

  async function forwardingConnector(url: string, timeoutMs?: number) {
    const connector = await createConnector(t.client);
    await t.client.updateConnector(connector.id, { forwardTo: { url, ...(timeoutMs === undefined ? {} : { timeoutMs }) } });
    return connector;
  }

  async function idOf(answer: { json: unknown }): Promise<string> {
    const page = await t.client.listEvents({ pageSize: 1 });
    const id = (answer.json as { ids?: string[] }).ids?.[0] ?? page.items[0]?.id;
    if (!id) throw new Error('no event stored');
    return id;
  }

  it('sends a capture on with the method, sub-path, query and the exact bytes: JSON with odd whitespace, form, binary, ~900 KiB', async () => {
    const connector = await forwardingConnector(`${target.url}/in`);
    const bodies: { type: string; bytes: Buffer; method: string }[] = [
      { type: 'application/json', bytes: Buffer.from('{ "a" :1,\n\t"b":[ 1 ,2 ] ,"u":"\\u00e9"  }\r\n'), method: 'POST' },
      { type: 'application/x-www-form-urlencoded', bytes: Buffer.from('a=1&b=%20x+y&c=%E2%9C%93'), method: 'PUT' },
      { type: 'application/octet-stream', bytes: randomBytes(4096), method: 'POST' },
      { type: 'application/json', bytes: Buffer.from(JSON.stringify({ blob: randomBytes(675 * 1024).toString('base64') })), method: 'PATCH' },
    ];
    expect(bodies[3]?.bytes.length).toBeGreaterThan(880 * 1024);
    for (const [i, body] of bodies.entries()) {
      const answer = await rawRequest(captureAt(connector.captureUrl, `/sub/path-${i}?x=1&y=%20z&x=2`), {
        method: body.method,
        headers: { 'content-type': body.type, 'x-custom': `value ${i}` },
        body: body.bytes,
      });
      expect(answer.status).toBe(200);
      await target.waitFor(i + 1);
      const got = target.requests[i];
      expect(got?.method).toBe(body.method);
      expect(got?.url).toBe(`/in/sub/path-${i}?x=1&y=%20z&x=2`);
      expect(got?.body.equals(body.bytes)).toBe(true);
      expect(got?.headers['content-type']).toBe(body.type);
      expect(got?.headers['x-custom']).toBe(`value ${i}`);
      expect(got?.headers['content-length']).toBe(String(body.bytes.length));
    }
    const events = (await t.client.listEvents({ connectorId: connector.id })).items;
    for (const event of events) {
      const done = event.forward?.status === 'pending' ? await forwardFinished(stream, event.id) : event;
      expect(done.forward).toMatchObject({ status: 'succeeded', response: { status: 200 }, error: null });
      expect(done.forward?.url).toMatch(new RegExp(`^${target.url}/in/sub/path-\\d\\?x=1&y=%20z&x=2$`));
    }
  });

  it('drops hop-by-hop headers and the push key, recomputes the length, and keeps the rest', async () => {
    const connector = await forwardingConnector(`${target.url}/push-in`);
    const text = '{"type":"order.created",  "id": 7}';
    const answer = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, text, {
      'X-Trace': 'abc',
      'User-Agent': 'sender/1.0',
      Connection: 'keep-alive, X-Per-Hop',
      'X-Per-Hop': 'gone',
      'Keep-Alive': 'timeout=5',
      'Proxy-Authorization': 'Basic c2VjcmV0',
      TE: 'trailers',
      'Transfer-Encoding': 'chunked',
    });
    expect(answer.status).toBe(200);
    await target.waitFor(1);
    const got = target.requests[0];
    expect(got?.body.toString('utf8')).toBe(text);
    const headers = flatHeaders(got!);
    expect(headers).toMatchObject({ 'x-trace': 'abc', 'user-agent': 'sender/1.0', 'content-type': 'application/json', 'content-length': String(text.length) });
    for (const gone of ['api_key', 'api-key', 'x-per-hop', 'keep-alive', 'proxy-authorization', 'te', 'transfer-encoding']) expect(headers).not.toHaveProperty(gone);
    expect(headers[HOP_HEADER]).toMatch(/^hookdesk-/);

    // The other spelling of the key header is dropped too.
    await push(`${t.url}/api/1.0/webhook/push`, null, { type: 'x' }, { 'api-key': connector.apiKey });
    await target.waitFor(2);
    expect(target.requests[1]?.headers).not.toHaveProperty('api-key');
  });

  it('forwards a push of one event byte for byte and keeps those bytes on the event; a batch is forwarded whole', async () => {
    const connector = await forwardingConnector(`${target.url}/p`);
    const single = '  {"type":"a",\n "n":1.50}  ';
    const one = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, single);
    await target.waitFor(1);
    expect(target.requests[0]?.text).toBe(single);
    const stored = await t.client.getEvent(await idOf(one));
    expect(Buffer.from(stored.bodyBase64 ?? '', 'base64').toString('utf8')).toBe(single);

    const batch = '[{"type":"b","i":1} ,\n{"type":"b","i":2}]';
    const many = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, batch);
    const ids = (many.json as { ids: string[] }).ids;
    await target.waitFor(2);
    expect(target.requests[1]?.text).toBe(batch);
    for (const id of ids) {
      const event = await t.client.getEvent(id);
      const done = event.forward?.status === 'pending' ? await forwardFinished(stream, id) : event;
      expect(done.forward?.status).toBe('succeeded');
      expect(done.bodyBase64).toBeUndefined();
    }
  });

  it('answers the sender at once while the target holds the request; the forward is recorded when the target answers', async () => {
    const held = holdingHandler({ status: 201, body: { created: true } });
    target.handler = held.handler;
    const connector = await forwardingConnector(`${target.url}/slow`);
    const answer = await rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(answer.status).toBe(200);
    await held.arrived;
    const [event] = (await t.client.listEvents({ connectorId: connector.id })).items;
    expect(event?.forward).toMatchObject({ status: 'pending', url: `${target.url}/slow`, response: null, error: null });

    const pushed = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, { type: 'held.too' });
    expect(pushed.status).toBe(200);
    const pushedId = await idOf(pushed);
    expect((await t.client.getEvent(pushedId)).forward?.status).toBe('pending');

    held.release();
    const done = await forwardFinished(stream, event!.id);
    expect(done.forward).toMatchObject({ status: 'succeeded', response: { status: 201, body: '{"created":true}' }, error: null });
    expect(done.forward?.durationMs).toBeGreaterThanOrEqual(0);
    expect((await forwardFinished(stream, pushedId)).forward?.status).toBe('succeeded');
  });

  it('records a target that is down with what to do', async () => {
    const port = await closedPort();
    const connector = await forwardingConnector(`http://127.0.0.1:${port}/hook`);
    const answer = await rawRequest(connector.captureUrl, { method: 'POST', body: 'x' });
    expect(answer.status).toBe(200);
    const [event] = (await t.client.listEvents({ connectorId: connector.id })).items;
    const done = await forwardFinished(stream, event!.id);
    expect(done.forward).toMatchObject({ status: 'failed', response: null });
    expect(done.forward?.error).toBe(`Connection refused: nothing listens on 127.0.0.1:${port}; start your server or change the forward URL.`);
  });

  it('records a 500 with the response, and a replay after the fix turns the forward into a success', async () => {
    target.handler = () => ({ status: 500, body: { error: 'boom' } });
    const connector = await forwardingConnector(`${target.url}/err`);
    await rawRequest(connector.captureUrl, { method: 'POST', body: '{"k":1}', headers: { 'content-type': 'application/json' } });
    const [event] = (await t.client.listEvents({ connectorId: connector.id })).items;
    const failed = await forwardFinished(stream, event!.id);
    expect(failed.forward).toMatchObject({ status: 'failed', response: { status: 500, body: '{"error":"boom"}' } });
    expect(failed.forward?.error).toMatch(/answered HTTP 500/);

    target.handler = () => ({ status: 200, body: { fixed: true } });
    const replay = await t.client.replayEvent(event!.id, { target: 'forward' });
    expect(replay).toMatchObject({ ok: true, response: { status: 200 }, previous: { ok: false, response: { status: 500 } } });
    const retried = await t.client.getEvent(event!.id);
    expect(retried.forward).toMatchObject({ status: 'succeeded', response: { status: 200, body: '{"fixed":true}' } });
    expect(target.to('/err').map((r) => r.text)).toEqual(['{"k":1}', '{"k":1}']);
  });

  it('gives up after the connector\'s forward timeout and says so', async () => {
    const held = holdingHandler();
    target.handler = held.handler;
    const connector = await forwardingConnector(`${target.url}/timeout`, 150);
    await rawRequest(connector.captureUrl, { method: 'POST', body: 'x' });
    const [event] = (await t.client.listEvents({ connectorId: connector.id })).items;
    const done = await forwardFinished(stream, event!.id);
    held.release();
    expect(done.forward).toMatchObject({ status: 'failed', response: null });
    expect(done.forward?.error).toMatch(/within 0\.15 s \(the forward timeout\).*forwardTo\.timeoutMs/);
  });

  it('does not forward a request that it forwarded itself (a forward URL pointing back at Hookdesk)', async () => {
    const connector = await createConnector(t.client);
    await t.client.updateConnector(connector.id, { forwardTo: { url: `${connector.captureUrl}/again` } });
    const answer = await rawRequest(connector.captureUrl, { method: 'POST', body: 'loop?' });
    expect(answer.status).toBe(200);
    await expect.poll(async () => (await t.client.listEvents({ connectorId: connector.id })).items.length).toBe(2);
    const [second, first] = (await t.client.listEvents({ connectorId: connector.id })).items as [HookEvent, HookEvent];
    expect(second.path).toBe('/again');
    expect(second.forward).toMatchObject({ status: 'failed', error: LOOP_REASON });
    const firstDone = first.forward?.status === 'pending' ? await forwardFinished(stream, first.id) : first;
    expect(firstDone.forward?.status).toBe('succeeded');
  });

  it('shows forward null and verification none on events of connectors without the relay, in lists, one event, and the stream', async () => {
    const connector = await createConnector(t.client);
    const answer = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, { type: 'plain' });
    const id = await idOf(answer);
    const expected = { forward: null, verification: { status: 'none', reason: null } };
    expect(await t.client.getEvent(id)).toMatchObject(expected);
    expect((await t.client.listEvents({ connectorId: connector.id })).items[0]).toMatchObject(expected);
    const received = await stream.next((m) => m.name === 'event.received' && (m.data as HookEvent).id === id);
    expect(received.data).toMatchObject(expected);
    expect((await t.client.getEvent(id)).bodyBase64).toBeUndefined();
  });
});

describe('relay: a forward cut short by a stop', () => {
  it('is marked failed at the next start, with what to do', async () => {
    let t = await startTestEngine();
    const held = holdingHandler();
    const target = await Receiver.start(held.handler);
    try {
      const connector = await createConnector(t.client);
      await t.client.updateConnector(connector.id, { forwardTo: { url: `${target.url}/held` } });
      const answer = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, { type: 'cut.short' });
      const [id] = (answer.json as { ids: string[] }).ids;
      await held.arrived;
      expect((await t.client.getEvent(id!)).forward?.status).toBe('pending');
      t = await t.restart();
      const event = await t.client.getEvent(id!);
      expect(event.forward).toMatchObject({
        status: 'failed',
        url: `${target.url}/held`,
        error: 'Hookdesk stopped before this forward finished; replay it to send it again.',
      });
      expect(t.logs.join('\n')).toMatch(/1 forward\(s\) were unfinished/);
    } finally {
      held.release();
      await target.close();
      await t.dispose();
    }
  });
});
