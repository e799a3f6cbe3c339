import { describe, expect, it } from 'vitest';
import { discoverDataSource } from '../../../electron/engine/ingest/tagging/data-source';
import { discoverType, typeAtPath } from '../../../electron/engine/ingest/tagging/event-type';

describe('discoverDataSource', () => {
  const cases: [string, Record<string, string>, unknown, string][] = [
    ['GitHub event header', { 'x-github-event': 'push' }, {}, 'GitHub'],
    ['GitHub signature', { 'x-hub-signature-256': 'sha256=ab' }, {}, 'GitHub'],
    ['Stripe', { 'stripe-signature': 't=1,v1=x' }, {}, 'Stripe'],
    ['Shopify', { 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': 'x' }, {}, 'Shopify'],
    ['Slack', { 'x-slack-signature': 'v0=abc', 'x-slack-request-timestamp': '1' }, {}, 'Slack'],
    ['CloudEvents binary mode', { 'ce-specversion': '1.0', 'ce-type': 'x' }, {}, 'CloudEvents'],
    ['CloudEvents structured mode', {}, { specversion: '1.0', type: 'com.x', source: '/s', id: '1' }, 'CloudEvents'],
    ['CloudEvents content type', { 'content-type': 'application/cloudevents+json' }, {}, 'CloudEvents'],
    ['AWS SNS header', { 'x-amz-sns-message-type': 'Notification' }, {}, 'AWS SNS'],
    ['AWS SNS body', {}, { Type: 'Notification', TopicArn: 'arn:aws:sns:eu:1:t' }, 'AWS SNS'],
    ['Standard Webhooks', { 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' }, {}, 'Standard Webhooks'],
    ['Svix', { 'svix-id': 'msg_1', 'svix-signature': 'v1,x' }, {}, 'Standard Webhooks'],
    ['GitLab', { 'x-gitlab-event': 'Push Hook' }, {}, 'GitLab'],
    ['Jira', {}, { webhookEvent: 'jira:issue_created' }, 'Jira'],
    ['webhook-id alone is not enough', { 'webhook-id': 'x' }, {}, 'generic'],
    ['nothing known', { 'content-type': 'application/json', 'user-agent': 'curl/8' }, { a: 1 }, 'generic'],
    ['a non-object body', {}, 'text', 'generic'],
  ];
  it.each(cases)('%s', (_label, headers, body, expected) => {
    expect(discoverDataSource(headers, body)).toBe(expected);
  });
});

describe('discoverType', () => {
  it('tries event_type, eventType, type, event, action in that order', () => {
    expect(discoverType('generic', {}, { action: 'a', event: 'e', type: 't', eventType: 'et', event_type: 'e_t' }, null)).toBe('e_t');
    expect(discoverType('generic', {}, { action: 'a', event: 'e', type: 't', eventType: 'et' }, null)).toBe('et');
    expect(discoverType('generic', {}, { action: 'a', event: 'e', type: 't' }, null)).toBe('t');
    expect(discoverType('generic', {}, { action: 'a', event: 'e' }, null)).toBe('e');
    expect(discoverType('generic', {}, { action: 'a' }, null)).toBe('a');
    expect(discoverType('generic', {}, { other: 1 }, null)).toBe('generic');
  });

  it('skips values that are not scalars or are blank', () => {
    expect(discoverType('generic', {}, { event_type: '  ', type: { nested: 1 }, event: 'used' }, null)).toBe('used');
    expect(discoverType('generic', {}, { type: 42 }, null)).toBe('42');
    expect(discoverType('generic', {}, null, null)).toBe('generic');
    expect(discoverType('generic', {}, 'text body', null)).toBe('generic');
  });

  it('combines the GitHub event header with the action', () => {
    expect(discoverType('GitHub', { 'x-github-event': 'issues' }, { action: 'opened' }, null)).toBe('issues.opened');
    expect(discoverType('GitHub', { 'x-github-event': 'push' }, { ref: 'refs/heads/main' }, null)).toBe('push');
  });

  it('reads the sender conventions of CloudEvents, SNS, Shopify, Slack and Jira', () => {
    expect(discoverType('CloudEvents', { 'ce-type': 'com.header' }, { type: 'body' }, null)).toBe('com.header');
    expect(discoverType('CloudEvents', {}, { specversion: '1.0', type: 'com.body' }, null)).toBe('com.body');
    expect(discoverType('AWS SNS', {}, { Type: 'SubscriptionConfirmation' }, null)).toBe('SubscriptionConfirmation');
    expect(discoverType('Shopify', { 'x-shopify-topic': 'orders/create' }, {}, null)).toBe('orders/create');
    expect(discoverType('Slack', {}, { type: 'event_callback', event: { type: 'app_mention' } }, null)).toBe('app_mention');
    expect(discoverType('Slack', {}, { type: 'url_verification' }, null)).toBe('url_verification');
    expect(discoverType('Jira', {}, { webhookEvent: 'jira:issue_updated' }, null)).toBe('jira:issue_updated');
  });

  it('prefers the connector JSONPath, and falls back when it finds nothing', () => {
    const body = { data: { object: { kind: 'deep' } }, items: [{ t: 'first' }, { t: 'second' }], type: 'top' };
    expect(discoverType('generic', {}, body, '$.data.object.kind')).toBe('deep');
    expect(discoverType('generic', {}, body, '$.items[1].t')).toBe('second');
    expect(discoverType('generic', {}, body, '$.items[*].t')).toBe('first');
    expect(discoverType('generic', {}, body, '$.missing')).toBe('top');
    expect(discoverType('generic', {}, body, '$[')).toBe('top');
  });

  it('cuts very long types', () => {
    expect(discoverType('generic', {}, { type: 'x'.repeat(500) }, null)).toHaveLength(200);
  });

  it('typeAtPath ignores non-object bodies', () => {
    expect(typeAtPath('text', '$.a')).toBeNull();
    expect(typeAtPath(null, '$.a')).toBeNull();
  });
});
