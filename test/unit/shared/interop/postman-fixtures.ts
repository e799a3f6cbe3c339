import type { DispatchEvent } from '../../../../shared/events/dispatch-event';
import type { PostmanWebhook } from '../../../../shared/interop/postman-collection';
import { WEBHOOK_DEFAULTS } from '../../../../shared/schemas/webhook';

/** A webhook as stored, defaults filled in. */
export function webhook(overrides: Partial<PostmanWebhook> & { name: string }): PostmanWebhook {
  return {
    ...WEBHOOK_DEFAULTS,
    id: `whk_${overrides.name.replace(/\W/g, '')}`,
    url: 'http://127.0.0.1:3000/hooks',
    events: [{ type: 'order.created' }],
    validators: [],
    ...overrides,
  } as PostmanWebhook;
}

/** A received order event whose body needs UTF-8 and JSON escaping. */
export const ORDER: DispatchEvent = {
  id: 'evt_0000000000000000abcd',
  type: 'order.created',
  dataSource: 'shop',
  connectorId: 'con_1',
  receivedTime: '2026-12-01T10:00:00.000Z',
  body: { id: 42, customer: { email: 'zoë@example.com', note: 'says "hi" 🚀' }, total: 12.5 },
};

