import { describe, expect, it } from 'vitest';
import { completionPaths, previewRequest } from '../../../../renderer/src/features/webhooks/payload-preview';
import { draftFromWebhook } from '../../../../renderer/src/features/webhooks/webhook-draft';
import type { Webhook } from '../../../../shared/schemas/webhook';
import { webhookCreateSchema } from '../../../../shared/schemas/webhook';
import type { EventSample } from '../../../../shared/schemas/event-type';

const SENT = '{"id":12345678901234567890123,"repository":{"id":9007199254740993},"price":1.10}';

/** The sample as the page receives it from `/event-types/sample`: parsed by the browser, with the body's text beside it. */
const sample: EventSample = JSON.parse(
  JSON.stringify({
    id: 'evt_1',
    type: 'order.paid',
    dataSource: 'generic',
    connectorId: 'con_1',
    receivedTime: '2026-01-01T00:00:00.000Z',
    body: JSON.parse(SENT) as unknown,
    bodyJson: SENT,
  }),
) as EventSample;

function webhook(fields: Partial<Webhook>): Webhook {
  const config = webhookCreateSchema.parse({ name: 'Orders', url: 'http://127.0.0.1:9/hook' });
  return {
    ...config,
    id: 'whk_1',
    state: 'ACTIVE',
    consecutiveFailures: 0,
    lastSuccessfulMessageDelivery: null,
    createdTime: '2026-01-01T00:00:00.000Z',
    updatedTime: '2026-01-01T00:00:00.000Z',
    warnings: [],
    ...fields,
  } as Webhook;
}

describe('payload preview: numbers as the sender wrote them', () => {
  it('shows the default envelope with the entity and its id digit for digit', () => {
    const preview = previewRequest(draftFromWebhook(webhook({})), { id: 'whk_1', name: 'Orders' }, sample, 'http://127.0.0.1:1');
    expect(preview.body.ok && preview.body.body).toContain(`"entity":${SENT}`);
    expect(preview.headers['X-Hookdesk-Entity-Id']).toBe('12345678901234567890123');
  });

  it('shows {{json data}} and {{data.price}} as sent', () => {
    const draft = draftFromWebhook(webhook({ bodyTemplate: '{"all": {{json data}}, "price": {{data.price}}}' }));
    const preview = previewRequest(draft, { id: 'whk_1', name: 'Orders' }, sample, 'http://127.0.0.1:1');
    expect(preview.body.ok && preview.body.body).toBe(`{"all": ${SENT}, "price": 1.10}`);
  });

  it('completion reads completionBody, not the sample body text', () => {
    const paths = completionPaths({ includeEntity: true, jsonPayloadEnabled: false }, { id: 'whk_1', name: 'Orders' }, { ...sample, completionBody: { id: 1, customer: { email: 'x' } } }, 'http://x');
    expect(paths).toEqual(expect.arrayContaining(['data.customer.email']));
    expect(paths).not.toContain('data.repository');
  });
});
