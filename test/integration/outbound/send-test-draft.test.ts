import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/api-error';
import { outboundBench } from '../../helpers/outbound-bench';
import type { Receiver } from '../../helpers/receiver';
import type { TestEngine } from '../../helpers/test-engine';
import { deliveriesSettle, settled } from './outbound-helpers';

/** Nothing listens here: a dead URL a new user might type. */
const DEAD_URL = 'http://127.0.0.1:9/dead';
const SECRET = 'stored-secret-0123456789abcdef';

const refusal = (promise: Promise<unknown>): Promise<ApiError> =>
  promise.then(
    () => {
      throw new Error('expected the engine to refuse this');
    },
    (error: unknown) => error as ApiError,
  );

describe('Send test sends the settings on screen without saving them', () => {
  let t: TestEngine;
  let receiver: Receiver;
  outboundBench((bench) => ({ t, receiver } = bench), { clean: 'receiver-and-webhooks' });

  it('a draft with another URL and template goes there; the saved webhook stays exactly as it was', async () => {
    const created = await t.client.createWebhook({ name: 'Orders', url: `${receiver.url}/saved`, secret: SECRET });
    const invocation = await t.client.testWebhook(created.id, {
      event: { type: 'order.created', entity: { n: 7 } },
      webhook: { url: `${receiver.url}/draft`, bodyTemplate: '{"n": {{data.n}}}', secret: created.secret },
    });
    expect(invocation).toMatchObject({ ok: true, response: { status: 200 } });
    const [got] = receiver.to('/draft');
    expect(got?.text).toBe('{"n": 7}');
    // The masked secret sent back stands for the stored one: the request is signed with it.
    expect(got?.headers['x-hookdesk-signature']).toBe(createHmac('sha1', SECRET).update(got?.body ?? '').digest('hex'));
    expect(receiver.to('/saved')).toHaveLength(0);
    expect(await t.client.getWebhook(created.id)).toEqual(created);
  });

  it('a dead URL typed in the form answers the failure and is not stored; the next delivery goes to the saved URL', async () => {
    const created = await t.client.createWebhook({ name: 'Kept', url: `${receiver.url}/kept` });
    const invocation = await t.client.testWebhook(created.id, { webhook: { url: DEAD_URL } });
    expect(invocation.ok).toBe(false);
    expect(invocation.response).toBeNull();
    expect(invocation.request.url).toBe(DEAD_URL);
    expect((await t.client.getWebhook(created.id)).url).toBe(`${receiver.url}/kept`);

    await t.client.publishEvent({ type: 'order.created', entity: { id: 1 } });
    const [delivery] = await deliveriesSettle(t, created.id, settled(1));
    expect(delivery?.status).toBe('succeeded');
    expect(receiver.to('/kept')).toHaveLength(1);
  });

  it('a typed secret signs the test only; the stored secret still signs deliveries', async () => {
    const created = await t.client.createWebhook({ name: 'Signed', url: `${receiver.url}/signed`, secret: SECRET });
    await t.client.testWebhook(created.id, { webhook: { secret: 'typed-but-not-saved' } });
    const [tested] = receiver.to('/signed');
    expect(tested?.headers['x-hookdesk-signature']).toBe(createHmac('sha1', 'typed-but-not-saved').update(tested?.body ?? '').digest('hex'));
    expect((await t.client.getWebhook(created.id)).secret).toBe(created.secret);

    await t.client.publishEvent({ type: 'order.created', entity: { id: 2 } });
    await deliveriesSettle(t, created.id, settled(1));
    const delivered = receiver.to('/signed')[1];
    expect(delivered?.headers['x-hookdesk-signature']).toBe(createHmac('sha1', SECRET).update(delivered?.body ?? '').digest('hex'));
  });

  it('an invalid draft is a 400 whose fields say where (under webhook.), and nothing is sent', async () => {
    const created = await t.client.createWebhook({ name: 'Strict', url: `${receiver.url}/strict` });
    const error = await refusal(t.client.testWebhook(created.id, { webhook: { url: 'ftp://example.com', timeoutSeconds: 0 } }));
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(Object.keys(error.fields).sort()).toEqual(['webhook.timeoutSeconds', 'webhook.url']);
    expect(error.message).toMatch(/webhook\.(url|timeoutSeconds): /);
    const broken = await refusal(t.client.testWebhook(created.id, { webhook: { bodyTemplate: '{"a": {{#data}}}' } }));
    expect(broken.fields['webhook.bodyTemplate']).toBe('line 1, column 17: Unclosed section "data"');
    expect(receiver.requests).toHaveLength(0);
  });

  it('POST /webhooks/test sends a webhook that is not created yet, and creates nothing', async () => {
    const invocation = await t.client.testUnsavedWebhook({
      webhook: { name: 'Not yet', url: `${receiver.url}/new`, bodyTemplate: '{"type": {{eventType}}}', events: [{ type: 'invoice.paid' }] },
    });
    expect(invocation).toMatchObject({ ok: true, response: { status: 200 } });
    expect(receiver.to('/new')[0]?.text).toBe('{"type": "invoice.paid"}');
    expect((await t.client.listWebhooks()).items).toHaveLength(0);

    const missing = await refusal(t.client.testUnsavedWebhook({ webhook: { name: 'No URL' } }));
    expect(missing).toMatchObject({ status: 400, fields: { 'webhook.url': expect.any(String) } });
    const masked = await refusal(t.client.testUnsavedWebhook({ webhook: { name: 'Masked', url: `${receiver.url}/new`, secret: 'whsec_••••abcd' } }));
    expect(masked).toMatchObject({ status: 400, fields: { 'webhook.secret': expect.stringMatching(/masked/) } });
    expect(receiver.to('/new')).toHaveLength(1);
  });
});

describe('a template that does not parse is refused on save; one that fails for an event fails once', () => {
  let t: TestEngine;
  let receiver: Receiver;
  outboundBench((bench) => ({ t, receiver } = bench));

  it('create and patch answer 400 with line and column in fields.bodyTemplate', async () => {
    const created = await refusal(t.client.createWebhook({ name: 'Broken', url: `${receiver.url}/b`, bodyTemplate: '{\n  "a": {{data.x}\n}' }));
    expect(created).toMatchObject({ status: 400, code: 'validation_failed', fields: { bodyTemplate: 'line 3, column 2: Unclosed tag' } });

    const webhook = await t.client.createWebhook({ name: 'Fine', url: `${receiver.url}/b`, bodyTemplate: '{"a": {{data.x}}}' });
    const patched = await refusal(t.client.updateWebhook(webhook.id, { bodyTemplate: '{{> partial}}' }));
    expect(patched.fields.bodyTemplate).toBe('line 1, column 1: Partials ({{> partial}}) are not supported');
    expect((await t.client.getWebhook(webhook.id)).bodyTemplate).toBe('{"a": {{data.x}}}');
  });

  it('a delivery whose template renders broken JSON for its event fails at the first attempt and is not retried', async () => {
    // Valid for events that carry `ok`; for this one it renders `{"a": }`.
    const webhook = await t.client.createWebhook({
      name: 'Depends',
      url: `${receiver.url}/depends`,
      events: [{ type: 'order.paid' }],
      bodyTemplate: '{"a": {{#data.ok}}1{{/data.ok}}}',
      retry: { maxAttempts: 5, backoff: 'fixed', initialDelaySeconds: 0, maxDelaySeconds: 0, jitter: 0 },
    });
    await t.client.publishEvent({ type: 'order.paid', entity: { ok: false } });
    const [delivery] = await deliveriesSettle(t, webhook.id, settled(1));
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptTime: null });
    expect(delivery?.attempts).toHaveLength(1);
    expect(delivery?.attempts[0]?.error).toMatch(/line 1, column \d+/);
    expect(receiver.to('/depends')).toHaveLength(0);
  });
});
