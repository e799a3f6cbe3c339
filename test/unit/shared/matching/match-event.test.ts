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
