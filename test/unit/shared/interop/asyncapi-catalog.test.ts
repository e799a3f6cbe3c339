import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { buildAsyncApiCatalog } from '../../../../shared/interop/asyncapi-catalog';
import { catalogText } from '../../../../shared/interop/catalog-keys';
import { expectValidAsyncApi, SECRETS, workspaceInput } from './catalog-fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a generated document

describe('AsyncAPI 3 event catalog (API.md section 6: GET /catalog/asyncapi)', () => {
  it('parses with @asyncapi/parser without errors: a channel per type, a send operation per type and method, a message per webhook', async () => {
    const doc = buildAsyncApiCatalog(workspaceInput());
    await expectValidAsyncApi(doc);
    const { document } = await new Parser().parse(JSON.stringify(doc));
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    expect(
      document!
        .channels()
        .all()
        .map((c) => c.json().title as string),
    ).toEqual(['invoice.paid', 'order.created', 'webhook.failed']);
    const operations = document!.operations().all();
    expect(operations.every((o) => o.action() === 'send')).toBe(true);
    expect(operations.map((o) => o.id())).toEqual(['send.invoice.paid', 'send.invoice.paid.get', 'send.order.created', 'send.webhook.failed']);
    const orderMessages = document!
      .channels()
      .all()
      .find((c) => c.json().title === 'order.created')!
      .messages()
      .all()
      .map((m) => m.id());
    expect(orderMessages).toEqual(['order.created.Everything', 'order.created.Orders_std', 'order.created.Orders_template']);
  });

  it('gives each message its headers (signature per scheme, no credential values), payload schema, example and answer', () => {
    const doc = buildAsyncApiCatalog(workspaceInput()) as Json;
    const messages = doc.components.messages as Json;
    const std = messages['order.created.Orders_std'] as Json;
    expect(Object.keys(std.headers.properties as Json)).toEqual(
      expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature', 'X-Hookdesk-Event-Id', 'X-Team', 'X-Api-Token', 'Content-Type']),
    );
    expect(std.headers.properties).not.toHaveProperty('X-Hookdesk-Signature');
    expect(std.examples[0].headers).toMatchObject({ 'X-Team': 'billing', 'X-Hookdesk-Event': 'order.created', 'Content-Type': 'application/json' });
    expect(std.examples[0].headers).not.toHaveProperty('X-Api-Token');
    const template = messages['order.created.Orders_template'] as Json;
    expect(template.headers.properties).toHaveProperty('X-Hookdesk-Signature');
    expect(template.headers.properties.Authorization.description).toContain('Bearer');
    expect(template.payload.required).toEqual(['order', 'total', 'who']);
    expect(template.examples[0].payload).toEqual({ order: 'o_1', total: 12, who: { email: 'a@example.com' } });
    expect(template.description).toContain('$.status is one of ["accepted"]');
    const get = messages['invoice.paid.Pings'] as Json;
    expect(get.payload).toBeUndefined();
    expect(doc.operations['send.invoice.paid.get'].bindings.http.method).toBe('GET');
    const text = catalogText(doc);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('127.0.0.1:9/hooks'); // receivers' URLs are never written
  });

  it('is the same file whatever order the types and webhooks come in', () => {
    const input = workspaceInput();
    const reversed = { ...input, eventTypes: [...input.eventTypes].reverse(), webhooks: [...input.webhooks].reverse() };
    expect(catalogText(buildAsyncApiCatalog(reversed))).toBe(catalogText(buildAsyncApiCatalog(input)));
  });
});
