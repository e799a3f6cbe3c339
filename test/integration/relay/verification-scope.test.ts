import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UNVERIFIED_REASON } from '../../../electron/engine/relay/relay-intake';
import type { HookEvent } from '../../../shared/schemas/event';
import type { VerificationInput } from '../../../shared/schemas/verification';
import type { Receiver } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import { createConnector, push, rawRequest, type OpenStream } from '../inbound/inbound-helpers';
import { forwardFinished, relayBench } from './relay-helpers';

const SECRET = 'scope-secret-0123456789';
const sign = (body: string, secret = SECRET) => ({ 'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` });

/**
 * Where verification applies: push events are already authenticated by their API key, so a
 * connector checks capture URL requests unless it says push or both; and "forward only verified"
 * keeps a request that failed its check from reaching the developer's server.
 */
describe('relay: where verification applies, and forwarding only verified requests', () => {
  let t: TestEngine;
  let target: Receiver;
  let stream: OpenStream;
  relayBench((bench) => ({ t, receiver: target, stream } = bench));

  async function connectorWith(verification: VerificationInput, forwardPath?: string) {
    const connector = await createConnector(t.client);
    const updated = await t.client.updateConnector(connector.id, {
      verification,
      ...(forwardPath === undefined ? {} : { forwardTo: { url: `${target.url}${forwardPath}` } }),
    });
    return { ...connector, updated };
  }

  async function pushOne(apiKey: string, body: string, headers: Record<string, string> = {}): Promise<HookEvent> {
    const answer = await push(`${t.url}/api/1.0/webhook/push`, apiKey, body, headers);
    expect(answer.status).toBe(200);
    return t.client.getEvent((answer.json as { ids: string[] }).ids[0]!);
  }

  async function captureOne(captureUrl: string, body: string, headers: Record<string, string> = {}): Promise<HookEvent> {
    const answer = await rawRequest(captureUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(body) });
    expect(answer.status).toBe(200);
    // The newest capture (a first event also raises a connector.status_changed system event, which
    // may land after it: it has no connector, so filtering by the capture token's connector skips it).
    const token = new URL(captureUrl).pathname.split('/')[2];
    const connectors = (await t.client.listConnectors({ pageSize: 500 })).items;
    const owner = connectors.find((c) => c.captureUrl?.includes(`/hooks/${token}`));
    const page = await t.client.listEvents({ pageSize: 5, ...(owner ? { connectorId: owner.id } : {}) });
    const latest = page.items.find((e) => e.source === 'capture');
    return latest!;
  }

  it('by default checks capture requests and leaves push events alone: 200 unsigned pushes show no failure', async () => {
    const connector = await connectorWith({ scheme: 'github', secret: SECRET });
    expect(connector.updated.verification).toMatchObject({ verifyOn: 'capture', forwardOnlyVerified: false });
    // 200 pushed events, in batches of 50 (the push API's batch limit), none signed.
    for (let batch = 0; batch < 4; batch += 1) {
      const body = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ type: 'order.paid', n: batch * 50 + i })));
      const answer = await push(`${t.url}/api/1.0/webhook/push`, connector.apiKey, body);
      expect(answer.status).toBe(200);
    }
    const page = await t.client.listEvents({ connectorId: connector.id, pageSize: 500 });
    expect(page.items).toHaveLength(200);
    expect(page.items.every((e) => e.verification?.status === 'none')).toBe(true);

    const body = '{"type":"order.paid"}';
    expect((await captureOne(connector.captureUrl, body, sign(body))).verification?.status).toBe('verified');
    expect((await captureOne(connector.captureUrl, body)).verification?.status).toBe('failed');
  });

  it("with 'push' a push is checked and a capture is not; with 'both' each is", async () => {
    const body = '{"type":"x"}';
    const pushOnly = await connectorWith({ scheme: 'github', secret: SECRET, verifyOn: 'push' });
    expect((await pushOne(pushOnly.apiKey, body, sign(body))).verification?.status).toBe('verified');
    expect((await pushOne(pushOnly.apiKey, body, sign(body, 'wrong'))).verification?.status).toBe('failed');
    expect((await captureOne(pushOnly.captureUrl, body)).verification?.status).toBe('none');

    const both = await connectorWith({ scheme: 'github', secret: SECRET, verifyOn: 'both' });
    expect((await pushOne(both.apiKey, body, sign(body))).verification?.status).toBe('verified');
    expect((await pushOne(both.apiKey, body)).verification).toMatchObject({ status: 'failed', reason: expect.stringContaining('No X-Hub-Signature-256 header') });
    expect((await captureOne(both.captureUrl, body, sign(body))).verification?.status).toBe('verified');
  });

  it('forwardOnlyVerified: a failed capture is recorded "not forwarded: signature failed" and never sent; a verified one reaches the server', async () => {
    const connector = await connectorWith({ scheme: 'github', secret: SECRET, forwardOnlyVerified: true }, '/dev');
    const body = '{"type":"invoice.paid","amount":12345678901234567890}';

    const refused = await captureOne(connector.captureUrl, body, sign(body, 'not-the-secret'));
    expect(refused.verification?.status).toBe('failed');
    expect(refused.forward).toMatchObject({ status: 'failed', error: UNVERIFIED_REASON, response: null });
    expect(refused.forward?.error).toMatch(/^Not forwarded: signature failed/);

    const accepted = await captureOne(connector.captureUrl, body, sign(body));
    expect(accepted.verification?.status).toBe('verified');
    const done = accepted.forward?.status === 'pending' ? await forwardFinished(stream, accepted.id) : accepted;
    expect(done.forward?.status).toBe('succeeded');
    // Only the verified request reached the developer's server, byte for byte.
    expect(target.to('/dev')).toHaveLength(1);
    expect(target.to('/dev')[0]?.text).toBe(body);
    expect((await t.client.getEvent(refused.id)).forward?.status).toBe('failed');
  });

  it('forwardOnlyVerified leaves requests outside verifyOn alone: an unchecked push is forwarded', async () => {
    const connector = await connectorWith({ scheme: 'github', secret: SECRET, forwardOnlyVerified: true }, '/pushes');
    const event = await pushOne(connector.apiKey, '{"type":"p"}');
    expect(event.verification?.status).toBe('none');
    const done = event.forward?.status === 'pending' ? await forwardFinished(stream, event.id) : event;
    expect(done.forward?.status).toBe('succeeded');
    expect(target.to('/pushes')).toHaveLength(1);
  });

  it('without the switch a failed capture is still forwarded, as before', async () => {
    const connector = await connectorWith({ scheme: 'github', secret: SECRET }, '/all');
    const event = await captureOne(connector.captureUrl, '{"type":"u"}');
    expect(event.verification?.status).toBe('failed');
    const done = event.forward?.status === 'pending' ? await forwardFinished(stream, event.id) : event;
    expect(done.forward?.status).toBe('succeeded');
    expect(target.to('/all')).toHaveLength(1);
  });

  it('refuses bad values with 400 and the field named, and keeps the settings through a masked-secret round trip', async () => {
    const connector = await createConnector(t.client);
    for (const [verification, field] of [
      [{ scheme: 'github', secret: SECRET, verifyOn: 'everywhere' }, 'verification.verifyOn'],
      [{ scheme: 'github', secret: SECRET, forwardOnlyVerified: 'yes' }, 'verification.forwardOnlyVerified'],
    ] as const) {
      await expect(t.client.updateConnector(connector.id, { verification: verification as unknown as VerificationInput })).rejects.toMatchObject({
        status: 400,
        code: 'validation_failed',
        fields: { [field]: expect.any(String) },
      });
    }
    const saved = await t.client.updateConnector(connector.id, { verification: { scheme: 'github', secret: SECRET, verifyOn: 'both', forwardOnlyVerified: true } });
    expect(saved.verification).toMatchObject({ verifyOn: 'both', forwardOnlyVerified: true });
    const again = await t.client.updateConnector(connector.id, { verification: { ...saved.verification!, toleranceSeconds: 60 } });
    expect(again.verification).toMatchObject({ verifyOn: 'both', forwardOnlyVerified: true, toleranceSeconds: 60 });
    expect((await t.client.getConnector(connector.id)).verification).toMatchObject({ verifyOn: 'both', forwardOnlyVerified: true });
  });
});
