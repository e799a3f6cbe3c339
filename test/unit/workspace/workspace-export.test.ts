import { describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTOR_RESPONSE } from '../../../shared/schemas/connector';
import { webhookCreateSchema } from '../../../shared/schemas/webhook';
import { workspaceFileText } from '../../../shared/workspace/workspace-file';
import { uniqueNameParts, upperSnake } from '../../../shared/workspace/secret-variables';
import { buildWorkspaceFile } from '../../../electron/engine/workspace/workspace-export';
import type { StoredConnector, StoredWebhookConfig } from '../../../electron/engine/store/workspace-data';

const times = { createdTime: '2025-01-01T00:00:00.000Z', updatedTime: '2025-01-01T00:00:00.000Z' };

function connector(id: string, name: string, extra: Partial<StoredConnector> = {}): StoredConnector {
  return {
    id,
    name,
    dataSource: null,
    ...times,
    apiKeyHash: 'a'.repeat(64),
    captureTokenHash: 'b'.repeat(64),
    forwardTo: null,
    verification: null,
    response: DEFAULT_CONNECTOR_RESPONSE,
    typePath: null,
    retention: 10_000,
    ...extra,
  };
}

function webhook(id: string, input: Record<string, unknown>): StoredWebhookConfig {
  return { id, ...webhookCreateSchema.parse(input), ...times };
}

describe('workspace export', () => {
  it('is canonical: sorted by name, keys in schema order whatever order they were stored in, 2-space JSON with a newline', () => {
    const hooks = [
      webhook('whk_2', { url: 'https://b.example.com/', name: 'zeta', headers: { 'X-B': '1', 'X-A': '2' } }),
      webhook('whk_1', { name: 'Alpha', url: 'https://a.example.com/' }),
    ];
    const reordered = hooks.map((h) => Object.fromEntries(Object.entries(h).reverse()) as StoredWebhookConfig);
    const a = buildWorkspaceFile({ connectors: [connector('con_2', 'beta'), connector('con_1', 'Alpha')], webhooks: hooks, environments: { staging: { B: '2', A: '1' } } }, 'env');
    const b = buildWorkspaceFile({ connectors: [connector('con_1', 'Alpha'), connector('con_2', 'beta')], webhooks: reordered.reverse(), environments: { staging: { A: '1', B: '2' } } }, 'env');
    const text = workspaceFileText(a.file);
    expect(workspaceFileText(b.file)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "kind": "hookdesk.workspace",\n  "version": 1,\n');
    expect(a.file.connectors.map((c) => c.name)).toEqual(['Alpha', 'beta']);
    expect(Object.keys(a.file.webhooks[0] ?? {}).slice(0, 3)).toEqual(['name', 'url', 'method']);
    expect(text).not.toMatch(/"id"|whk_|con_|createdTime|apiKeyHash|captureToken/);
  });

  it('turns every secret into its own variable with env, and keeps an existing reference as it is', () => {
    const { file, variables } = buildWorkspaceFile(
      {
        connectors: [connector('con_1', 'Shop events', { verification: { scheme: 'shopify', secret: 'shp', verifyOn: 'capture', forwardOnlyVerified: false } })],
        webhooks: [
          webhook('whk_1', { name: 'orders', url: 'https://x.example.com/', secret: 's3cret', auth: { type: 'oauth2', tokenUrl: 'https://auth.example.com/t', clientId: 'id', clientSecret: 'cs' } }),
          webhook('whk_2', { name: 'ready', url: 'https://x.example.com/', secret: '${MY_OWN_SECRET}', auth: { type: 'apiKey', header: 'X-Key', value: 'k' } }),
        ],
        environments: { prod: { HOOKDESK_WEBHOOK_ORDERS_SECRET: 'in-env', MY_OWN_SECRET: 'x', REGION: 'eu' } },
      },
      'env',
    );
    expect(file.connectors[0]).toMatchObject({ apiKey: '${HOOKDESK_CONNECTOR_SHOP_EVENTS_API_KEY}', verification: { secret: '${HOOKDESK_CONNECTOR_SHOP_EVENTS_VERIFICATION_SECRET}' } });
    expect(file.webhooks[0]).toMatchObject({ secret: '${HOOKDESK_WEBHOOK_ORDERS_SECRET}', auth: { clientId: 'id', clientSecret: '${HOOKDESK_WEBHOOK_ORDERS_AUTH_CLIENT_SECRET}' } });
    expect(file.webhooks[1]).toMatchObject({ secret: '${MY_OWN_SECRET}', auth: { value: '${HOOKDESK_WEBHOOK_READY_AUTH_API_KEY}' } });
    expect(variables).toEqual([
      'HOOKDESK_CONNECTOR_SHOP_EVENTS_API_KEY',
      'HOOKDESK_CONNECTOR_SHOP_EVENTS_VERIFICATION_SECRET',
      'HOOKDESK_WEBHOOK_ORDERS_AUTH_CLIENT_SECRET',
      'HOOKDESK_WEBHOOK_ORDERS_SECRET',
      'HOOKDESK_WEBHOOK_READY_AUTH_API_KEY',
      'MY_OWN_SECRET',
    ]);
    // Environment values that are the secrets are not written (they are listed to set); others are.
    expect(file.environments).toEqual({ prod: { REGION: 'eu' } });
  });

  it('names variables in upper snake case, unique per kind', () => {
    expect(upperSnake('Orders v2 (EU)')).toBe('ORDERS_V2_EU');
    expect(upperSnake('Café-Bar')).toBe('CAFE_BAR');
    expect(uniqueNameParts(['a-b', 'a b', 'A_B'])).toEqual(['A_B', 'A_B_2', 'A_B_3']);
  });
});
