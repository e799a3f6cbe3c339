import SwaggerParser from '@apidevtools/swagger-parser';
import { Parser } from '@asyncapi/parser';
import { expect } from 'vitest';
import { catalogWebhookOf, type CatalogInput } from '../../../../shared/interop/catalog-input';
import { webhookCreateSchema } from '../../../../shared/schemas/webhook';
import { toJsonSchema } from '../../../../shared/inference/json-schema';
import { emptyShape, mergeValue } from '../../../../shared/inference/shape';

/** A webhook as stored: the create schema's defaults, an id, and the given fields. */
export function webhook(id: string, fields: Record<string, unknown>): ReturnType<typeof catalogWebhookOf> {
  const parsed = webhookCreateSchema.parse({ url: 'http://127.0.0.1:9/hooks', ...fields });
  return catalogWebhookOf({ ...parsed, id });
}

/** The schema the engine infers from these bodies (what `/connectors/:id/schemas` answers). */
export function inferred(...bodies: unknown[]): Record<string, unknown> {
  const shape = emptyShape();
  for (const body of bodies) mergeValue(shape, body);
  return toJsonSchema(shape);
}

export const ORDER_BODY = { type: 'order.created', id: 'o_1', amount: 12, customer: { email: 'a@example.com' }, createdAt: '2026-03-01T09:00:00Z' };

export function sampleEvent(type: string, body: unknown): CatalogInput['eventTypes'][number]['sample'] {
  return { id: 'evt_0000000000000001', type, connectorId: 'con_1', dataSource: 'generic', receivedTime: '2026-03-01T09:00:00.000Z', body, source: 'push' };
}

/** The whole workspace of the unit tests: two received types, a system type, four webhooks. */
export function workspaceInput(): CatalogInput {
  return {
    apiBaseUrl: 'http://127.0.0.1:8787',
    eventTypes: [
      { type: 'order.created', origin: 'received', inferred: [{ connectorName: 'shop', schema: inferred(ORDER_BODY, { ...ORDER_BODY, id: 'o_2', coupon: 'X' }) }], sample: sampleEvent('order.created', ORDER_BODY) },
      { type: 'invoice.paid', origin: 'received', inferred: [], sample: sampleEvent('invoice.paid', { invoice: 'in_1', total: 3.5 }) },
      {
        type: 'webhook.failed',
        origin: 'system',
        inferred: [],
        sample: { ...sampleEvent('webhook.failed', { webhookId: 'whk_1', name: 'x', failures: 5 }), source: 'system', connectorId: null, dataSource: 'hookdesk' },
      },
    ],
    webhooks: [
      webhook('whk_std', { name: 'Orders std', events: [{ type: 'order.*' }], secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=', signature: 'standard-webhooks', headers: { 'X-Team': 'billing', 'X-Api-Token': 'tok_very_secret_value_123' } }),
      webhook('whk_tpl', {
        name: 'Orders template',
        events: [{ type: 'order.created' }],
        secret: 'hmac-secret-never-in-the-file',
        bodyTemplate: '{"order": "{{data.id}}", "total": {{json data.amount}}, "who": {"email": "{{data.customer.email}}"}}',
        auth: { type: 'bearer', token: 'bearer-token-never-in-the-file' },
        validators: [{ path: '$.status', expected: ['accepted'] }],
      }),
      webhook('whk_all', { name: 'Everything', auth: { type: 'basic', username: 'u', password: 'basic-password-never-in-the-file' } }),
      webhook('whk_get', { name: 'Pings', method: 'GET', events: [{ type: 'invoice.*' }], auth: { type: 'apiKey', header: 'X-Key', value: 'api-key-never-in-the-file' } }),
    ],
  };
}

export const SECRETS = ['whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=', 'tok_very_secret_value_123', 'hmac-secret-never-in-the-file', 'bearer-token-never-in-the-file', 'basic-password-never-in-the-file', 'api-key-never-in-the-file'];

/** swagger-parser's full validation (schema + spec rules); it throws with the reasons when the document is not valid OpenAPI. */
export async function expectValidOpenApi(document: unknown): Promise<void> {
  // validate() dereferences in place: give it a copy.
  await SwaggerParser.validate(structuredClone(document) as never);
}

/** @asyncapi/parser: no error-severity diagnostics (severity 0). */
export async function expectValidAsyncApi(document: unknown): Promise<void> {
  const { diagnostics } = await new Parser().parse(JSON.stringify(document));
  const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
  expect(errors).toEqual([]);
}
