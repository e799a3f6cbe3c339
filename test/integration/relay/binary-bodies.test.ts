import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedBytes } from '../../../shared/body-bytes';
import { DEFAULT_RETRY_POLICY } from '../../../shared/retry/retry-policy';
import type { Connector, ConnectorSecrets } from '../../../shared/schemas/connector';
import type { InvocationRequest, InvocationResponse } from '../../../shared/schemas/delivery';
import type { HookEvent } from '../../../shared/schemas/event';
import { Receiver } from '../../helpers/receiver';
import { startTestEngine, type TestEngine } from '../../helpers/test-engine';
import { createConnector, openStream, push, rawRequest } from '../inbound/inbound-helpers';
import { deliveriesSettle, settled } from '../outbound/outbound-helpers';
import { forwardFinished } from './relay-helpers';

/** 4,357 bytes that are not UTF-8 (as the capture): a PNG-like header, every byte value, NULs. */
function binaryBody(): Buffer {
  const bytes = Buffer.alloc(4357);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  for (let i = 8; i < bytes.length; i += 1) bytes[i] = (i * 131 + 7) % 256;
  return bytes;
}

/** A recorded body's bytes, checking it says base64 (binary is never kept as lossy text). */
function binaryOf(record: InvocationRequest | InvocationResponse | null | undefined): Buffer {
  expect(record?.encoding).toBe('base64');
  expect(record?.body).not.toContain('\uFFFD');
  return Buffer.from(recordedBytes({ body: record?.body ?? '', encoding: record?.encoding }));
}

/** Issue 12, "Binary bodies are misreported": records keep the bytes, text only when UTF-8. */
describe('relay: binary request and response bodies keep their bytes in every record', () => {
  let t: TestEngine;
  let echo: Receiver;
  let connector: Connector & ConnectorSecrets;

  beforeAll(async () => {
    t = await startTestEngine();
    // A receiver that answers the bytes it got, as a binary file.
    echo = await Receiver.start((request) => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: request.body }));
    connector = await createConnector(t.client, { name: 'Binary relay' });
    await t.client.updateConnector(connector.id, { forwardTo: { url: `${echo.url}/files` } });
  });
  afterAll(async () => {
    await echo.close();
    await t.dispose();
  });

  it('a 4,357-byte binary capture: the forward, the replay answer and the stored replay hold the exact bytes', async () => {
    const bytes = binaryBody();
    const stream = await openStream(t.client);
    const res = await rawRequest(`${connector.captureUrl}/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect(res.status).toBe(200);
    const [captured] = (await t.client.listEvents({ connectorId: connector.id, pageSize: 1 })).items;
    const forwarded = await forwardFinished(stream, captured!.id);
    stream.close();
    expect(forwarded.forward?.status).toBe('succeeded');
    expect(binaryOf(forwarded.forward?.response).equals(bytes)).toBe(true);

    const answer = await t.client.replayEvent(captured!.id, { target: 'forward' });
    await echo.waitFor(2);
    expect(echo.requests[1]?.body.equals(bytes)).toBe(true);
    expect(binaryOf(answer.request).equals(bytes)).toBe(true);
    expect(binaryOf(answer.response).equals(bytes)).toBe(true);
    expect(answer.response?.truncated).toBeUndefined();
    // The earlier answer (the forward) is compared byte for byte too.
    expect(binaryOf(answer.previous?.response).equals(bytes)).toBe(true);

    const stored: HookEvent = await t.client.getEvent(captured!.id);
    const [record] = stored.replays ?? [];
    expect(binaryOf(record?.request).equals(bytes)).toBe(true);
    expect(binaryOf(record?.response).equals(bytes)).toBe(true);
  });

  it('text stays text: a UTF-8 answer has no encoding field', async () => {
    const res = await rawRequest(`${connector.captureUrl}/text`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'héllo, wörld' });
    expect(res.status).toBe(200);
    const [captured] = (await t.client.listEvents({ connectorId: connector.id, pageSize: 1 })).items;
    const answer = await t.client.replayEvent(captured!.id, { target: 'url', url: `${echo.url}/text` });
    expect(answer.request).toMatchObject({ body: 'héllo, wörld' });
    expect(answer.request.encoding).toBeUndefined();
    expect(answer.response).toMatchObject({ status: 200, body: 'héllo, wörld' });
    expect(answer.response?.encoding).toBeUndefined();
  });

  it('a binary answer bigger than 64 KiB is kept as its first 64 KiB, marked truncated', async () => {
    const big = Buffer.alloc(100 * 1024, 0xff);
    const receiver = await Receiver.start(() => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: big }));
    try {
      const [captured] = (await t.client.listEvents({ connectorId: connector.id, pageSize: 1 })).items;
      const answer = await t.client.replayEvent(captured!.id, { target: 'url', url: receiver.url });
      expect(answer.response?.truncated).toBe(true);
      expect(binaryOf(answer.response).equals(big.subarray(0, 64 * 1024))).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('a webhook whose receiver answers binary: the delivery attempt keeps the bytes', async () => {
    const bytes = binaryBody();
    const receiver = await Receiver.start(() => ({ status: 200, headers: { 'content-type': 'image/png' }, body: bytes }));
    try {
      const webhook = await t.client.createWebhook({ name: 'Binary answer', url: `${receiver.url}/hook`, events: [{ type: 'asset.uploaded' }], retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 } });
      const pushed = await push(connector.pushUrl, connector.apiKey, { type: 'asset.uploaded', id: 1 });
      expect(pushed.status).toBe(200);
      await deliveriesSettle(t, webhook.id, settled(1));
      const [listed] = (await t.client.listDeliveries(webhook.id)).items;
      const delivery = await t.client.getDelivery(listed!.id);
      expect(delivery.status).toBe('succeeded');
      expect(binaryOf(delivery.response).equals(bytes)).toBe(true);
      expect(binaryOf(delivery.attempts?.[0]?.response).equals(bytes)).toBe(true);
      // The request was JSON text, and is kept as text.
      expect(delivery.request?.encoding).toBeUndefined();
      expect(JSON.parse(delivery.request?.body ?? '')).toMatchObject({ eventType: 'asset.uploaded', entity: { type: 'asset.uploaded', id: 1 } });

      // Send test answers the same way.
      const test = await t.client.testWebhook(webhook.id, { event: { type: 'asset.uploaded' } });
      expect(binaryOf(test.response).equals(bytes)).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
