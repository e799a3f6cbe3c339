import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { HookEvent } from '../../../shared/schemas/event';
import { signatureDiagnosisAnswerSchema } from '../../../shared/signing/diagnose/diagnosis-schema';
import { HOP_HEADER } from '../../../electron/engine/relay/forward-loop';
import type { Receiver } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import { createConnector, rawRequest, type OpenStream } from '../inbound/inbound-helpers';
import { forwardFinished, relayBench } from './relay-helpers';

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function lastEventOf(t: TestEngine, connectorId: string): Promise<HookEvent> {
  const event = (await t.client.listEvents({ connectorId, pageSize: 1 })).items[0];
  if (!event) throw new Error('no event stored');
  return event;
}

describe('signature debugger: GET /events/:id/signature-diagnosis on a real engine', () => {
  let t: TestEngine;
  relayBench((bench) => ({ t } = bench));

  it('a GitHub capture whose body was pretty-printed on the way: the cause, the signatures, never the secret', async () => {
    const secret = `gh-${randomBytes(8).toString('hex')}`;
    const connector = await createConnector(t.client);
    await t.client.updateConnector(connector.id, { verification: { scheme: 'github', secret } });
    const signed = JSON.stringify({ action: 'opened', number: 7 });
    const header = await octokitSign(secret, signed);
    const sent = JSON.stringify(JSON.parse(signed), null, 2);
    expect((await rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': header }, body: sent })).status).toBe(200);
    const event = await lastEventOf(t, connector.id);
    expect(event.verification?.status).toBe('failed');

    const raw = await rawRequest(`${t.url}/api/v1/events/${event.id}/signature-diagnosis`, { headers: { authorization: `Bearer ${t.token}` } });
    expect(raw.status).toBe(200);
    expect(raw.body.toString('utf8')).not.toContain(secret);
    const answer = signatureDiagnosisAnswerSchema.parse(raw.json);
    expect(answer).toMatchObject({ eventId: event.id, verification: { status: 'failed' }, note: null });
    const d = answer.diagnosis;
    expect(d?.scheme).toBe('github');
    expect(d?.signedContent).toMatchObject({ label: 'body', text: sent, bytes: Buffer.byteLength(sent) });
    expect(d?.received).toBe(header);
    expect(d?.computed).toBe(`sha256=${createHmac('sha256', secret, { encoding: undefined }).update(sent).digest('hex')}`);
    expect(d?.secretHint).toBe(`${secret.length} characters, no whsec_ prefix`);
    expect(d?.cause).toMatchObject({ kind: 'body-reserialized' });
    expect(d?.cause.title).toContain('compact JSON');
    // The typed client reads the same answer.
    expect((await t.client.signatureDiagnosis(event.id)).diagnosis?.cause.kind).toBe('body-reserialized');
  });

  it('a Standard Webhooks capture signed by the library with the secret as raw text: secret encoding', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const connector = await createConnector(t.client);
    await t.client.updateConnector(connector.id, { verification: { scheme: 'standard-webhooks', secret } });
    const body = '{"type":"invoice.paid"}';
    const id = 'msg_debugger_1';
    const now = new Date();
    const signature = new StandardWebhook(secret, { format: 'raw' }).sign(id, now, body);
    const headers = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature };
    await rawRequest(connector.captureUrl, { method: 'POST', headers, body });
    const answer = await t.client.signatureDiagnosis((await lastEventOf(t, connector.id)).id);
    expect(answer.diagnosis?.signedContent.text).toBe(`${id}.${headers['webhook-timestamp']}.${body}`);
    expect(answer.diagnosis?.cause.kind).toBe('secret-encoding');
  });

  it('events with nothing to explain answer a note; an unknown id is 404', async () => {
    const published = await t.client.publishEvent({ type: 'order.created', entity: { id: 1 } });
    const answer = await t.client.signatureDiagnosis(published.id);
    expect(answer).toMatchObject({ eventId: published.id, verification: { status: 'none' }, diagnosis: null });
    expect(answer.note).toContain('not checked');
    const missing = await t.client.signatureDiagnosis('evt_nope').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).status).toBe(404);
  });
});

describe('relay fidelity: digests of the bytes received and sent', () => {
  let t: TestEngine;
  let target: Receiver;
  let stream: OpenStream;
  relayBench((bench) => ({ t, receiver: target, stream } = bench));

  it('a forward sends the body byte for byte: the same SHA-256 both sides; the hop header it adds is listed', async () => {
    const connector = await createConnector(t.client);
    await t.client.updateConnector(connector.id, { forwardTo: { url: `${target.url}/in` } });
    const body = Buffer.from('{ "a" : 1,\n "é": "\\u00e9" }\r\n');
    await rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-custom': 'kept' }, body });
    const stored = await lastEventOf(t, connector.id);
    const event = stored.forward?.status === 'pending' ? await forwardFinished(stream, stored.id) : stored;
    await target.waitFor(1);
    const got = target.requests[0];
    expect(got?.body.equals(body)).toBe(true);
    expect(event.forward?.fidelity).toEqual({
      receivedSha256: sha256(body),
      receivedBytes: body.length,
      sentSha256: sha256(got?.body ?? ''),
      sentBytes: body.length,
      headers: { added: [HOP_HEADER], removed: [], changed: [] },
    });
    // Read back through the API, the same record.
    expect((await t.client.getEvent(event.id)).forward?.fidelity?.sentSha256).toBe(sha256(body));
  });

  it('a replay with an edited body and an added header: body edited (digests differ), the header listed as added', async () => {
    const connector = await createConnector(t.client);
    const body = '{"id":1}';
    await rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-keep': 'same', 'x-drop': 'gone' }, body });
    const event = await lastEventOf(t, connector.id);
    const edited = '{"id":2,"edited":true}';
    const answer = await t.client.replayEvent(event.id, { target: 'url', url: `${target.url}/replay`, body: edited, headers: { 'content-type': 'application/json', 'x-keep': 'changed', 'x-new': '1' } });
    expect(answer.fidelity).toMatchObject({
      receivedSha256: sha256(body),
      receivedBytes: body.length,
      sentSha256: sha256(edited),
      sentBytes: edited.length,
      headers: { added: expect.arrayContaining(['x-new', HOP_HEADER]), removed: expect.arrayContaining(['x-drop']), changed: ['x-keep'] },
    });
    expect(answer.fidelity?.receivedSha256).not.toBe(answer.fidelity?.sentSha256);
    const kept = (await t.client.getEvent(event.id)).replays?.at(-1);
    expect(kept?.fidelity).toEqual(answer.fidelity);
    expect(kept?.edited).toBe(true);
  });

  it('an unedited replay to a URL sends the stored bytes: same digest', async () => {
    const connector = await createConnector(t.client);
    const body = randomBytes(2048);
    await rawRequest(connector.captureUrl, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
    const event = await lastEventOf(t, connector.id);
    const answer = await t.client.replayEvent(event.id, { target: 'url', url: `${target.url}/again` });
    expect(answer.fidelity).toMatchObject({ receivedSha256: sha256(body), sentSha256: sha256(body), sentBytes: 2048 });
  });
});
