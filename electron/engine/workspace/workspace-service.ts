import { findVariables, resolveVariables, type VariableLookup } from '../../../shared/env/resolve-variables';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { webhookNameKey } from '../../../shared/schemas/webhook';
import { parseOrThrow } from '../../../shared/validation';
import { changedFields } from '../../../shared/workspace/field-diff';
import { connectorSecretFields, keepStoredSecrets, webhookSecretFields } from '../../../shared/workspace/stored-secrets';
import { workspaceFileSchema, type WorkspaceConnector, type WorkspaceFile, type WorkspaceWebhook } from '../../../shared/workspace/workspace-file';
import type { GeneratedConnectorKey, SecretNote, WorkspaceChange, WorkspacePlan } from '../../../shared/workspace/workspace-plan';
import type { EngineContext } from '../engine-context';
import type { EnvironmentService } from '../environments/environment-service';
import type { WebhookService } from '../dispatch/webhook-service';
import { hashSecretHex } from '../ingest/connector-secrets';
import type { ConnectorService } from '../ingest/connector-service';
import { canonicalDataSource, connectorIdentity } from '../ingest/connector-view';
import type { StoredConnector, StoredWebhookConfig } from '../store/workspace-data';
import { buildWorkspaceFile, connectorToFile, webhookToFile, type SecretHandling } from './workspace-export';

export type { SecretHandling } from './workspace-export';

export interface WorkspaceDeps {
  ctx: Pick<EngineContext, 'store' | 'log'>;
  connectors: ConnectorService;
  webhooks: WebhookService;
  environments: EnvironmentService;
}

interface ConnectorStep {
  change: WorkspaceChange;
  /** The file's connector as it is applied: a stored secret kept where the file's reference cannot resolve. */
  file: WorkspaceConnector | null;
  stored: StoredConnector | null;
  /** The push key the file sets (its reference resolved), or null when it sets none or its variable is unset. */
  apiKey: string | null;
}

interface WebhookStep {
  change: WorkspaceChange;
  /** The file's webhook as it is applied (stored secrets kept, as for connectors). */
  file: WorkspaceWebhook | null;
  stored: StoredWebhookConfig | null;
}

interface Plan {
  file: WorkspaceFile;
  connectors: ConnectorStep[];
  webhooks: WebhookStep[];
  missingVariables: string[];
}

/** A stored resource may carry the managed flag (`serve --config`); it is not part of the file. */
type MaybeManaged = { managed?: boolean };

/** The file's form of a value, with `undefined` members gone, so comparisons see what a file would hold. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const rawSecret = (value: string): string => value;

/**
 * Export, plan and apply of the workspace file (API.md section 5), for the routes and the CLI.
 * Resources are matched by name. Apply validates the whole file and plans every change before it
 * writes anything (a bad file is a 400 with `fields`, nothing written); then each resource is
 * created, changed or deleted through its service, one durable commit at a time.
 */
export class WorkspaceService {
  constructor(private readonly deps: WorkspaceDeps) {}

  exportWorkspace(secrets: SecretHandling): { file: WorkspaceFile; variables: string[] } {
    const data = this.deps.ctx.store.workspace.data;
    return buildWorkspaceFile({ connectors: data.connectors, webhooks: data.webhooks, environments: this.deps.environments.list().environments }, secrets);
  }

  /** The names of the stored environments, sorted (`serve --env` checks its name against them). */
  environmentNames(): string[] {
    return Object.keys(this.deps.environments.list().environments).sort();
  }

  async planWorkspace(file: unknown, opts: { prune: boolean }): Promise<WorkspacePlan> {
    const plan = this.plan(file, opts.prune);
    return Promise.resolve(this.answer(plan));
  }

  async applyWorkspace(file: unknown, opts: { prune: boolean; managed?: boolean }): Promise<WorkspacePlan> {
    const plan = this.plan(file, opts.prune);
    const managed = opts.managed === true;
    const generatedKeys: GeneratedConnectorKey[] = [];
    await this.applyEnvironments(plan.file);
    for (const step of plan.connectors) {
      const generated = await this.applyConnector(step, managed);
      if (generated) generatedKeys.push(generated);
    }
    const connectorIds = this.connectorIdsByName();
    for (const step of plan.webhooks) await this.applyWebhook(step, connectorIds, managed);
    // Deletions last: webhooks first, so no webhook is left filtering on a connector mid-apply.
    for (const step of plan.webhooks) if (step.change.action === 'delete' && step.stored) await this.deps.webhooks.remove(step.stored.id);
    for (const step of plan.connectors) if (step.change.action === 'delete' && step.stored) await this.deps.connectors.remove(step.stored.id);
    const answer = this.answer(plan);
    return generatedKeys.length > 0 ? { ...answer, generatedKeys } : answer;
  }

  private answer(plan: Plan): WorkspacePlan {
    return { changes: [...plan.connectors.map((s) => s.change), ...plan.webhooks.map((s) => s.change)], missingVariables: plan.missingVariables };
  }

  /** Validates the file and works out every change; throws a 400 with `fields` before anything is written. */
  private plan(input: unknown, prune: boolean): Plan {
    const file = parseOrThrow(workspaceFileSchema, input, 'workspace file');
    assertUniqueInFile(file);
    const lookup = this.lookupWith(file);
    const connectors = this.planConnectors(file, prune, lookup);
    const webhooks = this.planWebhooks(file, prune, lookup);
    // Missing variables are those of what will be applied: a reference replaced by a kept secret is not one.
    const applied = { connectors: connectors.flatMap((s) => (s.file ? [s.file] : [])), webhooks: webhooks.flatMap((s) => (s.file ? [s.file] : [])) };
    return { file, connectors, webhooks, missingVariables: missingVariables(applied, lookup) };
  }

  /** What `${VAR}` will resolve to once the file is applied: the file's own values for the active environment first. */
  private lookupWith(file: WorkspaceFile): VariableLookup {
    const active = this.deps.environments.activeName();
    const fromFile = active === null ? undefined : file.environments[active];
    return (name) => (fromFile && Object.hasOwn(fromFile, name) ? fromFile[name] : this.deps.environments.lookup(name));
  }

  private planConnectors(file: WorkspaceFile, prune: boolean, lookup: VariableLookup): ConnectorStep[] {
    const stored = this.deps.connectors.all();
    const claimed = new Set<string>();
    const steps: ConnectorStep[] = [];
    const keyOwners = new Map<string, number>();
    const problems: Record<string, string> = {};
    // Exact (name, data source) matches first; then a name alone, when one unclaimed connector has it (a changed data source).
    const matches = file.connectors.map((fc) => {
      const identity = connectorIdentity(fc.name, canonicalDataSource(fc.dataSource));
      const exact = stored.find((s) => connectorIdentity(s.name, s.dataSource) === identity);
      if (exact) claimed.add(exact.id);
      return exact ?? null;
    });
    file.connectors.forEach((fc, i) => {
      let match = matches[i] ?? null;
      if (match === null) {
        const sameName = stored.filter((s) => !claimed.has(s.id) && s.name.toLowerCase() === fc.name.toLowerCase());
        if (sameName.length === 1 && sameName[0]) {
          match = sameName[0];
          claimed.add(match.id);
        }
      }
      const apiKey = resolvedKey(fc.apiKey, lookup);
      if (apiKey !== null) {
        const hash = hashSecretHex(apiKey);
        const other = keyOwners.get(hash);
        if (other !== undefined) problems[`connectors.${i}.apiKey`] = `is the same key as connectors.${other}.apiKey: each connector needs its own key`;
        keyOwners.set(hash, i);
        const holder = stored.find((s) => s.apiKeyHash === hash);
        if (holder && holder !== match) problems[`connectors.${i}.apiKey`] = `is the key of connector "${holder.name}": each connector needs its own key`;
      }
      if (match === null) {
        const { resource, notes } = keepStoredSecrets(fc, null, connectorSecretFields(), lookup);
        steps.push({ change: withSecretNotes({ kind: 'connector', name: fc.name, action: 'create' }, notes), file: resource, stored: null, apiKey });
        return;
      }
      const storedForm = connectorToFile(match, 'X', rawSecret, () => undefined);
      const { resource, notes } = keepStoredSecrets(fc, storedForm, connectorSecretFields(), lookup);
      const { apiKey: _ref, ...wanted } = resource;
      const { apiKey: _storedRef, ...current } = storedForm;
      const fields = changedFields(plain(current), plain({ ...wanted, dataSource: canonicalDataSource(wanted.dataSource) }));
      if (apiKey !== null && hashSecretHex(apiKey) !== match.apiKeyHash) fields.push('apiKey');
      steps.push({ change: withSecretNotes(changeOf('connector', fc.name, fields), notes), file: resource, stored: match, apiKey });
    });
    throwIfProblems(problems);
    if (prune) for (const s of stored) if (!claimed.has(s.id)) steps.push({ change: { kind: 'connector', name: s.name, action: 'delete' }, file: null, stored: s, apiKey: null });
    return steps;
  }

  private planWebhooks(file: WorkspaceFile, prune: boolean, lookup: VariableLookup): WebhookStep[] {
    const stored = this.deps.webhooks.all();
    const byKey = new Map(stored.map((w) => [webhookNameKey(w.name), w]));
    const names = new Map(this.deps.connectors.all().map((c) => [c.id, c.name]));
    const claimed = new Set<string>();
    const steps: WebhookStep[] = file.webhooks.map((fw) => {
      const match = byKey.get(webhookNameKey(fw.name));
      if (!match) {
        const { resource, notes } = keepStoredSecrets(fw, null, webhookSecretFields(fw), lookup);
        return { change: withSecretNotes({ kind: 'webhook', name: fw.name, action: 'create' }, notes), file: resource, stored: null };
      }
      claimed.add(match.id);
      const current = webhookToFile(match, 'X', names, rawSecret);
      const { resource, notes } = keepStoredSecrets(fw, current, webhookSecretFields(fw), lookup);
      return { change: withSecretNotes(changeOf('webhook', fw.name, changedFields(plain(current), plain(resource))), notes), file: resource, stored: match };
    });
    if (prune) for (const s of stored) if (!claimed.has(s.id)) steps.push({ change: { kind: 'webhook', name: s.name, action: 'delete' }, file: null, stored: s });
    return steps;
  }

  /** Variables in the file are set per variable: the file's values win, variables the file does not name are kept. */
  private async applyEnvironments(file: WorkspaceFile): Promise<void> {
    const { environments, active } = this.deps.environments.list();
    let changed = false;
    const next: Record<string, Record<string, string>> = { ...environments };
    for (const [name, vars] of Object.entries(file.environments)) {
      const merged = { ...(environments[name] ?? {}), ...vars };
      if (!environments[name] || changedFields(environments[name], merged).length > 0) changed = true;
      next[name] = merged;
    }
    if (changed) await this.deps.environments.replace({ environments: next, active });
  }

  private async applyConnector(step: ConnectorStep, managed: boolean): Promise<GeneratedConnectorKey | null> {
    const { file: fc, change } = step;
    if (fc === null || change.action === 'delete') return null;
    let stored = step.stored;
    let generated: GeneratedConnectorKey | null = null;
    if (stored === null) {
      const created = await this.deps.connectors.create({ name: fc.name, dataSource: fc.dataSource, typePath: fc.typePath, retention: fc.retention });
      await this.deps.connectors.update(created.id, { forwardTo: fc.forwardTo, verification: fc.verification, response: fc.response });
      stored = this.deps.connectors.get(created.id);
      if (step.apiKey === null) generated = { connector: fc.name, variable: fc.apiKey === undefined ? '' : (findVariables(fc.apiKey)[0] ?? ''), apiKey: created.apiKey };
    } else if (change.action === 'update') {
      const { apiKey: _key, ...settings } = fc;
      await this.deps.connectors.update(stored.id, settings);
    }
    let dirty = false;
    if (step.apiKey !== null && hashSecretHex(step.apiKey) !== stored.apiKeyHash) {
      // The service keeps only the hash; setting it and re-indexing makes the file's key the one that works, at once.
      stored.apiKeyHash = hashSecretHex(step.apiKey);
      this.deps.connectors.reindex();
      dirty = true;
    }
    if (managed && (stored as MaybeManaged).managed !== true) {
      (stored as MaybeManaged).managed = true;
      dirty = true;
    }
    if (dirty) await this.deps.ctx.store.workspace.commit();
    return generated;
  }

  private async applyWebhook(step: WebhookStep, connectorIds: ReadonlyMap<string, string[]>, managed: boolean): Promise<void> {
    const { file: fw, change } = step;
    if (fw === null || change.action === 'delete') return;
    const { filters, ...rest } = fw;
    const { connectors, ...otherFilters } = filters;
    // A name no connector has stays as it is: it matches nothing, as the id it was exported from did.
    const ids = connectors === undefined ? undefined : [...new Set(connectors.flatMap((name) => connectorIds.get(name.toLowerCase()) ?? [name]))];
    const config = { ...rest, filters: { ...(ids === undefined ? {} : { connectorIds: ids }), ...otherFilters } };
    let id = step.stored?.id ?? null;
    if (id === null) id = (await this.deps.webhooks.create(config)).id;
    else if (change.action === 'update') await this.deps.webhooks.update(id, config);
    const stored = this.deps.webhooks.get(id);
    if (managed && (stored as MaybeManaged).managed !== true) {
      (stored as MaybeManaged).managed = true;
      await this.deps.ctx.store.workspace.commit();
    }
  }

  private connectorIdsByName(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const c of this.deps.connectors.all()) {
      const key = c.name.toLowerCase();
      map.set(key, [...(map.get(key) ?? []), c.id]);
    }
    return map;
  }
}

function changeOf(kind: 'connector' | 'webhook', name: string, fields: string[]): WorkspaceChange {
  return fields.length === 0 ? { kind, name, action: 'unchanged' } : { kind, name, action: 'update', fields: [...new Set(fields)].sort() };
}

function withSecretNotes(change: WorkspaceChange, notes: SecretNote[]): WorkspaceChange {
  return notes.length === 0 ? change : { ...change, secrets: notes };
}

/** The key a connector's `apiKey` sets, or null when it sets none or a variable in it has no value. */
function resolvedKey(apiKey: string | undefined, lookup: VariableLookup): string | null {
  if (apiKey === undefined) return null;
  const result = resolveVariables(apiKey, lookup);
  return result.ok && result.text !== '' ? result.text : null;
}

/** Two connectors with the same name and data source, or two webhooks with one name, cannot both be meant. */
function assertUniqueInFile(file: WorkspaceFile): void {
  const problems: Record<string, string> = {};
  const seen = new Map<string, number>();
  file.connectors.forEach((c, i) => {
    const key = connectorIdentity(c.name, canonicalDataSource(c.dataSource));
    const first = seen.get(key);
    if (first !== undefined) problems[`connectors.${i}.name`] = `is the same name and data source as connectors.${first} (names are compared ignoring case)`;
    else seen.set(key, i);
  });
  const names = new Map<string, number>();
  file.webhooks.forEach((w, i) => {
    const key = webhookNameKey(w.name);
    const first = names.get(key);
    if (first !== undefined) problems[`webhooks.${i}.name`] = `is the same name as webhooks.${first} (names are compared ignoring case)`;
    else names.set(key, i);
  });
  throwIfProblems(problems);
}

function throwIfProblems(problems: Record<string, string>): void {
  const [first] = Object.entries(problems);
  if (!first) return;
  throw new HookdeskError(400, ErrorCode.validationFailed, `The workspace file is invalid: ${first[0]}: ${first[1]}. Fix the listed fields and send it again.`, problems);
}

/**
 * Every variable the file's connectors and webhooks reference that has no value, sorted. The walk
 * is over a validated file (a fixed, shallow shape), iterative, and bounded all the same.
 */
function missingVariables(file: Pick<WorkspaceFile, 'connectors' | 'webhooks'>, lookup: VariableLookup): string[] {
  const missing = new Set<string>();
  const stack: Array<{ value: unknown; depth: number }> = [{ value: [file.connectors, file.webhooks], depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'string') {
      for (const name of findVariables(value)) if (lookup(name) === undefined) missing.add(name);
    } else if (typeof value === 'object' && value !== null && depth < 12) {
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return [...missing].sort();
}
