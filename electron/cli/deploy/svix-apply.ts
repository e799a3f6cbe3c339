import { ApiException, type Svix } from 'svix';
import { ENDPOINT_BODY_FIELDS, type SvixChange, type SvixCurrentState } from '../../../shared/interop/svix-diff';
import type { SvixEndpointSpec, SvixPlan } from '../../../shared/interop/svix-plan';

/** One change as it went: done, or failed with the server's reason (the others still run). */
export interface SvixOutcome {
  change: SvixChange;
  error: string | null;
}

/**
 * Makes the changes `diffSvix` found, in its order, through the SDK: the application first (every
 * other call needs it, so its failure stops the run), then event types, then endpoints (create
 * with everything; update with PUT of the endpoint, PUT of its headers and a secret rotation, each
 * only when those fields changed). Unchanged, skipped and left resources get no call at all.
 * A failing event type or endpoint fails alone, with the reason.
 */
export async function applySvixChanges(svix: Svix, plan: SvixPlan, current: SvixCurrentState, changes: readonly SvixChange[]): Promise<SvixOutcome[]> {
  const outcomes: SvixOutcome[] = [];
  let appId = current.app?.id ?? null;
  for (const change of changes) {
    if (change.action !== 'create' && change.action !== 'update') {
      outcomes.push({ change, error: null });
      continue;
    }
    try {
      if (change.kind === 'application') {
        appId = change.action === 'create'
          ? (await svix.application.getOrCreate({ name: plan.app.name, uid: plan.app.uid })).id
          : (await svix.application.patch(appId as string, { name: plan.app.name })).id;
      } else if (change.kind === 'event type') {
        await writeEventType(svix, plan, current, change);
      } else {
        if (appId === null) throw new Error('the Svix application could not be found or made');
        await writeEndpoint(svix, appId, change);
      }
      outcomes.push({ change, error: null });
    } catch (error) {
      outcomes.push({ change, error: describeSvixError(error) });
      if (change.kind === 'application') break;
    }
  }
  return outcomes;
}

async function writeEventType(svix: Svix, plan: SvixPlan, current: SvixCurrentState, change: SvixChange): Promise<void> {
  const spec = plan.eventTypes.find((t) => t.name === change.name);
  if (!spec) throw new Error('not in the plan');
  if (change.action === 'create') {
    await svix.eventType.create({ name: spec.name, description: spec.description, schemas: spec.schemas });
    return;
  }
  const found = current.eventTypes.get(spec.name);
  await svix.eventType.update(spec.name, {
    description: spec.description,
    schemas: spec.schemas,
    archived: false,
    // Not ours: kept as they are (a PUT would reset them).
    deprecated: found?.deprecated ?? false,
    groupName: found?.groupName ?? null,
    featureFlag: found?.featureFlag ?? null,
    ...(found?.featureFlags ? { featureFlags: found.featureFlags } : {}),
  });
}

async function writeEndpoint(svix: Svix, appId: string, change: SvixChange): Promise<void> {
  const spec = change.endpoint as SvixEndpointSpec;
  if (change.action === 'create') {
    await svix.endpoint.create(appId, {
      ...endpointBody(spec),
      ...(spec.secret !== null ? { secret: spec.secret } : {}),
      ...(Object.keys(spec.headers).length > 0 ? { headers: spec.headers } : {}),
    });
    return;
  }
  if (change.fields.some((f) => (ENDPOINT_BODY_FIELDS as readonly string[]).includes(f))) {
    await svix.endpoint.update(appId, spec.uid, { ...endpointBody(spec), rateLimit: change.current?.rateLimit ?? null });
  }
  if (change.fields.includes('headers')) await svix.endpoint.updateHeaders(appId, spec.uid, { headers: spec.headers });
  // The old secret stays valid for Svix's grace period (24 h), so receivers can switch over.
  if (change.fields.includes('secret') && spec.secret !== null) await svix.endpoint.rotateSecret(appId, spec.uid, { key: spec.secret });
}

function endpointBody(spec: SvixEndpointSpec) {
  return {
    uid: spec.uid,
    url: spec.url,
    description: spec.description,
    disabled: spec.disabled,
    filterTypes: spec.filterTypes,
    channels: spec.channels,
    metadata: spec.metadata,
  };
}

/** The Svix server's answer in one line (`{code, detail}` or a validation list), never the request. */
export function describeSvixError(error: unknown): string {
  if (error instanceof ApiException) {
    const body: unknown = error.body;
    let detail = '';
    if (typeof body === 'string') detail = body.slice(0, 300);
    else if (typeof body === 'object' && body !== null && 'detail' in body) {
      const d = (body as { detail: unknown }).detail;
      if (typeof d === 'string') detail = d;
      else if (Array.isArray(d)) {
        detail = d
          .slice(0, 5)
          .map((item: { loc?: unknown; msg?: unknown }) => `${Array.isArray(item.loc) ? item.loc.join('.') : ''}: ${typeof item.msg === 'string' ? item.msg : ''}`)
          .join('; ');
      }
    }
    return `Svix answered ${error.code}${detail ? `: ${detail}` : ''}`;
  }
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code === 'ECONNREFUSED' ? `nothing answers at the Svix server URL (${error.message})` : error.message;
  }
  return String(error);
}
