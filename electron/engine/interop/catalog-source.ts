import { SYSTEM_EVENT_TYPES, toDispatchEvent, type DispatchEvent } from '../../../shared/events/dispatch-event';
import { withFieldsOfShapes } from '../../../shared/inference/completion-sample';
import { toJsonSchema } from '../../../shared/inference/json-schema';
import { buildAsyncApiCatalog } from '../../../shared/interop/asyncapi-catalog';
import { catalogWebhookOf, type CatalogEventType, type CatalogInput } from '../../../shared/interop/catalog-input';
import { catalogText } from '../../../shared/interop/catalog-keys';
import { buildOpenApiCatalog } from '../../../shared/interop/openapi-catalog';
import { mockEvent } from '../../../shared/mock-event';
import type { StoredSchema } from '../store/schema-state';
import type { InteropSources } from './interop-module';

/**
 * The receivedTime of a mock sample (a type with no stored event): fixed, so a catalog built twice
 * from the same workspace is the same file. A type with inferred schemas uses its last-seen time.
 */
export const CATALOG_MOCK_TIME = '2026-01-01T00:00:00.000Z';

/**
 * Gathers what the catalogs describe: every known event type (of stored events, of inferred
 * schemas, Hookdesk's own, and the exact types webhooks select), its inferred schema per connector,
 * a sample (the latest stored event of the type, else a mock with every inferred field), and the
 * webhooks without their secrets. One pass over the stored events.
 */
export function gatherCatalogInput(sources: InteropSources): CatalogInput {
  const { ctx, ingest, dispatch } = sources;
  const latest = new Map<string, DispatchEvent>();
  // Newest first: the first event seen of a type is its latest.
  for (const event of ctx.store.events.list({})) if (!latest.has(event.type)) latest.set(event.type, toDispatchEvent(event));

  const schemas = new Map<string, { connectorName: string; stored: StoredSchema }[]>();
  for (const connector of ingest.connectors.all()) {
    for (const stored of ctx.store.schemas.ofConnector(connector.id)) {
      const list = schemas.get(stored.type) ?? [];
      list.push({ connectorName: connector.name, stored });
      schemas.set(stored.type, list);
    }
  }

  const webhooks = dispatch.webhooks.all();
  const types = new Set<string>([...latest.keys(), ...schemas.keys(), ...SYSTEM_EVENT_TYPES]);
  for (const webhook of webhooks) {
    if (webhook.events === 'all') continue;
    for (const selector of webhook.events) if (!/[*?]/.test(selector.type)) types.add(selector.type);
  }

  const eventTypes = [...types].map((type): CatalogEventType => {
    const inferred = schemas.get(type) ?? [];
    return {
      type,
      origin: (SYSTEM_EVENT_TYPES as readonly string[]).includes(type) ? 'system' : 'received',
      inferred: inferred.map(({ connectorName, stored }) => ({ connectorName, schema: toJsonSchema(stored.shape) })),
      sample: latest.get(type) ?? mockSample(type, inferred.map((i) => i.stored)),
    };
  });
  return { apiBaseUrl: apiBaseUrlOf(sources), eventTypes, webhooks: webhooks.map(catalogWebhookOf) };
}

function mockSample(type: string, stored: StoredSchema[]): DispatchEvent {
  if (stored.length === 0) return mockEvent({ type, now: CATALOG_MOCK_TIME });
  const now = stored.reduce((last, s) => (s.lastSeenTime > last ? s.lastSeenTime : last), stored[0]?.lastSeenTime ?? CATALOG_MOCK_TIME);
  return mockEvent({ type, now, sample: withFieldsOfShapes(stored.map((s) => s.shape.root), undefined, now) });
}

/** The management API's URL for `entityUrl`: the engine's own, or where it listens by its settings when opened offline (CLI). */
function apiBaseUrlOf({ ctx }: InteropSources): string {
  const url = ctx.baseUrl();
  if (url !== '') return url;
  const host = ctx.config.host.includes(':') ? `[${ctx.config.host}]` : ctx.config.host;
  return `http://${host}:${ctx.config.port}`;
}

export const CATALOG_FORMATS = ['openapi', 'asyncapi'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

/** The catalog file's text in one format (what the route answers and the CLI writes). */
export function catalogFile(sources: InteropSources, format: CatalogFormat): string {
  const input = gatherCatalogInput(sources);
  return catalogText(format === 'openapi' ? buildOpenApiCatalog(input) : buildAsyncApiCatalog(input));
}
