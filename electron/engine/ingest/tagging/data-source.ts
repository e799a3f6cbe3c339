/** Headers as stored on an event: lower-case names, one string value each. */
export type EventHeaders = Readonly<Record<string, string>>;

export const GENERIC = 'generic';

type Rule = { dataSource: string; matches: (headers: EventHeaders, body: unknown) => boolean };

const has = (headers: EventHeaders, name: string): boolean => headers[name] !== undefined;
const anyStartsWith = (headers: EventHeaders, prefix: string): boolean => Object.keys(headers).some((name) => name.startsWith(prefix));
const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;

/**
 * Senders recognized by their signature or event headers (and, for CloudEvents in structured
 * mode and SNS, by the body). First match wins: the specific senders come before the generic
 * signing schemes that several of them share.
 */
const RULES: readonly Rule[] = [
  { dataSource: 'GitHub', matches: (h) => has(h, 'x-github-event') || has(h, 'x-hub-signature-256') || has(h, 'x-github-delivery') },
  { dataSource: 'GitLab', matches: (h) => has(h, 'x-gitlab-event') || has(h, 'x-gitlab-token') },
  { dataSource: 'Stripe', matches: (h) => has(h, 'stripe-signature') },
  { dataSource: 'Shopify', matches: (h) => anyStartsWith(h, 'x-shopify-') },
  { dataSource: 'Slack', matches: (h) => has(h, 'x-slack-signature') || has(h, 'x-slack-request-timestamp') },
  { dataSource: 'Twilio', matches: (h) => has(h, 'x-twilio-signature') },
  { dataSource: 'SendGrid', matches: (h) => has(h, 'x-twilio-email-event-webhook-signature') },
  { dataSource: 'PagerDuty', matches: (h) => has(h, 'x-pagerduty-signature') },
  {
    dataSource: 'Jira',
    matches: (h, b) => has(h, 'x-atlassian-webhook-identifier') || String(field(b, 'webhookEvent') ?? '').startsWith('jira:'),
  },
  {
    dataSource: 'AWS SNS',
    matches: (h, b) => has(h, 'x-amz-sns-message-type') || (typeof field(b, 'TopicArn') === 'string' && typeof field(b, 'Type') === 'string'),
  },
  {
    dataSource: 'CloudEvents',
    matches: (h, b) =>
      has(h, 'ce-specversion') ||
      (h['content-type'] ?? '').toLowerCase().startsWith('application/cloudevents') ||
      (typeof field(b, 'specversion') === 'string' && typeof field(b, 'type') === 'string'),
  },
  {
    dataSource: 'Standard Webhooks',
    matches: (h) => (has(h, 'webhook-id') && has(h, 'webhook-signature')) || (has(h, 'svix-id') && has(h, 'svix-signature')),
  },
];

/** The data source a request looks like it came from, or "generic". Pure. */
export function discoverDataSource(headers: EventHeaders, body: unknown): string {
  for (const rule of RULES) if (rule.matches(headers, body)) return rule.dataSource;
  return GENERIC;
}
