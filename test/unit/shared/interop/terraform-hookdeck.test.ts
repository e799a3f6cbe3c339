import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { terraformForHookdeck } from '../../../../shared/interop/terraform-hookdeck';
import { connectionFilter, globCondition } from '../../../../shared/interop/terraform-hookdeck-filter';
import { escapeHclText, hookdeckName, terraformLabel } from '../../../../shared/interop/terraform-hookdeck-hcl';
import { templateBodyExpression, transformationFor } from '../../../../shared/interop/terraform-hookdeck-transform';
import { renderTemplate } from '../../../../shared/template/render-template';
import { workspaceFileSchema, type WorkspaceFileInput } from '../../../../shared/workspace/workspace-file';
import { readJsonencode, type Read } from './terraform-hcl-reader';

// HashiCorp's own HCL parser (hcl2json, Go compiled to wasm): the file must be valid HCL to parse at all.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as { parse: (name: string, text: string) => Promise<Parsed> };

type Block = Record<string, unknown>;
interface Parsed {
  terraform?: Array<{ required_providers?: Array<Record<string, { source: string; version: string }>> }>;
  provider?: Record<string, unknown[]>;
  variable?: Record<string, Block[]>;
  resource?: Record<string, Record<string, Block[]>>;
}

function workspace(input: Partial<WorkspaceFileInput>) {
  return workspaceFileSchema.parse({ kind: 'hookdesk.workspace', version: 1, ...input });
}

const CLEAR_SECRETS = ['clear-hmac-secret-0001', 'clear-basic-password-0002', 'clear-bearer-Authorization-0003'];

/** A workspace with one of most things: verification of each kind, forwarding, filters, templates, secrets as references and in clear. */
const RICH = workspace({
  connectors: [
    {
      name: 'GitHub main',
      dataSource: 'GitHub',
      verification: { scheme: 'github', secret: '${GH_SECRET}' },
      forwardTo: { url: 'http://127.0.0.1:3000/${APP_PATH}' },
      apiKey: '${HOOKDESK_CONNECTOR_GITHUB_MAIN_API_KEY}',
    },
    { name: 'Stripe billing', dataSource: 'Stripe', verification: { scheme: 'stripe', secret: '${STRIPE_SECRET}' } },
    {
      name: 'orders',
      typePath: '$.kind',
      verification: { scheme: 'hmac', secret: CLEAR_SECRETS[0] ?? '', algorithm: 'sha256', encoding: 'base64', header: 'X-Sig' },
      response: { status: 200, headers: { 'content-type': 'application/xml' }, body: '<ok/>', delayMs: 0 },
    },
    { name: 'sw', verification: { scheme: 'standard-webhooks', secret: '${SW_SECRET}' } },
  ],
  webhooks: [
    {
      name: 'ERP sync',
      url: 'https://erp.example.com/in?tenant=${TENANT}',
      method: 'POST',
      auth: { type: 'basic', username: 'erp', password: CLEAR_SECRETS[1] ?? '' },
      headers: { 'X-Team': 'core $${literal} %{x}', Authorization: CLEAR_SECRETS[2] ?? '' },
      events: [{ type: 'order.*' }, { type: 'invoice.paid' }],
      filters: { connectors: ['orders'] },
      bodyTemplate: '{"id": {{data.id}}, "who": "n-{{data.user.name}}", "raw": {{json data.items}}, "hook": "{{webhook.name}}"}',
      retry: { maxAttempts: 6, backoff: 'exponential', initialDelaySeconds: 5, maxDelaySeconds: 300, jitter: 0.2 },
    },
    {
      name: 'chat',
      url: 'https://chat.example.com/hook',
      auth: { type: 'bearer', token: '${CHAT_TOKEN}' },
      events: [{ type: 'push' }, { type: 'charge.*' }],
      bodyTemplate: '{"text": "{{eventType}}"}',
      secret: '${CHAT_SIGNING}',
      validators: [{ path: '$.ok', expected: [true] }],
      retry: { maxAttempts: 3, backoff: 'fixed', initialDelaySeconds: 2, maxDelaySeconds: 10, jitter: 0 },
    },
  ],
});

async function generate(file = RICH) {
  const result = terraformForHookdeck(file);
  const parsed = await parse('main.tf', result.text);
  return { ...result, parsed };
}

function resource(parsed: Parsed, type: string, label: string): Block {
  const block = parsed.resource?.[type]?.[label]?.[0];
  if (!block) throw new Error(`no ${type}.${label} in ${JSON.stringify(Object.keys(parsed.resource?.[type] ?? {}))}`);
  return block;
}

describe('Terraform for Hookdeck (parsed back with HashiCorp HCL)', () => {
  it('declares the provider with its registry source and a 2.x constraint, and names the version it was written for', async () => {
    const { text, parsed } = await generate();
    expect(text.split('\n')[1]).toContain('terraform-provider-hookdeck v2.2.1');
    const hookdeck = parsed.terraform?.[0]?.required_providers?.[0]?.hookdeck;
    expect(hookdeck).toEqual({ source: 'hookdeck/hookdeck', version: '>= 2.2.1, < 3.0.0' });
    expect(parsed.provider?.hookdeck).toHaveLength(1);
  });

  it('writes a source per connector with its verification type and auth, the secret a variable', async () => {
    const { parsed } = await generate();
    const github = resource(parsed, 'hookdeck_source', 'github_main');
    expect(github.name).toBe('GitHub-main');
    expect(github.type).toBe('GITHUB');
    expect(readJsonencode(github.config)).toEqual({ auth: { webhook_secret_key: { var: 'GH_SECRET' } } });
    expect(resource(parsed, 'hookdeck_source', 'stripe_billing').type).toBe('STRIPE');
    expect(resource(parsed, 'hookdeck_source', 'sw').type).toBe('SVIX');
    const orders = resource(parsed, 'hookdeck_source', 'orders');
    expect(orders.type).toBe('WEBHOOK');
    expect(readJsonencode(orders.config)).toEqual({
      auth_type: 'HMAC',
      auth: { algorithm: 'sha256', encoding: 'base64', header_key: 'x-sig', webhook_secret_key: { var: 'HOOKDESK_CONNECTOR_ORDERS_VERIFICATION_SECRET' } },
      custom_response: { content_type: 'xml', body: '<ok/>' },
    });
  });

  it('every secret is a sensitive variable with no default, and no secret written in clear appears anywhere', async () => {
    const { text, parsed, variables } = await generate();
    for (const secret of CLEAR_SECRETS) expect(text).not.toContain(secret);
    const declared = parsed.variable ?? {};
    for (const name of ['GH_SECRET', 'STRIPE_SECRET', 'SW_SECRET', 'CHAT_TOKEN', 'HOOKDESK_CONNECTOR_ORDERS_VERIFICATION_SECRET', 'HOOKDESK_WEBHOOK_ERP_SYNC_AUTH_PASSWORD', 'HOOKDESK_WEBHOOK_ERP_SYNC_HEADER_AUTHORIZATION']) {
      expect(declared[name]?.[0], name).toMatchObject({ sensitive: true, type: '${string}' });
      expect(declared[name]?.[0], name).not.toHaveProperty('default');
    }
    // Variables in plain fields (URLs) are variables too, not sensitive.
    expect(declared.TENANT?.[0]).not.toHaveProperty('sensitive');
    expect(declared.APP_PATH?.[0]).not.toHaveProperty('default');
    // Only what the file uses is declared: the push key and the unmappable signing secret are not.
    expect(Object.keys(declared)).not.toContain('HOOKDESK_CONNECTOR_GITHUB_MAIN_API_KEY');
    expect(Object.keys(declared)).not.toContain('CHAT_SIGNING');
    expect(variables.map((v) => v.name).sort()).toEqual(Object.keys(declared).sort());
  });

  it('writes destinations for webhooks (URL, method, auth) and for forward targets, with path forwarding as Hookdesk does it', async () => {
    const { parsed } = await generate();
    const erp = resource(parsed, 'hookdeck_destination', 'erp_sync');
    expect(erp.type).toBe('HTTP');
    expect(readJsonencode(erp.config)).toEqual({
      url: { template: ['https://erp.example.com/in?tenant=', { var: 'TENANT' }] },
      http_method: 'POST',
      path_forwarding_disabled: true,
      auth_type: 'BASIC_AUTH',
      auth: { username: 'erp', password: { var: 'HOOKDESK_WEBHOOK_ERP_SYNC_AUTH_PASSWORD' } },
    });
    expect(readJsonencode(resource(parsed, 'hookdeck_destination', 'chat').config)).toMatchObject({ auth_type: 'BEARER_TOKEN', auth: { token: { var: 'CHAT_TOKEN' } } });
    const forward = resource(parsed, 'hookdeck_destination', 'github_main_forward');
    expect(readJsonencode(forward.config)).toEqual({ url: { template: ['http://127.0.0.1:3000/', { var: 'APP_PATH' }] } });
    const forwardConnection = resource(parsed, 'hookdeck_connection', 'github_main_forward');
    expect(forwardConnection).toMatchObject({ source_id: '${hookdeck_source.github_main.id}', destination_id: '${hookdeck_destination.github_main_forward.id}' });
  });

  it('connects each routed connector to its webhook: filter on the type where that connector keeps it, then transform, then retry', async () => {
    const { parsed } = await generate();
    const connections = parsed.resource?.hookdeck_connection ?? {};
    // ERP sync is filtered to the orders connector; chat takes every connector.
    expect(Object.keys(connections).sort()).toEqual(['github_main_forward', 'github_main_to_chat', 'orders_to_chat', 'orders_to_erp_sync', 'stripe_billing_to_chat', 'sw_to_chat']);
    const erp = connections.orders_to_erp_sync?.[0] as { source_id: string; destination_id: string; rules: Array<Record<string, Record<string, unknown>>> };
    expect(erp.source_id).toBe('${hookdeck_source.orders.id}');
    expect(erp.destination_id).toBe('${hookdeck_destination.erp_sync.id}');
    expect(erp.rules.map((rule) => Object.keys(rule)[0])).toEqual(['filter_rule', 'transform_rule', 'retry_rule']);
    const body = erp.rules[0]?.filter_rule?.body as { json: string };
    expect(readJsonencode(body.json)).toEqual({ kind: { $or: [{ $startsWith: 'order.' }, 'invoice.paid'] } });
    expect(erp.rules[1]?.transform_rule).toEqual({ transformation_id: '${hookdeck_transformation.erp_sync.id}' });
    expect(erp.rules[2]?.retry_rule).toEqual({ strategy: 'exponential', count: 5, interval: 5000 });

    const github = connections.github_main_to_chat?.[0] as { rules: Array<Record<string, Record<string, { json: string }>>> };
    // GitHub's type is "<X-GitHub-Event>.<action>": "charge.*" is the event "charge" in the header.
    expect(readJsonencode(github.rules[0]?.filter_rule?.headers?.json)).toEqual({ 'x-github-event': { $or: ['push', 'charge'] } });
    expect(github.rules[1]?.retry_rule).toEqual({ strategy: 'linear', count: 2, interval: 2000 });
    const stripe = connections.stripe_billing_to_chat?.[0] as { rules: Array<Record<string, Record<string, { json: string }>>> };
    expect(readJsonencode(stripe.rules[0]?.filter_rule?.body?.json)).toEqual({ type: { $or: ['push', { $startsWith: 'charge.' }] } });
    // A connector without a known type location: any of the usual fields.
    const sw = connections.sw_to_chat?.[0] as { rules: Array<Record<string, Record<string, { json: string }>>> };
    const swFilter = readJsonencode(sw.rules[0]?.filter_rule?.body?.json) as { $or: Read[] };
    expect(swFilter.$or).toHaveLength(5);
    expect(swFilter.$or[2]).toEqual({ type: { $or: ['push', { $startsWith: 'charge.' }] } });
  });

  it('a transformation rebuilds the body exactly as Hookdesk renders the template, and sets the headers (secret ones from its env)', async () => {
    const { parsed } = await generate();
    const block = resource(parsed, 'hookdeck_transformation', 'erp_sync');
    expect(block.name).toBe('ERP-sync');
    expect(block.lifecycle).toEqual([{ create_before_destroy: true }]);
    expect(readJsonencode(block.env)).toEqual({
      HEADER_AUTHORIZATION: { var: 'HOOKDESK_WEBHOOK_ERP_SYNC_HEADER_AUTHORIZATION' },
      HEADER_X_TEAM: 'core ${literal} %{x}',
    });
    // The heredoc's HCL escapes undone, as Terraform does, then the code run as Hookdeck runs it.
    const code = String(block.code).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    const webhook = RICH.webhooks.find((w) => w.name === 'ERP sync');
    const body = { id: 42, user: { name: 'Ann "A" \\ B' }, items: [1, { a: null }], extra: true };
    const request = runTransformation(code, { headers: { 'content-type': 'text/plain' }, body }, { HEADER_AUTHORIZATION: 'Bearer t', HEADER_X_TEAM: 'core ${literal} %{x}' });
    const rendered = renderTemplate(webhook?.bodyTemplate ?? '', { data: body, webhook: { name: 'ERP sync' } }, 'json');
    if (!rendered.ok) throw new Error(rendered.error.message);
    expect(request.body).toEqual(JSON.parse(rendered.text));
    expect(request.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer t', 'x-team': 'core ${literal} %{x}' });
  });

  it('writes what does not map as comments beside the resource, and lists the same in notes', async () => {
    const { text, notes } = await generate();
    const subjects = (part: string) => notes.filter((n) => n.text.includes(part)).map((n) => n.subject);
    expect(subjects('hex HMAC-SHA1')).toEqual(['webhook "chat"']);
    expect(subjects('response validators')).toEqual(['webhook "chat"']);
    expect(subjects('not a simple mapping')).toEqual(['webhook "chat"']);
    expect(subjects('push API key')).toEqual(['connector "GitHub main"']);
    expect(subjects('envelope')).toEqual([]);
    for (const note of notes) expect(text).toContain(`# Not mapped: ${note.text.split('\n')[0]}`);
    // The chat template names the event type, which the transformation cannot see: no transformation for it.
    expect(text).not.toContain('resource "hookdeck_transformation" "chat"');
  });

  it('is deterministic: the same bytes for the same workspace in any order; names valid and unique', async () => {
    const a = terraformForHookdeck(RICH).text;
    const shuffled = workspace({ ...RICH, connectors: [...RICH.connectors].reverse(), webhooks: [...RICH.webhooks].reverse() });
    expect(terraformForHookdeck(shuffled).text).toBe(a);
    const clash = workspace({ webhooks: [{ name: 'a b', url: 'https://x.example/1' }, { name: 'a-b', url: 'https://x.example/2' }, { name: '9 lives', url: 'https://x.example/3' }, { name: 'Ünïcode', url: 'https://x.example/4' }] });
    const { parsed } = await generate(clash);
    const labels = Object.keys(parsed.resource?.hookdeck_destination ?? {});
    expect(labels.sort()).toEqual(['a_b', 'a_b_2', 'r_9_lives', 'unicode']);
    const names = labels.map((label) => resource(parsed, 'hookdeck_destination', label).name as string);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,155}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('an empty workspace is still a valid file with the provider', async () => {
    const { parsed, notes } = await generate(workspace({}));
    expect(parsed.terraform).toHaveLength(1);
    expect(parsed.resource).toBeUndefined();
    expect(notes).toEqual([]);
  });
});

describe('Terraform pieces', () => {
  it('escapes HCL template sequences and quotes; identifiers and names are valid', () => {
    expect(escapeHclText('a ${b} %{c} "d" \\ \n')).toBe('a $${b} %%{c} \\"d\\" \\\\ \\n');
    expect(escapeHclText('$ {x} % $$')).toBe('$ {x} % $$');
    expect(terraformLabel('Orders v2 (EU)')).toBe('orders_v2_eu');
    expect(terraformLabel('---')).toBe('unnamed');
    expect(hookdeckName('Orders v2 (EU)')).toBe('Orders-v2-EU');
  });

  it('type globs: exact, prefix and suffix map; other patterns are reported', () => {
    expect(globCondition('a.b')).toBe('a.b');
    expect(globCondition('a.*')).toEqual({ $startsWith: 'a.' });
    expect(globCondition('*.failed')).toEqual({ $endsWith: '.failed' });
    expect(globCondition('*')).toBe('all');
    expect(globCondition('a.*.b')).toBeNull();
    expect(globCondition('a?')).toBeNull();
    const filter = connectionFilter({ events: [{ type: 'a.*.b' }, { type: 'connector.status_changed' }] }, { typePath: null, dataSource: null });
    expect(filter.reachable).toBe(false);
    expect(filter.notes.join(' ')).toContain('a.*.b');
    expect(filter.notes.join(' ')).toContain('system events');
    const all = connectionFilter({ events: [{ type: 'x' }, { type: '*' }] }, { typePath: '$.t', dataSource: null });
    expect(all).toMatchObject({ rule: null, reachable: true });
    const complexPath = connectionFilter({ events: [{ type: 'x' }] }, { typePath: '$.a[0].t', dataSource: null });
    expect(complexPath.rule).toBeNull();
    expect(complexPath.notes.join(' ')).toContain('$.a[0].t');
  });

  it('templates: only field references map; sections, envelope fields and broken JSON say why', () => {
    expect(templateBodyExpression('{"a": {{data.a}}}', 'w').ok).toBe(true);
    const reasons = ['{"a": [{{#data.items}}{{.}}{{/data.items}}]}', '{"id": "{{eventId}}"}', '{"a": {{data.a}}{{data.b}}}', '{"{{data.k}}": 1}'].map((t) => {
      const r = templateBodyExpression(t, 'w');
      return r.ok ? 'ok' : r.reason;
    });
    expect(reasons[0]).toContain('section');
    expect(reasons[1]).toContain('eventId');
    expect(reasons[2]).toContain('not one JSON value');
    expect(reasons[3]).toContain('key');
    expect(transformationFor({ name: 'w', bodyTemplate: '{"a": 1}', contentType: 'application/x-www-form-urlencoded', headers: {}, jsonPayloadEnabled: false }).bodyNote).toContain('form');
  });

  it('hostile text in a template round-trips through the generated code as Hookdesk renders it', () => {
    const template = '{"s": "pre {{data.s}} post", "j": "{{json data.o}}", "v": {{data.missing}}, "n": {{data.n}}}';
    const built = templateBodyExpression(template, 'w');
    if (!built.ok) throw new Error(built.reason);
    const code = transformationFor({ name: 'w', bodyTemplate: template, contentType: 'application/json', headers: {}, jsonPayloadEnabled: false }).code ?? '';
    for (const s of ['He said "hi"', 'back\\slash', 'line1\nline2', '"}], "injected": true, "x": ["', 'emoji 😀 \u2028']) {
      const data = { s, o: { s, list: [1, 2] }, n: 3.5 };
      const rendered = renderTemplate(template, { data, webhook: { name: 'w' } }, 'json');
      if (!rendered.ok) throw new Error(rendered.error.message);
      expect(runTransformation(code, { headers: {}, body: data }, {}).body).toEqual(JSON.parse(rendered.text));
    }
  });
});

/** Runs transformation code the way Hookdeck does: `addHandler("transform", fn)`, then `fn(request, context)`. */
function runTransformation(code: string, request: { headers: Record<string, string>; body: unknown }, env: Record<string, string>): { headers: Record<string, string>; body: unknown } {
  let handler: ((req: unknown, context: unknown) => unknown) | null = null;
  runInNewContext(code, {
    addHandler: (name: string, fn: (req: unknown, context: unknown) => unknown) => {
      if (name === 'transform') handler = fn;
    },
  });
  if (handler === null) throw new Error('no transform handler');
  const run = handler as (req: unknown, context: unknown) => unknown;
  // Through JSON both ways: the request crosses into and out of the sandbox as Hookdeck's does.
  return JSON.parse(JSON.stringify(run(JSON.parse(JSON.stringify(request)), { env }))) as { headers: Record<string, string>; body: unknown };
}
