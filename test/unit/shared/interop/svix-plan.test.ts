import { describe, expect, it } from 'vitest';
import { planSvixDeployment, type SvixKnownType, type SvixPlanInput, type SvixSourceWebhook } from '../../../../shared/interop/svix-plan';
import { isSvixSecret, svixSlug } from '../../../../shared/interop/svix-names';
import { WEBHOOK_DEFAULTS } from '../../../../shared/schemas/webhook';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'; // 24 bytes, the Standard Webhooks example's size

function webhook(over: Partial<SvixSourceWebhook> & { name: string }): SvixSourceWebhook {
  return { ...WEBHOOK_DEFAULTS, url: 'https://receiver.example/in', events: 'all', filters: {}, headers: {}, validators: [], retry: { ...WEBHOOK_DEFAULTS.retry }, ...over } as SvixSourceWebhook;
}

const TYPES: SvixKnownType[] = [
  { type: 'order.paid', origin: 'received', inferred: [{ connectorName: 'Shop', schema: { $schema: 'x', type: 'object', properties: { id: { type: 'string' } } } }] },
  { type: 'order.created', origin: 'received', inferred: [] },
  { type: 'Order.Refunded', origin: 'received', inferred: [] },
  { type: 'push event', origin: 'received', inferred: [] },
  { type: 'webhook.failed', origin: 'system', inferred: [] },
];

function plan(webhooks: SvixSourceWebhook[], more: Partial<SvixPlanInput> = {}) {
  return planSvixDeployment({
    appName: 'Hookdesk',
    webhooks,
    connectors: [
      { id: 'con_shop', name: 'Shop', dataSource: null },
      { id: 'con_gh', name: 'GitHub hooks', dataSource: 'GitHub' },
    ],
    eventTypes: TYPES,
    lookup: () => undefined,
    ...more,
  });
}

describe('planSvixDeployment', () => {
  it('expands globs to the known types ignoring case, as Hookdesk matches; system types only for a selector that names them', () => {
    const p = plan([
      webhook({ name: 'orders', events: [{ type: 'order.*' }] }),
      webhook({ name: 'alerts', events: [{ type: 'webhook.*' }, { type: '*.failed' }] }),
      webhook({ name: 'future', events: [{ type: 'invoice.paid' }] }),
    ]);
    const [alerts, future, orders] = p.webhooks;
    expect(orders!.endpoint!.filterTypes).toEqual(['Order.Refunded', 'order.created', 'order.paid']);
    expect(alerts!.endpoint!.filterTypes).toEqual(['webhook.failed']);
    // A name no event has had yet becomes an event type without a schema.
    expect(future!.endpoint!.filterTypes).toEqual(['invoice.paid']);
    expect(p.eventTypes.map((t) => t.name)).toEqual(['Order.Refunded', 'invoice.paid', 'order.created', 'order.paid', 'webhook.failed']);
    expect(p.eventTypes.find((t) => t.name === 'invoice.paid')?.schemas).toBeNull();
    // A type Svix cannot name is not created, and said once.
    expect(p.eventTypeNotes[0]?.what).toContain('"push event"');
  });

  it('gives schemas as version "1" without $schema; different schemas of one type on several connectors become anyOf', () => {
    const p = plan([], {
      eventTypes: [
        {
          type: 'a.b',
          origin: 'received',
          inferred: [
            { connectorName: 'Two', schema: { $schema: 'x', type: 'object', required: ['n'] } },
            { connectorName: 'One', schema: { $schema: 'x', type: 'string' } },
            { connectorName: 'Three', schema: { required: ['n'], type: 'object', $schema: 'x' } },
          ],
        },
      ],
    });
    expect(p.eventTypes[0]).toEqual({
      name: 'a.b',
      description: 'Inferred by Hookdesk from events received on One, Three, Two.',
      schemas: { '1': { anyOf: [{ type: 'string' }, { type: 'object', required: ['n'] }] } },
    });
  });

  it('skips a webhook whose selectors match nothing Svix can name, or whose variables are not set, saying why', () => {
    const p = plan([webhook({ name: 'nothing', events: [{ type: 'invoice.*' }] }), webhook({ name: 'vars', url: '${ERP}/in' })]);
    expect(p.webhooks[0]).toMatchObject({ webhook: 'nothing', endpoint: null, skipped: expect.stringContaining('match no event type') as unknown });
    expect(p.webhooks[1]).toMatchObject({ webhook: 'vars', endpoint: null, skipped: expect.stringContaining('${ERP} is not set') as unknown });
    const resolved = plan([webhook({ name: 'vars', url: '${ERP}/in' })], { lookup: (n) => (n === 'ERP' ? 'https://erp.example' : undefined) });
    expect(resolved.webhooks[0]!.endpoint!.url).toBe('https://erp.example/in');
  });

  it('turns connector and data-source filters into channels, and says what the producer must do', () => {
    const p = plan([
      webhook({ name: 'a', filters: { connectorIds: ['con_shop', 'con_gh'] } }),
      webhook({ name: 'b', filters: { dataSources: ['GitHub'] } }),
      webhook({ name: 'c', filters: { connectorIds: ['con_shop'], dataSources: ['Stripe'], severities: ['error'] } }),
      webhook({ name: 'd', filters: { connectorIds: ['con_gone'] } }),
    ]);
    const [a, b, c, d] = p.webhooks;
    expect(a!.endpoint!.channels).toEqual([svixSlug('GitHub hooks', 'connector.'), 'connector.shop']);
    expect(svixSlug('GitHub hooks', 'connector.')).toMatch(/^connector\.github-hooks-[0-9a-f]{8}$/);
    expect(b!.endpoint!.channels).toEqual(['source.github']);
    expect(c!.endpoint!.channels).toEqual(['connector.shop']);
    expect(c!.notes.map((n) => n.what).join('\n')).toMatch(/by severity[\s\S]*connector and by data source/);
    // Only a deleted connector: it matches nothing in Hookdesk, and a channel no connector has keeps that so.
    expect(d!.endpoint!.channels).toEqual(['hookdesk.no-connector']);
  });

  it('carries a Standard Webhooks secret Svix accepts; any other secret stays behind with a note', () => {
    const p = plan([
      webhook({ name: 'std', signature: 'standard-webhooks', secret: SECRET }),
      webhook({ name: 'short', signature: 'standard-webhooks', secret: 'whsec_c2hvcnQ=' }),
      webhook({ name: 'sha1', signature: 'hmac-sha1', secret: 'abc' }),
    ]);
    const [sha1, short, std] = p.webhooks;
    expect(isSvixSecret(SECRET)).toBe(true);
    expect(std!.endpoint!.secret).toBe(SECRET);
    expect(short!.endpoint!.secret).toBeNull();
    expect(short!.notes[0]!.what).toContain('not one Svix accepts');
    expect(sha1!.endpoint!.secret).toBeNull();
    expect(sha1!.notes[0]!.what).toContain('HMAC-SHA1');
  });

  it('sends custom and auth headers, leaves out the ones Svix refuses, and fingerprints credentials without holding them', () => {
    const p = plan([
      webhook({ name: 'h', headers: { 'X-Team': 'erp', 'Content-Type': 'text/plain', 'svix-foo': '1' }, auth: { type: 'apiKey', header: 'X-Api-Key', value: 'k-123' } }),
      webhook({ name: 'o', auth: { type: 'oauth2', tokenUrl: 'https://auth.example/token', clientId: 'id', clientSecret: 'cs' } }),
    ]);
    const [h, o] = p.webhooks;
    expect(h!.endpoint!.headers).toEqual({ 'X-Team': 'erp', 'X-Api-Key': 'k-123' });
    expect(h!.notes.map((n) => n.what)).toEqual([expect.stringContaining('Content-Type'), expect.stringContaining('svix-foo')]);
    expect(h!.endpoint!.metadata.hookdeskHeaders).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(h!.endpoint!.metadata)).not.toContain('k-123');
    expect(o!.endpoint!.headers).toEqual({});
    expect(o!.notes[0]!.what).toContain('OAuth2');
  });

  it('makes stable, collision-free uids from names', () => {
    expect(svixSlug('orders')).toBe('orders');
    expect(svixSlug('Orders')).toBe('orders');
    expect(svixSlug('Orders to ERP')).toMatch(/^orders-to-erp-[0-9a-f]{8}$/);
    expect(svixSlug('Orders to ERP')).not.toBe(svixSlug('Orders-to ERP'));
    expect(svixSlug('Zahlungen für Kunden')).toMatch(/^zahlungen-f-r-kunden-[0-9a-f]{8}$/);
    expect(svixSlug('日本')).toMatch(/^[0-9a-f]{8}$/);
    expect(plan([], { appName: 'My App' }).app).toEqual({ name: 'My App', uid: svixSlug('My App') });
  });

  it('says nothing for a webhook Svix expresses fully, and a disabled webhook is a disabled endpoint', () => {
    const p = plan([webhook({ name: 'plain', enabled: false })]);
    expect(p.webhooks[0]!.notes).toEqual([]);
    expect(p.webhooks[0]!.endpoint).toMatchObject({ uid: 'plain', disabled: true, filterTypes: null, channels: null, secret: null, headers: {} });
    expect(p.generalNotes.length).toBeGreaterThan(0);
  });
});
