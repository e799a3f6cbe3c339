import type { BuildRequestInput } from '../../shared/outbound/build-request';

export type RequestInputOverrides = Partial<Omit<BuildRequestInput, 'webhook' | 'event'>> & {
  webhook?: Partial<BuildRequestInput['webhook']>;
  event?: Partial<BuildRequestInput['event']>;
};

/**
 * What `buildOutboundRequest` takes: a plain JSON webhook (no auth, no custom headers, no secret,
 * hmac-sha1) and one order.created event, so a test names only the fields it is about.
 */
export function requestInput(overrides: RequestInputOverrides = {}): BuildRequestInput {
  return {
    apiBaseUrl: 'http://127.0.0.1:8787',
    timestampSeconds: 1_700_000_000,
    ...overrides,
    webhook: {
      id: 'whk_1',
      name: 'W',
      url: 'http://127.0.0.1:3000/in',
      method: 'POST',
      contentType: 'application/json',
      includeEntity: true,
      bodyTemplate: null,
      jsonPayloadEnabled: false,
      auth: { type: 'none' },
      headers: {},
      secret: null,
      signature: 'hmac-sha1',
      ...overrides.webhook,
    },
    event: { id: 'evt_1', type: 'order.created', dataSource: 'generic', receivedTime: '2026-01-01T00:00:00.000Z', body: { id: 1 }, connectorId: null, ...overrides.event },
  };
}
