import { describe, expect, it } from 'vitest';
import { diffSvix, svixHasChanges, type SvixCurrentEndpoint, type SvixCurrentState } from '../../../../shared/interop/svix-diff';
import { planSvixDeployment, type SvixEndpointSpec, type SvixSourceWebhook } from '../../../../shared/interop/svix-plan';
import { WEBHOOK_DEFAULTS } from '../../../../shared/schemas/webhook';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function webhook(over: Partial<SvixSourceWebhook> & { name: string }): SvixSourceWebhook {
  return { ...WEBHOOK_DEFAULTS, url: 'https://receiver.example/in', events: [{ type: 'order.*' }], filters: {}, headers: {}, validators: [], retry: { ...WEBHOOK_DEFAULTS.retry }, ...over } as SvixSourceWebhook;
}

const PLAN = planSvixDeployment({
  appName: 'Hookdesk',
  webhooks: [webhook({ name: 'orders', signature: 'standard-webhooks', secret: SECRET, headers: { 'X-Team': 'erp' }, auth: { type: 'bearer', token: 't1' } })],
  connectors: [],
  eventTypes: [{ type: 'order.paid', origin: 'received', inferred: [{ connectorName: 'Shop', schema: { type: 'object', properties: { b: { type: 'string' }, a: { type: 'integer' } } } }] }],
  lookup: () => undefined,
});

/** The state a deployment of PLAN leaves, as the server answers it (sensitive headers by name, JSON keys in its own order). */
function deployedState(endpoint: Partial<SvixCurrentEndpoint> = {}): SvixCurrentState {
  const spec = PLAN.webhooks[0]!.endpoint as SvixEndpointSpec;
  return {
    app: { id: 'app_1', name: 'Hookdesk' },
    eventTypes: new Map([
      ['order.paid', { description: PLAN.eventTypes[0]!.description, schemas: { '1': { properties: { a: { type: 'integer' }, b: { type: 'string' } }, type: 'object' } }, archived: false, deprecated: false, groupName: null, featureFlag: null, featureFlags: null }],
    ]),
    endpoints: [
      {
        id: 'ep_1',
        uid: spec.uid,
        url: spec.url,
        description: spec.description,
        disabled: false,
        filterTypes: [...(spec.filterTypes ?? [])].reverse(),
        channels: null,
        metadata: { ...spec.metadata },
        rateLimit: 5,
        headers: { headers: { 'X-Team': 'erp' }, sensitive: ['Authorization'] },
        secret: SECRET,
        ...endpoint,
      },
    ],
  };
}

describe('diffSvix', () => {
  it('finds nothing to do on the state a deployment leaves (key order, set order and masked credentials aside)', () => {
    const changes = diffSvix(PLAN, deployedState());
    expect(changes.map((c) => `${c.kind}:${c.action}`)).toEqual(['application:unchanged', 'event type:unchanged', 'endpoint:unchanged']);
    expect(svixHasChanges(changes)).toBe(false);
  });

  it('creates everything on an empty server, application and event types first', () => {
    const changes = diffSvix(PLAN, { app: null, eventTypes: new Map(), endpoints: [] });
    expect(changes.map((c) => `${c.kind}:${c.action}`)).toEqual(['application:create', 'event type:create', 'endpoint:create']);
    expect(svixHasChanges(changes)).toBe(true);
  });

  it('names each changed field; a changed credential is seen through the fingerprint, never read back', () => {
    const rotated = planSvixDeployment({
      appName: 'Hookdesk',
      webhooks: [webhook({ name: 'orders', signature: 'standard-webhooks', secret: SECRET, headers: { 'X-Team': 'erp' }, auth: { type: 'bearer', token: 't2' } })],
      connectors: [],
      eventTypes: [{ type: 'order.paid', origin: 'received', inferred: [{ connectorName: 'Shop', schema: { type: 'object', properties: { b: { type: 'string' }, a: { type: 'integer' } } } }] }],
      lookup: () => undefined,
    });
    expect(diffSvix(rotated, deployedState()).find((c) => c.kind === 'endpoint')?.fields).toEqual(['metadata', 'headers']);
    const drifted = diffSvix(PLAN, deployedState({ url: 'https://old.example', disabled: true, secret: 'whsec_other', headers: { headers: { 'X-Team': 'ops' }, sensitive: ['Authorization'] } }));
    expect(drifted.find((c) => c.kind === 'endpoint')).toMatchObject({ action: 'update', fields: ['url', 'disabled', 'headers', 'secret'] });
    const archived = deployedState();
    archived.eventTypes.get('order.paid')!.archived = true;
    expect(diffSvix(PLAN, archived).find((c) => c.kind === 'event type')).toMatchObject({ action: 'update', fields: ['archived'] });
  });

  it('never takes over an endpoint it did not make, and names, without deleting, one whose webhook is gone', () => {
    const foreign = diffSvix(PLAN, deployedState({ metadata: {} }));
    expect(foreign.find((c) => c.kind === 'endpoint')).toMatchObject({ action: 'skip', reason: expect.stringContaining('Hookdesk did not make') as unknown });
    const state = deployedState();
    const orphan: SvixCurrentEndpoint = { ...state.endpoints[0]!, id: 'ep_2', uid: 'old', metadata: { managedBy: 'hookdesk', hookdeskWebhook: 'old' } };
    const someoneElses: SvixCurrentEndpoint = { ...state.endpoints[0]!, id: 'ep_3', uid: 'theirs', metadata: {} };
    const changes = diffSvix(PLAN, { ...state, endpoints: [...state.endpoints, orphan, someoneElses] });
    expect(changes.filter((c) => c.action === 'leave').map((c) => c.name)).toEqual(['old']);
    expect(svixHasChanges(changes)).toBe(false);
  });
});
