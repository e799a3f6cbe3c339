import { describe, expect, it } from 'vitest';
import { pickResources } from '../../../shared/workspace/pick-resources';
import type { WorkspaceFile } from '../../../shared/workspace/workspace-file';

describe('choosing what an export holds', () => {
  it('keeps the chosen connectors and webhooks, all environments, and only the variables they still reference', () => {
    const file = {
      kind: 'hookdesk.workspace',
      version: 1,
      environments: { local: { BASE: 'http://127.0.0.1:3000' } },
      connectors: [
        { name: 'shop', apiKey: '${HOOKDESK_CONNECTOR_SHOP_API_KEY}' },
        { name: 'github', apiKey: '${HOOKDESK_CONNECTOR_GITHUB_API_KEY}' },
      ],
      webhooks: [
        { name: 'orders', url: '${BASE}/orders', secret: '${HOOKDESK_WEBHOOK_ORDERS_SECRET}' },
        { name: 'refunds', url: 'http://127.0.0.1:3000/r', secret: '${HOOKDESK_WEBHOOK_REFUNDS_SECRET}' },
      ],
      variables: ['HOOKDESK_CONNECTOR_GITHUB_API_KEY', 'HOOKDESK_CONNECTOR_SHOP_API_KEY', 'HOOKDESK_WEBHOOK_ORDERS_SECRET', 'HOOKDESK_WEBHOOK_REFUNDS_SECRET'],
    } as unknown as WorkspaceFile;
    const picked = pickResources(file, { connectors: new Set(['shop']), webhooks: new Set(['orders']) });
    expect(picked.connectors.map((c) => c.name)).toEqual(['shop']);
    expect(picked.webhooks.map((w) => w.name)).toEqual(['orders']);
    expect(picked.environments).toEqual(file.environments);
    expect(picked.variables).toEqual(['HOOKDESK_CONNECTOR_SHOP_API_KEY', 'HOOKDESK_WEBHOOK_ORDERS_SECRET']);
  });
});
