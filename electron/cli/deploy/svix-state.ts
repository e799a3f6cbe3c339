import { ApiException, type EndpointOut, type Svix } from 'svix';
import type { SvixCurrentEndpoint, SvixCurrentEventType, SvixCurrentState } from '../../../shared/interop/svix-diff';
import { SVIX_MANAGED_BY, SVIX_MANAGED_BY_VALUE, type SvixPlan } from '../../../shared/interop/svix-plan';

/** Pages read from one Svix list at most (250 items a page: 25,000 event types or endpoints). */
export const MAX_SVIX_PAGES = 100;
const PAGE_SIZE = 250;

/**
 * Reads what the Svix server holds for this plan through the SDK: the application (by uid), every
 * event type (with its schemas, archived ones too, since event types belong to the whole
 * organisation), the application's endpoints, and for the endpoints Hookdesk made and still plans,
 * their headers and (when the plan sets one) their secret, only to compare. Writes nothing.
 */
export async function readSvixState(svix: Svix, plan: SvixPlan): Promise<SvixCurrentState> {
  const app = await findApp(svix, plan.app.uid);
  const eventTypes = await readEventTypes(svix);
  if (app === null) return { app: null, eventTypes, endpoints: [] };

  const planned = new Map(plan.webhooks.flatMap((w) => (w.endpoint ? [[w.endpoint.uid, w.endpoint] as const] : [])));
  const endpoints: SvixCurrentEndpoint[] = [];
  for (const out of await readEndpoints(svix, app.id)) {
    const endpoint = toCurrentEndpoint(out);
    const wanted = endpoint.uid === null ? undefined : planned.get(endpoint.uid);
    if (wanted && endpoint.metadata[SVIX_MANAGED_BY] === SVIX_MANAGED_BY_VALUE) {
      const headers = await svix.endpoint.getHeaders(app.id, endpoint.id);
      endpoint.headers = { headers: headers.headers ?? {}, sensitive: headers.sensitive ?? [] };
      if (wanted.secret !== null) endpoint.secret = (await svix.endpoint.getSecret(app.id, endpoint.id)).key;
    }
    endpoints.push(endpoint);
  }
  return { app: { id: app.id, name: app.name }, eventTypes, endpoints };
}

async function findApp(svix: Svix, uid: string): Promise<{ id: string; name: string } | null> {
  try {
    const app = await svix.application.get(uid);
    return { id: app.id, name: app.name };
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return null;
    throw error;
  }
}

async function readEventTypes(svix: Svix): Promise<Map<string, SvixCurrentEventType>> {
  const types = new Map<string, SvixCurrentEventType>();
  let iterator: string | null = null;
  for (let page = 0; page < MAX_SVIX_PAGES; page += 1) {
    const list = await svix.eventType.list({ limit: PAGE_SIZE, iterator, withContent: true, includeArchived: true });
    for (const t of list.data ?? []) {
      types.set(t.name, {
        description: t.description ?? '',
        schemas: t.schemas ?? null,
        archived: t.archived === true,
        deprecated: t.deprecated === true,
        groupName: t.groupName ?? null,
        featureFlag: t.featureFlag ?? null,
        featureFlags: t.featureFlags ?? null,
      });
    }
    if (list.done || !list.iterator) return types;
    iterator = list.iterator;
  }
  throw new Error(`Svix lists more than ${MAX_SVIX_PAGES * PAGE_SIZE} event types; this command reads at most that many.`);
}

async function readEndpoints(svix: Svix, appId: string): Promise<EndpointOut[]> {
  const endpoints: EndpointOut[] = [];
  let iterator: string | null = null;
  for (let page = 0; page < MAX_SVIX_PAGES; page += 1) {
    const list = await svix.endpoint.list(appId, { limit: PAGE_SIZE, iterator });
    endpoints.push(...(list.data ?? []));
    if (list.done || !list.iterator) return endpoints;
    iterator = list.iterator;
  }
  throw new Error(`The Svix application has more than ${MAX_SVIX_PAGES * PAGE_SIZE} endpoints; this command reads at most that many.`);
}

function toCurrentEndpoint(out: EndpointOut): SvixCurrentEndpoint {
  return {
    id: out.id,
    uid: out.uid ?? null,
    url: out.url,
    description: out.description ?? '',
    disabled: out.disabled === true,
    filterTypes: out.filterTypes ?? null,
    channels: out.channels ?? null,
    metadata: out.metadata ?? {},
    rateLimit: out.throttleRate ?? out.rateLimit ?? null,
    headers: null,
    secret: null,
  };
}
