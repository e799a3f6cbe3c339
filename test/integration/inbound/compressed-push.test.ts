import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorSecrets } from '../../../shared/schemas/connector';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, errorCode, openStream, push, rawRequest } from './inbound-helpers';
import { forwardFinished } from '../relay/relay-helpers';

const MAX_BODY = 64 * 1024;

/** Issue 12, "Compressed pushes": gzip, deflate and br bodies are decoded on push, bounded by the body limit. */
describe('push API: bodies sent with Content-Encoding', () => {
  let t: TestEngine;
  let con: Connector & ConnectorSecrets;

  beforeAll(async () => {
    t = await startTestEngine({ maxBodyBytes: MAX_BODY });
    con = await createConnector(t.client, { name: 'Compressed pushes' });
  });
  afterAll(() => t.dispose());

  const storedCount = async (): Promise<number> => (await t.client.listEvents({ connectorId: con.id, pageSize: 500 })).total;

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('a %s body is decoded and stored as the events it holds', async (coding, compress) => {
    const batch = [
      { event_type: `${coding}.first`, id: 1 },
      { event_type: `${coding}.second`, note: 'Zoë' },
    ];
    const res = await push(con.pushUrl, con.apiKey, compress(Buffer.from(JSON.stringify(batch))), { 'content-encoding': coding });
    expect(res.status).toBe(200);
    const { ids } = res.json as { ids: string[] };
    const events = await Promise.all(ids.map((id) => t.client.getEvent(id)));
    expect(events.map((e) => [e.type, e.body])).toEqual([
      [`${coding}.first`, batch[0]],
      [`${coding}.second`, batch[1]],
    ]);
    // The headers are kept as sent, Content-Encoding included.
    expect(events[0]?.headers['content-encoding']).toBe(coding);
  });

  it('stacked codings are undone last-applied first; identity is no coding at all', async () => {
    const body = Buffer.from(JSON.stringify({ event_type: 'stacked' }));
    const stacked = await push(con.pushUrl, con.apiKey, brotliCompressSync(gzipSync(body)), { 'content-encoding': 'gzip, br' });
    expect(stacked.status).toBe(200);
    const plain = await push(con.pushUrl, con.apiKey, body, { 'content-encoding': 'identity' });
    expect(plain.status).toBe(200);
    const ids = [...(stacked.json as { ids: string[] }).ids, ...(plain.json as { ids: string[] }).ids];
    for (const id of ids) expect((await t.client.getEvent(id)).body).toEqual({ event_type: 'stacked' });
  });

  it('a gzip bomb gets 413 once the decoded size passes the limit, and nothing is stored', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024)); // 10 MiB of zeros in about 10 KB
    expect(bomb.length).toBeLessThan(MAX_BODY);
    const before = await storedCount();
    const res = await push(con.pushUrl, con.apiKey, bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('payload_too_large');
    expect((res.json as { error: { message: string } }).error.message).toMatch(/decoded from gzip passed the 65536 bytes/);
    expect(await storedCount()).toBe(before);
  });

  it('a body whose compressed size is within the limit but decoded size is not is refused the same way', async () => {
    const events = Array.from({ length: 40 }, (_, i) => ({ event_type: 'big', i, padding: 'x'.repeat(2_000) }));
    const compressed = gzipSync(Buffer.from(JSON.stringify(events)));
    expect(compressed.length).toBeLessThan(MAX_BODY);
    const res = await push(con.pushUrl, con.apiKey, compressed, { 'content-encoding': 'gzip' });
    expect([res.status, errorCode(res)]).toEqual([413, 'payload_too_large']);
  });

  it('an unknown coding gets 415 naming it, before the body is read', async () => {
    const before = await storedCount();
    const res = await push(con.pushUrl, con.apiKey, '{"event_type":"x"}', { 'content-encoding': 'zstd' });
    expect(res.status).toBe(415);
    expect(errorCode(res)).toBe('unsupported_media_type');
    expect((res.json as { error: { message: string } }).error.message).toContain('"zstd"');
    expect(await storedCount()).toBe(before);
  });

  it('a corrupt gzip body gets 400 invalid_encoding naming gzip, not invalid_json', async () => {
    const before = await storedCount();
    const good = gzipSync(Buffer.from('{"event_type":"cut"}'));
    for (const body of [good.subarray(0, good.length - 6), Buffer.from('{"event_type":"not compressed"}')]) {
      const res = await push(con.pushUrl, con.apiKey, body, { 'content-encoding': 'gzip' });
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('invalid_encoding');
      expect((res.json as { error: { message: string } }).error.message).toContain('not valid gzip');
    }
    expect(await storedCount()).toBe(before);
  });

  it('a gzip push to a connector that forwards is sent on as its JSON, without Content-Encoding', async () => {
    const receiver = await Receiver.start();
    try {
      const relay = await createConnector(t.client, { name: 'Compressed relay' });
      await t.client.updateConnector(relay.id, { forwardTo: { url: `${receiver.url}/in` } });
      const stream = await openStream(t.client);
      const json = '{"event_type":"relayed","amount":12345678901234567890}';
      const res = await push(relay.pushUrl, relay.apiKey, gzipSync(Buffer.from(json)), { 'content-encoding': 'gzip' });
      expect(res.status).toBe(200);
      const id = (res.json as { ids: string[] }).ids[0] as string;
      const done = await forwardFinished(stream, id);
      stream.close();
      expect(done.forward?.status).toBe('succeeded');
      const [received] = receiver.requests;
      expect(received?.text).toBe(json);
      expect(received?.headers['content-encoding']).toBeUndefined();
      // The event keeps its JSON's bytes, so a replay sends the same.
      expect(Buffer.from(done.bodyBase64 ?? '', 'base64').toString()).toBe(json);
    } finally {
      await receiver.close();
    }
  });
});

/** Issue 12: "Capture keeps the raw bytes as it does now and shows the decoded body beside them." */
describe('capture URL: bodies sent with Content-Encoding', () => {
  let t: TestEngine;
  let con: Connector & ConnectorSecrets;

  beforeAll(async () => {
    t = await startTestEngine({ maxBodyBytes: MAX_BODY });
    con = await createConnector(t.client, { name: 'Compressed captures' });
  });
  afterAll(() => t.dispose());

  async function capture(body: Buffer, coding: string): Promise<string> {
    const res = await rawRequest(`${con.captureUrl}/gz`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': coding }, body });
    expect(res.status).toBe(200);
    const page = await t.client.listEvents({ connectorId: con.id, pageSize: 1 });
    return page.items[0]?.id as string;
  }

  it('a gzip capture keeps the exact bytes received and reads as the decoded body', async () => {
    const json = { type: 'capture.gzip', id: 7 };
    const compressed = gzipSync(Buffer.from(JSON.stringify(json)));
    const event = await t.client.getEvent(await capture(compressed, 'gzip'));
    expect(Buffer.from(event.bodyBase64 ?? '', 'base64')).toEqual(compressed);
    expect(event.size).toBe(compressed.length);
    expect(event.body).toEqual(json);
    expect(event.type).toBe('capture.gzip');
    expect(event.bodyNote).toBeUndefined();
  });

  it('a capture that cannot be decoded is still stored, raw, with a note that says why', async () => {
    const broken = Buffer.from('not gzip at all');
    const corrupt = await t.client.getEvent(await capture(broken, 'gzip'));
    expect(Buffer.from(corrupt.bodyBase64 ?? '', 'base64')).toEqual(broken);
    expect(corrupt.body).toBeNull();
    expect(corrupt.bodyNote).toMatch(/not valid gzip/);

    const bomb = await t.client.getEvent(await capture(gzipSync(Buffer.alloc(10 * 1024 * 1024)), 'gzip'));
    expect(bomb.body).toBeNull();
    expect(bomb.bodyNote).toMatch(/passes the 65536-byte body limit/);

    const unknown = await t.client.getEvent(await capture(Buffer.from('{"a":1}'), 'zstd'));
    expect(unknown.body).toBeNull();
    expect(unknown.bodyNote).toMatch(/"zstd" is not a coding Hookdesk can decode/);
  });
});
