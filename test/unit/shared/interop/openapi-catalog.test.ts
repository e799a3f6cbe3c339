import { describe, expect, it } from 'vitest';
import { catalogText } from '../../../../shared/interop/catalog-keys';
import { MAX_CATALOG_EVENT_TYPES } from '../../../../shared/interop/catalog-model';
import { MAX_CATALOG_SCHEMA_DEPTH } from '../../../../shared/interop/catalog-schema';
import { buildOpenApiCatalog } from '../../../../shared/interop/openapi-catalog';
import { expectValidOpenApi, inferred, sampleEvent, SECRETS, webhook, workspaceInput } from './catalog-fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a generated document

const paramNames = (operation: Json): string[] => (operation.parameters as Json[]).map((p) => p.name as string);
const param = (operation: Json, name: string): Json | undefined => (operation.parameters as Json[]).find((p) => p.name === name);

describe('OpenAPI 3.1 event catalog (API.md section 6: GET /catalog/openapi)', () => {
  it('is valid OpenAPI 3.1 for swagger-parser, with one webhooks entry per event type, sorted', async () => {
    const doc = buildOpenApiCatalog(workspaceInput());
    await expectValidOpenApi(doc);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks as Json)).toEqual(['invoice.paid', 'order.created', 'webhook.failed']);
  });

  it('documents the signature headers of each scheme, custom headers without credential values, and auth as security schemes', () => {
    const doc = buildOpenApiCatalog(workspaceInput()) as Json;
    const post = doc.webhooks['order.created'].post as Json;
    // Standard Webhooks from "Orders std", X-Hookdesk-Signature from "Orders template"; neither sent by every webhook of the type.
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'X-Hookdesk-Signature']) {
      expect(param(post, name), name).toMatchObject({ in: 'header', required: false });
    }
    expect(param(post, 'X-Hookdesk-Signature')?.schema).toEqual({ type: 'string', pattern: '^[0-9a-f]{40}$' });
    for (const name of ['X-Hookdesk-Event-Id', 'X-Hookdesk-Event', 'X-Hookdesk-Webhook-Id', 'X-Hookdesk-Entity-Id', 'X-Hookdesk-Entity-URL', 'User-Agent']) {
      expect(param(post, name), name).toMatchObject({ required: true });
    }
    expect(param(post, 'X-Hookdesk-Event')?.example).toBe('order.created');
    expect(param(post, 'X-Team')?.example).toBe('billing');
    expect(param(post, 'X-Api-Token')).toBeDefined();
    expect(param(post, 'X-Api-Token')?.example).toBeUndefined();
    // Sorted by name ignoring case, so the file diffs well.
    expect(paramNames(post)).toEqual([...paramNames(post)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    // Authorization is a security scheme (OpenAPI ignores it as a header parameter); "Orders std" sends none: {}.
    expect(paramNames(post)).not.toContain('Authorization');
    expect(post.security).toEqual([{}, { basicAuth: [] }, { bearerAuth: [] }]);
    expect(Object.keys(doc.components.securitySchemes as Json)).toEqual(['apiKey_X-Key', 'basicAuth', 'bearerAuth']);
    const text = catalogText(doc);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('gives the body schema per webhook: the envelope with the inferred entity, or the rendered template, with examples from the sample', () => {
    const doc = buildOpenApiCatalog(workspaceInput()) as Json;
    const media = doc.webhooks['order.created'].post.requestBody.content['application/json'] as Json;
    const [envelope, template] = media.schema.anyOf as Json[];
    expect(envelope?.required).toEqual(['entity', 'entityId', 'entityUrl', 'eventId', 'eventType', 'timestamp', 'webhookId']);
    expect(envelope?.properties.eventType).toEqual({ type: 'string', const: 'order.created' });
    // Inferred from both bodies: coupon was in one only, so it is not required.
    expect(envelope?.properties.entity.required).toEqual(['amount', 'createdAt', 'customer', 'id', 'type']);
    expect(envelope?.properties.entity.properties.coupon).toEqual({ type: 'string' });
    expect(envelope?.properties.entity.properties.createdAt).toEqual({ type: 'string', format: 'date-time' });
    expect(template).toEqual({
      type: 'object',
      properties: { order: { type: 'string' }, total: { type: 'integer' }, who: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] } },
      required: ['order', 'total', 'who'],
    });
    expect(Object.keys(media.examples as Json)).toEqual(['Everything', 'Orders_std', 'Orders_template']);
    expect(media.examples.Orders_template.value).toEqual({ order: 'o_1', total: 12, who: { email: 'a@example.com' } });
    expect(media.examples.Everything.value).toMatchObject({ eventType: 'order.created', webhookId: 'whk_all', entityId: 'o_1', entity: { id: 'o_1' } });
    expect(media.schema.examples).toEqual([media.examples.Everything.value]);
    // The expected answer, with the webhook's validator in words.
    expect(doc.webhooks['order.created'].post.responses['2XX'].description).toContain('$.status is one of ["accepted"]');
  });

  it('documents a GET webhook without a body, and a system type no webhook names with the defaults ("all" never gets system events)', () => {
    const doc = buildOpenApiCatalog(workspaceInput()) as Json;
    const get = doc.webhooks['invoice.paid'].get as Json;
    expect(get.requestBody).toBeUndefined();
    expect(get.security).toEqual([{ 'apiKey_X-Key': [] }]);
    expect(param(get, 'X-Key')).toMatchObject({ required: true });
    const failed = doc.webhooks['webhook.failed'].post as Json;
    expect(failed.description).toContain('No webhook sends this type yet');
    expect(failed['x-hookdesk-webhooks']).toEqual([{ id: null, name: null, contentType: 'application/json', timeoutSeconds: 10 }]);
    expect(param(failed, 'X-Hookdesk-Signature')?.description).toContain('Sent when the webhook has a secret');
  });

  it('describes a form webhook with its fields, the envelope entity as JSON text', async () => {
    const input = workspaceInput();
    input.webhooks = [webhook('whk_form', { name: 'Form', contentType: 'application/x-www-form-urlencoded', events: [{ type: 'invoice.paid' }] })];
    const doc = buildOpenApiCatalog(input) as Json;
    await expectValidOpenApi(doc);
    const media = doc.webhooks['invoice.paid'].post.requestBody.content['application/x-www-form-urlencoded'] as Json;
    expect(media.schema.properties.entity).toMatchObject({ type: 'string', contentMediaType: 'application/json', contentSchema: { type: 'object' } });
    expect(media.examples.Form.value).toMatchObject({ eventType: 'invoice.paid', entity: '{"invoice":"in_1","total":3.5}' });
  });

  it('is the same file whatever order the types and webhooks come in', () => {
    const input = workspaceInput();
    const reversed = { ...input, eventTypes: [...input.eventTypes].reverse(), webhooks: [...input.webhooks].reverse() };
    expect(catalogText(buildOpenApiCatalog(reversed))).toBe(catalogText(buildOpenApiCatalog(input)));
  });

  it('is bounded: at most 1,000 event types (the rest counted), schemas cut at the depth limit', async () => {
    const many = Array.from({ length: MAX_CATALOG_EVENT_TYPES + 5 }, (_, i) => ({
      type: `t.${String(i).padStart(4, '0')}`,
      origin: 'received' as const,
      inferred: [],
      sample: sampleEvent(`t.${i}`, { n: i }),
    }));
    const doc = buildOpenApiCatalog({ apiBaseUrl: 'http://127.0.0.1:8787', eventTypes: many, webhooks: [] }) as Json;
    expect(Object.keys(doc.webhooks as Json)).toHaveLength(MAX_CATALOG_EVENT_TYPES);
    expect(doc['x-hookdesk-omitted-event-types']).toBe(5);
    expect(doc.info.description).toContain('5 more left out');

    let deep: unknown = 'bottom';
    for (let i = 0; i < 60; i += 1) deep = { next: deep };
    const deepSchema = { type: 'object', properties: {} as Json };
    let cursor = deepSchema;
    for (let i = 0; i < 60; i += 1) {
      const child = { type: 'object', properties: {} as Json };
      cursor.properties.next = child;
      cursor = child;
    }
    const bounded = buildOpenApiCatalog({
      apiBaseUrl: 'http://127.0.0.1:8787',
      eventTypes: [{ type: 'deep.one', origin: 'received', inferred: [{ connectorName: 'c', schema: deepSchema }], sample: sampleEvent('deep.one', deep) }],
      webhooks: [],
    }) as Json;
    await expectValidOpenApi(bounded);
    let node = bounded.webhooks['deep.one'].post.requestBody.content['application/json'].schema.properties.entity as Json;
    let depth = 1;
    while (node.properties?.next) {
      node = node.properties.next as Json;
      depth += 1;
    }
    expect(depth).toBeLessThanOrEqual(MAX_CATALOG_SCHEMA_DEPTH);
    expect(node.description).toContain('Deeper levels are not described');
  });

  it('keeps odd event type names as keys and makes valid, unique operation ids from them', async () => {
    const types = ['order created', 'Order.Created', 'order.created', '__proto__', 'ünïcode.✓', 'a/b'];
    const doc = buildOpenApiCatalog({
      apiBaseUrl: 'http://127.0.0.1:8787',
      eventTypes: types.map((type) => ({ type, origin: 'received' as const, inferred: [{ connectorName: 'c', schema: inferred({ __proto__: 1, ok: true }) }], sample: sampleEvent(type, { ok: true }) })),
      webhooks: [],
    }) as Json;
    await expectValidOpenApi(doc);
    expect(Object.keys(doc.webhooks as Json).sort()).toEqual([...types].sort());
    const ids = Object.values(doc.webhooks as Json).map((item) => (item as Json).post.operationId as string);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(types.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
