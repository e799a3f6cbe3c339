import { gzipSync } from 'node:zlib';
import type { Har } from 'har-format';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventImportResult } from '../../../shared/interop/event-archive';
import type { HookEvent } from '../../../shared/schemas/event';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest, type RawAnswer } from '../inbound/inbound-helpers';
import { harProblems } from '../../unit/shared/interop/har-validate';

/** Bytes that are not UTF-8 (a PNG header and a stray 0xff), as a binary sender sends them. */
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x01, 0x02]);

describe('events out and in: HAR 1.2 and NDJSON export, import into a connector', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await startTestEngine();
  });
  afterEach(() => t.dispose());

  const api = (path: string, options: { method?: string; body?: string | Buffer; contentType?: string } = {}): Promise<RawAnswer> =>
    rawRequest(`${t.url}/api/v1${path}`, {
      method: options.method ?? 'GET',
      headers: { authorization: `Bearer ${t.token}`, ...(options.contentType ? { 'content-type': options.contentType } : {}) },
      ...(options.body === undefined ? {} : { body: options.body }),
    });

  /** A connector that received a JSON capture (sub-path, query), a binary capture, a gzip capture and a push with a number past double precision. */
  async function seeded(): Promise<{ id: string; captureUrl: string; events: HookEvent[] }> {
    const connector = await createConnector(t.client, { name: 'shop' });
    const captureUrl = connector.captureUrl!;
    const sent = [
      await rawRequest(`${captureUrl}/orders/new?x=1&tag=a%20b`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shop-topic': 'orders/create', 'x-repeat': 'one' },
        body: '{"type": "order.created",\n "id": 42}',
      }),
      await rawRequest(`${captureUrl}/files`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: BINARY }),
      await rawRequest(captureUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync('{"type":"zipped"}') }),
      await push(connector.pushUrl, connector.apiKey, '{"event_type": "big.number", "amount": 12345678901234567890123, "price": 1.10}'),
    ];
    for (const answer of sent) expect(answer.status).toBe(200);
    const events = (await t.client.listEvents({ connectorId: connector.id })).items;
    expect(events).toHaveLength(4);
    return { id: connector.id, captureUrl, events };
  }

  it('exports a HAR 1.2 file that har-validator accepts: the request as sent, the answer, timings, Hookdesk data in _hookdesk, no capture token', async () => {
    const { id, captureUrl, events } = await seeded();
    const answer = await api(`/events/export?connectorId=${id}&format=har`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="shop-events.har"');
    const har = answer.json as Har;
    expect(await harProblems(har)).toEqual([]);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('Hookdesk');
    expect(har.log.entries).toHaveLength(4);
    const token = captureUrl.slice(captureUrl.lastIndexOf('/') + 1);
    expect(answer.body.toString()).not.toContain(token);

    // Newest first, as the list shows them: push, gzip, binary, JSON.
    const [pushed, zipped, binary, json] = har.log.entries as Array<Har['log']['entries'][number] & { _hookdesk: Record<string, unknown> }>;
    expect(json!.request.method).toBe('POST');
    expect(json!.request.url).toBe(`${t.url}/hooks/REDACTED/orders/new?x=1&tag=a%20b`);
    expect(json!.request.queryString).toEqual([
      { name: 'x', value: '1' },
      { name: 'tag', value: 'a b' },
    ]);
    expect(json!.request.headers).toContainEqual({ name: 'x-shop-topic', value: 'orders/create' });
    expect(json!.request.postData).toEqual({ mimeType: 'application/json', text: '{"type": "order.created",\n "id": 42}' });
    expect(json!.response.status).toBe(200);
    expect(json!.response.content.text).toBe('{"ok": true}');
    expect(json!.startedDateTime).toBe(events[3]!.receivedTime);
    expect(json!._hookdesk).toMatchObject({ id: events[3]!.id, connectorId: id, connector: 'shop', source: 'capture', type: 'order.created', path: '/orders/new', query: 'x=1&tag=a%20b', verification: { status: 'none', reason: null }, forward: null });

    expect(binary!.request.method).toBe('PUT');
    expect(binary!.request.bodySize).toBe(BINARY.length);
    expect((binary!.request.postData as { _base64?: string } | undefined)?._base64).toBe(BINARY.toString('base64'));
    expect(zipped!.request.headers).toContainEqual({ name: 'content-encoding', value: 'gzip' });
    expect(Buffer.from((zipped!.request.postData as unknown as { _base64: string })._base64, 'base64')).toEqual(gzipSync('{"type":"zipped"}'));

    expect(pushed!.request.url).toBe(`${t.url}/api/1.0/webhook/push`);
    expect(pushed!.request.postData?.text).toBe('{"event_type": "big.number", "amount": 12345678901234567890123, "price": 1.10}');
    expect(pushed!.request.headers).toContainEqual({ name: 'api_key', value: '[redacted]' });
    expect(pushed!.response.content.text).toBe(JSON.stringify({ accepted: 1, ids: [events[0]!.id] }));
  });

  for (const format of ['har', 'ndjson'] as const) {
    it(`round trip (${format}): exported, then imported into another connector, every body is byte-exact and the headers are the same; marked imported; no deliveries`, async () => {
      const { id, events } = await seeded();
      await t.client.createWebhook({ name: 'all', url: 'http://127.0.0.1:9/never', events: [{ type: '*' }] });
      const file = await api(`/events/export?connectorId=${id}&format=${format}`);
      expect(file.status).toBe(200);
      const target = await createConnector(t.client, { name: 'colleague' });
      const answer = await api(`/connectors/${target.id}/import`, { method: 'POST', body: file.body, contentType: format === 'har' ? 'application/json' : 'application/x-ndjson' });
      expect(answer.status, answer.body.toString()).toBe(200);
      const result = answer.json as EventImportResult;
      expect(result).toMatchObject({ format, imported: 4, skipped: [] });

      const imported = (await t.client.listEvents({ connectorId: target.id })).items;
      // The list shows them in the order they were received (newest first), like the original.
      expect(imported.map((e) => e.imported?.originalId)).toEqual(events.map((e) => e.id));
      for (const [i, copy] of imported.entries()) {
        const original = events[i]!;
        expect(copy.id).not.toBe(original.id);
        expect(copy.connectorId).toBe(target.id);
        expect(copy.imported).toMatchObject({ format, originalId: original.id });
        expect(copy.headers).toEqual(original.headers);
        expect(copy.bodyBase64).toBe(original.bodyBase64);
        expect(copy.bodyJson).toBe(original.bodyJson);
        expect(copy.body).toEqual(original.body);
        expect({ ...copy, id: '', connectorId: '', imported: undefined, drift: undefined }).toEqual({ ...original, id: '', connectorId: '', imported: undefined, drift: undefined });
      }
      expect(imported[0]!.bodyJson).toBe('{"event_type": "big.number", "amount": 12345678901234567890123, "price": 1.10}');
      expect(imported[2]!.body).toBeNull();
      expect(Buffer.from(imported[2]!.bodyBase64!, 'base64')).toEqual(BINARY);

      // Exported again, the file says the same about each request (ids and times aside).
      const again = await api(`/events/export?connectorId=${target.id}&format=${format}`);
      expect(again.status).toBe(200);
      if (format === 'har') {
        const [first, second] = [file.json as Har, again.json as Har];
        expect(second.log.entries.map((e) => e.request)).toEqual(first.log.entries.map((e) => e.request));
      }

      const webhook = (await t.client.listWebhooks()).items[0]!;
      expect((await t.client.listDeliveries(webhook.id)).items).toEqual([]);
    });
  }

  it('applies the list filters and the selected ids; POST /events/export takes a selection; GET /events/:id still answers', async () => {
    const { id, events } = await seeded();
    const byType = (await api(`/events/export?connectorId=${id}&format=har&type=order.*`)).json as Har;
    expect(byType.log.entries.map((e) => (e as unknown as { _hookdesk: { id: string } })._hookdesk.id)).toEqual([events[3]!.id]);

    const picked = await api(`/events/export?format=ndjson&ids=${events[0]!.id},${events[2]!.id}`);
    expect(picked.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(picked.headers['content-disposition']).toBe('attachment; filename="hookdesk-events.ndjson"');
    const lines = picked.body.toString().trimEnd().split('\n').map((l) => JSON.parse(l) as HookEvent);
    expect(lines.map((e) => e.id)).toEqual([events[0]!.id, events[2]!.id]);

    const posted = await api('/events/export', { method: 'POST', contentType: 'application/json', body: JSON.stringify({ format: 'har', connectorId: id, ids: [events[1]!.id] }) });
    expect(posted.status).toBe(200);
    expect(await harProblems(posted.json)).toEqual([]);
    expect((posted.json as Har).log.entries).toHaveLength(1);

    expect((await api(`/events/${events[0]!.id}`)).status).toBe(200);
    expect((await api('/events/export?format=xml')).status).toBe(400);
    expect((await api('/events/export?connectorId=con_nope')).status).toBe(404);
    const empty = (await api(`/events/export?connectorId=${id}&type=nothing.*`)).json as Har;
    expect(await harProblems(empty)).toEqual([]);
    expect(empty.log.entries).toEqual([]);
  });

  it('skips a bad entry with its index and reason and imports the rest; a HAR from elsewhere is read as captures', async () => {
    const target = await createConnector(t.client, { name: 'inbox' });
    const entry = (url: string, text: string, extra: Record<string, unknown> = {}): object => ({
      startedDateTime: '2024-05-01T10:00:00.000Z',
      time: 12,
      request: { method: 'post', url, httpVersion: 'HTTP/2', cookies: [], headers: [{ name: ':authority', value: 'x' }, { name: 'Content-Type', value: 'application/json' }, { name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }], queryString: [], postData: { mimeType: 'application/json', text }, headersSize: -1, bodySize: -1, ...extra },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/2', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1 },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    });
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'a browser', version: '1' },
        entries: [
          entry('https://api.example.com/webhooks/stripe?live=1', '{"type": "invoice.paid"}'),
          entry('not a url', '{}'),
          { startedDateTime: '2024-05-01T10:00:01.000Z', request: { method: 'GET' } },
          entry('https://api.example.com/b', '', { postData: { mimeType: 'application/octet-stream', _base64: '***' } }),
          entry('https://api.example.com/big', 'x'.repeat(1024 * 1024 + 1)),
        ],
      },
    };
    const answer = await api(`/connectors/${target.id}/import`, { method: 'POST', contentType: 'application/json', body: JSON.stringify(har) });
    expect(answer.status).toBe(200);
    const result = answer.json as EventImportResult;
    expect(result.imported).toBe(1);
    expect(result.skipped.map((s) => s.index)).toEqual([1, 2, 3, 4]);
    expect(result.skipped[0]!.reason).toContain('is not a URL');
    expect(result.skipped[1]!.reason).toMatch(/^request\.url /);
    expect(result.skipped[2]!.reason).toContain('not base64');
    expect(result.skipped[3]!.reason).toContain('more than the 1048576');
    const [event] = (await t.client.listEvents({ connectorId: target.id })).items;
    expect(event).toMatchObject({
      id: result.ids[0],
      source: 'capture',
      method: 'POST',
      path: '/webhooks/stripe',
      query: 'live=1',
      type: 'invoice.paid',
      receivedTime: '2024-05-01T10:00:00.000Z',
      headers: { 'content-type': 'application/json', 'x-a': '1, 2' },
      body: { type: 'invoice.paid' },
      imported: { format: 'har', originalId: null },
    });
  });

  it('refuses a file that is not HAR or NDJSON, too deep or too long as a whole, and writes nothing', async () => {
    const target = await createConnector(t.client, { name: 'strict' });
    const post = (body: string, contentType: string): Promise<RawAnswer> => api(`/connectors/${target.id}/import`, { method: 'POST', body, contentType });
    const refusals = [
      await post('{"hello": "world"}', 'application/json'),
      await post('{"log": {"entries": 3}}', 'application/json'),
      await post(`{"log": {"entries": [${'['.repeat(300)}${']'.repeat(300)}]}}`, 'application/json'),
      await post(JSON.stringify({ log: { entries: Array.from({ length: 10_001 }, () => ({})) } }), 'application/json'),
      await post('\n\n', 'application/x-ndjson'),
      await post('not json', 'text/plain'),
    ];
    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 415]);
    expect((refusals[0]!.json as { error: { code: string; fields: { file: string } } }).error.fields.file).toContain('neither a HAR file');
    expect((refusals[3]!.json as { error: { message: string } }).error.message).toContain('more than 10000 entries');
    expect((await t.client.listEvents({ connectorId: target.id })).items).toEqual([]);
    expect((await api('/connectors/con_nope/import', { method: 'POST', contentType: 'application/json', body: '{"log": {"entries": []}}' })).status).toBe(404);

    // NDJSON: a line that is not JSON or not an event is skipped alone.
    const good = { receivedTime: '2024-05-01T10:00:00Z', source: 'push', headers: { 'content-type': 'application/json' }, body: { event_type: 'a.b' } };
    const ndjson = [JSON.stringify(good), '{broken', JSON.stringify({ headers: {} }), `${'['.repeat(400)}${']'.repeat(400)}`].join('\n');
    const answer = await post(ndjson, 'application/x-ndjson');
    expect(answer.status).toBe(200);
    const result = answer.json as EventImportResult;
    expect(result).toMatchObject({ format: 'ndjson', imported: 1 });
    expect(result.skipped.map((s) => s.index)).toEqual([1, 2, 3]);
    expect(result.skipped[2]!.reason).toContain('nested deeper');
    const [event] = (await t.client.listEvents({ connectorId: target.id })).items;
    expect(event).toMatchObject({ source: 'push', type: 'a.b', body: { event_type: 'a.b' }, size: 20, imported: { format: 'ndjson', originalId: null } });
  });
});
