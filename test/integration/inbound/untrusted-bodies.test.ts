import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_DEPTH_NOTE, MAX_BODY_DEPTH } from '../../../electron/engine/ingest/body-depth';
import type { Connector, ConnectorSecrets } from '../../../shared/schemas/connector';
import type { HookEvent } from '../../../shared/schemas/event';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, errorCode, openStream, push, rawRequest } from './inbound-helpers';

/** `{"a":` n times: JSON nested n objects deep (10,000 deep is the 60 kB body). */
function deepObject(n: number): string {
  return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

const DEEP = deepObject(10_000);

/**
 * Hardening (issue 11): a body nested deeper than the bound is kept as raw bytes with a note, never
 * parsed, so nothing downstream walks it; one such event never makes the API or the stream fail.
 */
describe('bodies nested deeper than the bound', () => {
  let t: TestEngine;
  let con: Connector & ConnectorSecrets;

  beforeAll(async () => {
    t = await startTestEngine();
    con = await createConnector(t.client, { name: 'Untrusted' });
  });
  afterAll(() => t.dispose());

  async function health(): Promise<number> {
    return (await rawRequest(`${t.url}/healthz`)).status;
  }

  it('a deep push is acknowledged, then lists and reads answer 200 with the note and the bytes as sent', async () => {
    const res = await push(con.pushUrl, con.apiKey, DEEP, { 'X-Trace': 'deep-1' });
    expect(res.status).toBe(200);
    const { ids } = res.json as { accepted: number; ids: string[] };
    expect(ids).toHaveLength(1);

    const event = await t.client.getEvent(ids[0] as string);
    expect(event).toMatchObject({ id: ids[0], body: null, bodyNote: BODY_DEPTH_NOTE, type: 'generic', size: DEEP.length });
    expect(Buffer.from(event.bodyBase64 ?? '', 'base64').toString('utf8')).toBe(DEEP);
    expect(event.bodyNote).toContain(String(MAX_BODY_DEPTH));

    const list = await t.client.listEvents({ connectorId: con.id, pageSize: 500 });
    expect(list.items.map((e) => e.id)).toContain(ids[0]);
    const searched = await rawRequest(`${t.url}/api/v1/events?q=a`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(searched.status).toBe(200);
    expect(await health()).toBe(200);
  });

  it('the type still comes from the sender\'s headers when the body cannot be read', async () => {
    const github = await createConnector(t.client, { name: 'Deep GitHub', dataSource: 'GitHub' });
    const res = await push(github.pushUrl, github.apiKey, DEEP, { 'X-GitHub-Event': 'push' });
    const event = await t.client.getEvent((res.json as { ids: string[] }).ids[0] as string);
    expect(event).toMatchObject({ type: 'push', body: null, bodyNote: BODY_DEPTH_NOTE });
  });

  it('in a batch only the deep event is kept raw; the others are parsed and all are acknowledged once', async () => {
    const res = await push(con.pushUrl, con.apiKey, `[{"type":"ok.first"}, ${DEEP}, {"type":"ok.last"}]`);
    expect(res.status).toBe(200);
    const { accepted, ids } = res.json as { accepted: number; ids: string[] };
    expect(accepted).toBe(3);
    const [first, deep, last] = await Promise.all(ids.map((id) => t.client.getEvent(id)));
    expect(first).toMatchObject({ type: 'ok.first', body: { type: 'ok.first' } });
    expect(first?.bodyNote).toBeUndefined();
    expect(deep).toMatchObject({ body: null, bodyNote: BODY_DEPTH_NOTE, size: DEEP.length });
    expect(Buffer.from(deep?.bodyBase64 ?? '', 'base64').toString('utf8')).toBe(DEEP);
    expect(last).toMatchObject({ type: 'ok.last', body: { type: 'ok.last' } });
  });

  it('a deep push while a stream client is connected answers 200 exactly once, and the stream shows the note', async () => {
    const stream = await openStream(t.client);
    try {
      const before = (await t.client.listEvents({ connectorId: con.id, pageSize: 500 })).total;
      const res = await push(con.pushUrl, con.apiKey, DEEP, { 'X-Trace': 'with-stream' });
      expect(res.status).toBe(200);
      const id = (res.json as { ids: string[] }).ids[0];
      const message = await stream.next((m) => m.name === 'event.received' && (m.data as HookEvent).id === id);
      expect(message.data).toMatchObject({ body: null, bodyNote: BODY_DEPTH_NOTE });
      expect((await t.client.listEvents({ connectorId: con.id, pageSize: 500 })).total).toBe(before + 1);
    } finally {
      stream.close();
    }
  });

  it('a deep body at a capture URL is stored as its bytes with the note, and the engine keeps answering', async () => {
    const captureUrl = con.captureUrl;
    const res = await rawRequest(`${captureUrl}/deep?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: DEEP });
    expect(res.status).toBe(200);
    expect(await health()).toBe(200);
    const list = await t.client.listEvents({ connectorId: con.id, pageSize: 500 });
    const captured = list.items.find((e) => e.source === 'capture' && e.path === '/deep');
    expect(captured).toMatchObject({ body: null, bodyNote: BODY_DEPTH_NOTE, method: 'POST', query: 'x=1' });
    expect(Buffer.from(captured?.bodyBase64 ?? '', 'base64').toString('utf8')).toBe(DEEP);
    // The inferred schemas were not fed the deep body.
    const schemas = await rawRequest(`${t.url}/api/v1/connectors/${con.id}/schemas`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(schemas.status).toBe(200);
  });

  it('a body at the bound itself is parsed as usual', async () => {
    const text = deepObject(MAX_BODY_DEPTH);
    const res = await push(con.pushUrl, con.apiKey, text);
    expect(res.status).toBe(200);
    const event = await t.client.getEvent((res.json as { ids: string[] }).ids[0] as string);
    expect(event.bodyNote).toBeUndefined();
    expect(JSON.stringify(event.body)).toBe(text);
  });

  it('an event published through the API with an over-deep entity is refused with the contract\'s 400', async () => {
    const entity = deepObject(MAX_BODY_DEPTH + 10);
    const res = await rawRequest(`${t.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: `{"type":"deep.entity","entity":${entity}}`,
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('validation_failed');
    const error = (res.json as { error: { message: string; fields: Record<string, string> } }).error;
    expect(error.fields.entity).toMatch(/nested deeper than/);
    expect((await t.client.listEvents({ type: 'deep.entity' })).total).toBe(0);
  });

  it('a restart reads the deep events back and still serves them', async () => {
    t = await t.restart();
    const list = await t.client.listEvents({ connectorId: con.id, pageSize: 500 });
    const deep = list.items.filter((e) => e.bodyNote !== undefined);
    expect(deep.length).toBeGreaterThanOrEqual(4);
    expect(deep.every((e) => e.body === null && Buffer.from(e.bodyBase64 ?? '', 'base64').toString('utf8') === DEEP)).toBe(true);
  });
});

describe('the push key is redacted in every spelling', () => {
  let t: TestEngine;
  let con: Connector & ConnectorSecrets;

  beforeAll(async () => {
    t = await startTestEngine();
    con = await createConnector(t.client, { name: 'Keys' });
  });
  afterAll(() => t.dispose());

  it('API_KEY and api-key sent together: neither value is stored, listed, read or streamed', async () => {
    const stream = await openStream(t.client);
    try {
      const res = await rawRequest(con.pushUrl, {
        method: 'POST',
        // node:http takes a flat list of names and values (then it adds no Host), so one name can be sent twice in two spellings.
        headers: ['host', new URL(con.pushUrl).host, 'content-type', 'application/json', 'API_KEY', con.apiKey, 'api-key', 'second-secret-value'] as unknown as Record<string, string>,
        body: '{"type":"keys.both"}',
      });
      expect(res.status).toBe(200);
      const id = (res.json as { ids: string[] }).ids[0] as string;
      const streamed = await stream.next((m) => m.name === 'event.received' && (m.data as HookEvent).id === id);
      const read = await t.client.getEvent(id);
      const listed = await t.client.listEvents({ connectorId: con.id });
      expect(read.headers).toMatchObject({ api_key: '[redacted]', 'api-key': '[redacted]' });
      for (const shown of [JSON.stringify(streamed.data), JSON.stringify(read), JSON.stringify(listed)]) {
        expect(shown).not.toContain(con.apiKey);
        expect(shown).not.toContain('second-secret-value');
      }
    } finally {
      stream.close();
    }
  });
});
