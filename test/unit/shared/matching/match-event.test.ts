import { describe, expect, it } from 'vitest';
import { globMatches } from '../../../../shared/matching/glob';
import { webhookMatchesEvent } from '../../../../shared/matching/match-event';

const event = { type: 'Flow.Executed', version: '1.2.0', severity: 'Error', connectorId: 'con_a', dataSource: 'GitHub' };

describe('glob', () => {
  it.each([
    ['Flow.*', 'Flow.Executed', true],
    ['Flow.*', 'Flow.', true],
    ['Flow.*', 'Flows.Executed', false],
    ['flow.executed', 'Flow.Executed', true],
    ['*', 'anything.at.all', true],
    ['*.failed', 'webhook.failed', true],
    ['connector.*', 'connector.status_changed', true],
    ['Flow.?xecuted', 'Flow.Executed', true],
    ['Flow.Executed', 'Flow.ExecutedX', false],
    ['a+b(c)[d]', 'a+b(c)[d]', true],
    ['a.b', 'axb', false],
  ])('%s vs %s -> %s', (glob, text, expected) => {
    expect(globMatches(glob, text)).toBe(expected);
  });
});

describe('webhookMatchesEvent', () => {
  it('"all" with no filters takes everything', () => {
    expect(webhookMatchesEvent({ events: 'all', filters: {} }, event)).toBe(true);
  });

  it('selectors: type glob, then version and severity when given', () => {
    const match = (selector: { type: string; version?: string; severity?: string }) => webhookMatchesEvent({ events: [selector], filters: {} }, event);
    expect(match({ type: 'Flow.*' })).toBe(true);
    expect(match({ type: 'Connection.*' })).toBe(false);
    expect(match({ type: 'Flow.*', version: '1.2.0' })).toBe(true);
    expect(match({ type: 'Flow.*', version: '1.*' })).toBe(true);
    expect(match({ type: 'Flow.*', version: '2.0.0' })).toBe(false);
    expect(match({ type: 'Flow.*', severity: 'error' })).toBe(true);
    expect(match({ type: 'Flow.*', severity: 'warning' })).toBe(false);
    expect(webhookMatchesEvent({ events: [{ type: '*', version: '1' }], filters: {} }, { ...event, version: undefined })).toBe(false);
  });

  it('any selector in the list is enough', () => {
    expect(webhookMatchesEvent({ events: [{ type: 'A' }, { type: 'Flow.Executed' }], filters: {} }, event)).toBe(true);
  });

  it('filters narrow by connector, data source (any case) and severity; empty lists do not filter', () => {
    const with_ = (filters: object) => webhookMatchesEvent({ events: 'all', filters }, event);
    expect(with_({ connectorIds: ['con_a', 'con_b'] })).toBe(true);
    expect(with_({ connectorIds: ['con_b'] })).toBe(false);
    expect(with_({ dataSources: ['github'] })).toBe(true);
    expect(with_({ dataSources: ['Stripe'] })).toBe(false);
    expect(with_({ severities: ['ERROR', 'Warning'] })).toBe(true);
    expect(with_({ severities: ['Info'] })).toBe(false);
    expect(with_({ connectorIds: [], dataSources: [], severities: [] })).toBe(true);
    expect(webhookMatchesEvent({ events: 'all', filters: { connectorIds: ['con_a'] } }, { ...event, connectorId: null })).toBe(false);
  });
});

describe("Hookdesk's own events go only to webhooks that name them", () => {
  const failed = { type: 'webhook.failed', severity: 'Error', connectorId: null, dataSource: 'hookdesk', source: 'system' as 'system' | 'push' | 'api' };
  const status = { ...failed, type: 'connector.status_changed', severity: 'Warning' };
  const wants = (types: string[] | 'all', event = failed) =>
    webhookMatchesEvent({ events: types === 'all' ? 'all' : types.map((type) => ({ type })), filters: {} }, event);

  it('"all" and catch-all globs do not take them', () => {
    expect(wants('all')).toBe(false);
    expect(wants('all', status)).toBe(false);
    expect(wants(['*'])).toBe(false);
    expect(wants(['*.failed'])).toBe(false);
    expect(wants(['web*'])).toBe(false);
    expect(wants(['*', 'order.*'], status)).toBe(false);
  });

  it('the exact type, or a glob that spells out the namespace, does', () => {
    expect(wants(['webhook.failed'])).toBe(true);
    expect(wants(['Webhook.Failed'])).toBe(true);
    expect(wants(['webhook.*'])).toBe(true);
    expect(wants(['connector.*'], status)).toBe(true);
    expect(wants(['connector.status_*'], status)).toBe(true);
    expect(wants(['webhook.*'], status)).toBe(false);
    expect(wants(['order.*', 'webhook.failed'])).toBe(true);
    expect(webhookMatchesEvent({ events: [{ type: 'webhook.*' }], filters: { severities: ['Info'] } }, failed)).toBe(false);
  });

  it('the same types from a sender or the API are ordinary events: "all" takes them', () => {
    expect(wants('all', { ...failed, source: 'push' as const })).toBe(true);
    expect(wants(['*'], { ...failed, source: 'api' as const })).toBe(true);
  });
});
