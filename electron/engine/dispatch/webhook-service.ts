import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import {
  maskWebhook,
  restoreMaskedSecrets,
  webhookConfigSchema,
  webhookCreateSchema,
  webhookNameKey,
  webhookPatchSchema,
  type Webhook,
  type WebhookState,
} from '../../../shared/schemas/webhook';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import type { StoredWebhookConfig } from '../store/workspace-data';

/** What the service tells the dispatcher after a change is durable. */
export interface WebhookChangeHooks {
  changed(webhook: StoredWebhookConfig, before: StoredWebhookConfig | null): void;
  deleted(webhook: Webhook): void;
}

/**
 * Webhooks (outbound configuration): create, edit, delete, read back masked. Changes are validated
 * in full first (a patch is merged and the result checked as a whole), then made in memory, then
 * committed to workspace.json before anyone is told: nothing is ever half-written.
 */
export class WebhookService {
  private readonly byId = new Map<string, StoredWebhookConfig>();
  private hooks: WebhookChangeHooks | null = null;

  constructor(private readonly ctx: EngineContext) {
    for (const stored of ctx.store.workspace.data.webhooks) this.byId.set(stored.id, stored);
  }

  setHooks(hooks: WebhookChangeHooks): void {
    this.hooks = hooks;
  }

  all(): StoredWebhookConfig[] {
    return this.ctx.store.workspace.data.webhooks;
  }

  find(id: string): StoredWebhookConfig | undefined {
    return this.byId.get(id);
  }

  /** The webhook with this id, or a 404 not_found. */
  get(id: string): StoredWebhookConfig {
    const stored = this.byId.get(id);
    if (!stored) throw new HookdeskError(404, ErrorCode.notFound, `No webhook has the id "${id}". It may have been deleted; list webhooks to see the current ones.`);
    return stored;
  }

  stateOf(stored: StoredWebhookConfig): WebhookState {
    if (!stored.enabled) return 'DISABLED';
    return this.ctx.store.deliveries.runtimeOf(stored.id).failed ? 'FAILED' : 'ACTIVE';
  }

  /** The read shape: runtime state merged in, secrets and credentials masked. */
  view(stored: StoredWebhookConfig): Webhook {
    const runtime = this.ctx.store.deliveries.runtimeOf(stored.id);
    return maskWebhook({
      ...stored,
      state: this.stateOf(stored),
      consecutiveFailures: runtime.consecutiveFailures,
      lastSuccessfulMessageDelivery: runtime.lastSuccessMs === null ? null : new Date(runtime.lastSuccessMs).toISOString(),
    });
  }

  async create(input: unknown): Promise<Webhook> {
    const config = parseOrThrow(webhookCreateSchema, input, 'webhook');
    this.assertUnique(config.name, null);
    const nowMs = this.ctx.clock.now();
    const now = new Date(nowMs).toISOString();
    const stored: StoredWebhookConfig = { id: newId('whk', nowMs), ...config, createdTime: now, updatedTime: now };
    this.ctx.store.workspace.data.webhooks.push(stored);
    this.byId.set(stored.id, stored);
    await this.ctx.store.workspace.commit();
    this.hooks?.changed(stored, null);
    return this.view(stored);
  }

  async update(id: string, input: unknown): Promise<Webhook> {
    const stored = this.get(id);
    const raw = typeof input === 'object' && input !== null && !Array.isArray(input) ? restoreMaskedSecrets(input as Record<string, unknown>, stored) : input;
    const patch = parseOrThrow(webhookPatchSchema, raw, 'webhook change');
    const { id: _id, createdTime, updatedTime: _updated, ...current } = stored;
    const merged = parseOrThrow(webhookConfigSchema, { ...current, ...patch }, 'webhook change');
    this.assertUnique(merged.name, stored.id);
    const before = structuredClone(stored);
    Object.assign(stored, merged, { createdTime, updatedTime: new Date(this.ctx.clock.now()).toISOString() });
    await this.ctx.store.workspace.commit();
    this.hooks?.changed(stored, before);
    return this.view(stored);
  }

  async remove(id: string): Promise<void> {
    const stored = this.get(id);
    const last = this.view(stored);
    const list = this.ctx.store.workspace.data.webhooks;
    list.splice(list.indexOf(stored), 1);
    this.byId.delete(id);
    await this.ctx.store.workspace.commit();
    this.hooks?.deleted(last);
  }

  private assertUnique(name: string, exceptId: string | null): void {
    const key = webhookNameKey(name);
    const clash = this.all().find((w) => w.id !== exceptId && webhookNameKey(w.name) === key);
    if (!clash) return;
    throw new HookdeskError(409, ErrorCode.conflict, `A webhook named "${clash.name}" already exists (names are compared ignoring case). Choose another name.`);
  }
}
