import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import {
  maskWebhook,
  isMasked,
  restoreMaskedSecrets,
  webhookConfigSchema,
  webhookCreateSchema,
  webhookNameKey,
  webhookPatchSchema,
  type Webhook,
  type WebhookConfig,
  type WebhookState,
} from '../../../shared/schemas/webhook';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import { managedInfo } from '../server/managed-guard';
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

  /** The read shape: runtime state merged in, secrets and credentials masked, and why a managed one cannot be changed. */
  view(stored: StoredWebhookConfig): Webhook {
    const runtime = this.ctx.store.deliveries.runtimeOf(stored.id);
    const view = maskWebhook({
      ...stored,
      state: this.stateOf(stored),
      consecutiveFailures: runtime.consecutiveFailures,
      lastSuccessfulMessageDelivery: runtime.lastSuccessMs === null ? null : new Date(runtime.lastSuccessMs).toISOString(),
    });
    return { ...view, ...managedInfo(this.ctx.config, 'webhook', stored) };
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
    const merged = this.merge(stored, input, 'webhook change');
    const { createdTime } = stored;
    this.assertUnique(merged.name, stored.id);
    const before = structuredClone(stored);
    Object.assign(stored, merged, { createdTime, updatedTime: new Date(this.ctx.clock.now()).toISOString() });
    await this.ctx.store.workspace.commit();
    this.hooks?.changed(stored, before);
    return this.view(stored);
  }

  /**
   * The settings a test of unsaved changes sends with: `input` (any subset of the fields, masked
   * values standing for the stored ones) over the saved webhook, validated as a save would be, and
   * never stored. Field errors are keyed under `prefix` (`webhook.url`), where they sit in the request.
   */
  draftOf(stored: StoredWebhookConfig, input: Record<string, unknown>, prefix: string): StoredWebhookConfig {
    const merged = underPrefix(prefix, () => this.merge(stored, input, 'unsaved webhook'));
    return { ...merged, id: stored.id, createdTime: stored.createdTime, updatedTime: stored.updatedTime };
  }

  /**
   * A webhook not created yet, to test before creating it: validated as `POST /webhooks` would be,
   * under a fresh id that no stored webhook has. Masked values cannot stand for anything here.
   */
  unsavedDraft(input: Record<string, unknown>, prefix: string): StoredWebhookConfig {
    const config = underPrefix(prefix, () => parseOrThrow(webhookCreateSchema, input, 'unsaved webhook'));
    if (isMasked(config.secret)) {
      throw new HookdeskError(400, ErrorCode.validationFailed, 'The unsaved webhook is invalid: secret: a masked secret stands for a stored one, and this webhook has none yet. Type or generate the secret.', {
        [`${prefix}.secret`]: 'is masked: type or generate the secret (a masked value stands only for a saved one)',
      });
    }
    const nowMs = this.ctx.clock.now();
    const now = new Date(nowMs).toISOString();
    return { id: newId('whk', nowMs), ...config, createdTime: now, updatedTime: now };
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

  /** A patch (masked values restored from `stored`) merged over `stored` and validated whole. */
  private merge(stored: StoredWebhookConfig, input: unknown, what: string): WebhookConfig {
    const raw = typeof input === 'object' && input !== null && !Array.isArray(input) ? restoreMaskedSecrets(input as Record<string, unknown>, stored) : input;
    const patch = parseOrThrow(webhookPatchSchema, raw, what);
    // `managed` (serve --config) is the engine's mark, not a webhook setting: kept on `stored`, never validated as one.
    const { id: _id, createdTime: _created, updatedTime: _updated, managed: _managed, ...current } = stored as StoredWebhookConfig & { managed?: boolean };
    return parseOrThrow(webhookConfigSchema, { ...current, ...patch }, what);
  }

  private assertUnique(name: string, exceptId: string | null): void {
    const key = webhookNameKey(name);
    const clash = this.all().find((w) => w.id !== exceptId && webhookNameKey(w.name) === key);
    if (!clash) return;
    throw new HookdeskError(409, ErrorCode.conflict, `A webhook named "${clash.name}" already exists (names are compared ignoring case). Choose another name.`);
  }
}

/** Runs `parse`; a validation error it throws has its field keys moved under `prefix`. */
function underPrefix<T>(prefix: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof HookdeskError) || !error.fields) throw error;
    const fields = Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [`${prefix}.${key}`, message]));
    const message = error.message.replace(/: (\S+): /, (_all, key: string) => `: ${prefix}.${key}: `);
    throw new HookdeskError(error.status, error.code, message, fields);
  }
}
