import { DEFAULT_CONNECTOR_RESPONSE, connectorCreateSchema, connectorPatchSchema, type Connector, type ConnectorSecrets, type ConnectorStatus } from '../../../shared/schemas/connector';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/schemas/event';
import { newId } from '../../../shared/ids';
import { parseOrThrow } from '../../../shared/validation';
import { isMasked } from '../../../shared/schemas/webhook-mask';
import type { EngineContext } from '../engine-context';
import { managedInfo } from '../server/managed-guard';
import type { StoredConnector } from '../store/workspace-data';
import { hashSecretHex, newApiKey, newCaptureToken } from './connector-secrets';
import { canonicalDataSource, connectorIdentity, toConnector, type ConnectorUrls } from './connector-view';
import { SecretIndex } from './secret-index';

/** A verification secret sent back masked (as GET shows it) keeps the stored one: "change the tolerance, leave the secret". */
function keepMaskedVerificationSecret(input: unknown, stored: StoredConnector): unknown {
  if (typeof input !== 'object' || input === null || !('verification' in input)) return input;
  const verification = (input as { verification: unknown }).verification;
  if (typeof verification !== 'object' || verification === null || stored.verification === null) return input;
  const secret = (verification as { secret?: unknown }).secret;
  if (!isMasked(secret)) return input;
  return { ...input, verification: { ...verification, secret: stored.verification.secret } };
}

/** What the service tells the module after a change is durable. */
export interface ConnectorChangeHooks {
  created(connectorId: string): void;
  updated(connectorId: string): void;
  deleted(connector: Connector): void;
}

export const PUSH_PATH = '/api/1.0/webhook/push';
export const CAPTURE_PREFIX = '/hooks/';

/**
 * Connectors: create, edit, delete, reset key, and finding one by its push key or capture
 * token. Changes are validated first, then made in memory (key indexes included, so a reset
 * key stops working at once), then committed to workspace.json before anyone is told.
 */
export class ConnectorService {
  private readonly byId = new Map<string, StoredConnector>();
  private readonly keys = new SecretIndex();
  private readonly captures = new SecretIndex();

  constructor(
    private readonly ctx: EngineContext,
    private readonly statusOf: (connectorId: string) => ConnectorStatus,
    private readonly hooks: ConnectorChangeHooks,
  ) {
    this.reindex();
  }

  /** Rebuilds the indexes from workspace.json's connectors (call after replacing them wholesale). */
  reindex(): void {
    this.byId.clear();
    this.keys.clear();
    this.captures.clear();
    for (const stored of this.ctx.store.workspace.data.connectors) this.index(stored);
  }

  all(): StoredConnector[] {
    return this.ctx.store.workspace.data.connectors;
  }

  find(id: string): StoredConnector | undefined {
    return this.byId.get(id);
  }

  /** The connector with this id, or a 404 not_found. */
  get(id: string): StoredConnector {
    const stored = this.byId.get(id);
    if (!stored) throw new HookdeskError(404, ErrorCode.notFound, `No connector has the id "${id}". It may have been deleted; list connectors to see the current ones.`);
    return stored;
  }

  byApiKey(apiKey: string | undefined): StoredConnector | undefined {
    const id = this.keys.find(apiKey);
    return id === null ? undefined : this.byId.get(id);
  }

  byCaptureToken(token: string): StoredConnector | undefined {
    const id = this.captures.find(token);
    return id === null ? undefined : this.byId.get(id);
  }

  /** The read shape; a connector applied from `serve --config` also says why it cannot be changed (`managedReason`). */
  view(stored: StoredConnector): Connector {
    const view = toConnector(stored, this.ctx.store.events.countersOf(stored.id), this.statusOf(stored.id), this.urls(stored.captureToken ?? null));
    return { ...view, ...managedInfo(this.ctx.config, 'connector', stored) };
  }

  async create(input: unknown): Promise<Connector & ConnectorSecrets> {
    const parsed = parseOrThrow(connectorCreateSchema, input, 'connector');
    const dataSource = canonicalDataSource(parsed.dataSource);
    this.assertUnique(parsed.name, dataSource, null);
    const nowMs = this.ctx.clock.now();
    const now = new Date(nowMs).toISOString();
    const apiKey = newApiKey();
    const captureToken = newCaptureToken();
    const stored: StoredConnector = {
      id: newId('con', nowMs),
      name: parsed.name,
      dataSource,
      createdTime: now,
      updatedTime: now,
      apiKeyHash: hashSecretHex(apiKey),
      captureTokenHash: hashSecretHex(captureToken),
      captureToken,
      forwardTo: null,
      verification: null,
      response: { ...DEFAULT_CONNECTOR_RESPONSE, headers: { ...DEFAULT_CONNECTOR_RESPONSE.headers } },
      typePath: parsed.typePath,
      retention: parsed.retention,
    };
    this.ctx.store.workspace.data.connectors.push(stored);
    this.index(stored);
    await this.ctx.store.workspace.commit();
    this.hooks.created(stored.id);
    return { ...this.view(stored), ...this.secrets(apiKey, captureToken) };
  }

  async update(id: string, input: unknown): Promise<Connector> {
    const stored = this.get(id);
    const patch = parseOrThrow(connectorPatchSchema, keepMaskedVerificationSecret(input, stored), 'connector change');
    const name = patch.name ?? stored.name;
    const dataSource = patch.dataSource === undefined ? stored.dataSource : canonicalDataSource(patch.dataSource);
    this.assertUnique(name, dataSource, stored.id);
    const retentionChanged = patch.retention !== undefined && patch.retention !== stored.retention;
    stored.name = name;
    stored.dataSource = dataSource;
    if (patch.forwardTo !== undefined) stored.forwardTo = patch.forwardTo;
    if (patch.verification !== undefined) stored.verification = patch.verification;
    if (patch.response !== undefined) stored.response = patch.response;
    if (patch.typePath !== undefined) stored.typePath = patch.typePath;
    if (patch.retention !== undefined) stored.retention = patch.retention;
    stored.updatedTime = new Date(this.ctx.clock.now()).toISOString();
    if (retentionChanged) this.ctx.store.events.enforceRetention(stored.id);
    await this.ctx.store.workspace.commit();
    this.hooks.updated(stored.id);
    return this.view(stored);
  }

  /** Deletes the connector and its events (its counters go too). */
  async remove(id: string): Promise<void> {
    const stored = this.get(id);
    const last = this.view(stored);
    const list = this.ctx.store.workspace.data.connectors;
    list.splice(list.indexOf(stored), 1);
    this.unindex(stored.id);
    await Promise.all([this.ctx.store.workspace.commit(), this.ctx.store.events.drop(stored.id)]);
    this.hooks.deleted(last);
  }

  /**
   * Stores received events durably (`rawBodies`: their JSON text as received, see
   * `EventRepository.append`). Should their connector have been deleted while they were
   * being received, they are dropped with it rather than left behind without a connector.
   */
  async storeEvents(connectorId: string, events: HookEvent[], rawBodies?: readonly (string | undefined)[]): Promise<void> {
    await this.ctx.store.events.append(events, rawBodies);
    if (!this.byId.has(connectorId)) await this.ctx.store.events.drop(connectorId);
  }

  /** New key and capture token; the old ones stop matching before this resolves. */
  async resetKey(id: string): Promise<ConnectorSecrets> {
    const stored = this.get(id);
    const apiKey = newApiKey();
    const captureToken = newCaptureToken();
    stored.apiKeyHash = hashSecretHex(apiKey);
    stored.captureTokenHash = hashSecretHex(captureToken);
    stored.captureToken = captureToken;
    stored.updatedTime = new Date(this.ctx.clock.now()).toISOString();
    this.index(stored);
    await this.ctx.store.workspace.commit();
    this.hooks.updated(stored.id);
    return this.secrets(apiKey, captureToken);
  }

  private secrets(apiKey: string, captureToken: string): ConnectorSecrets {
    const { pushUrl } = this.urls(captureToken);
    return { apiKey, pushUrl, captureUrl: `${this.ctx.ingestUrl()}${CAPTURE_PREFIX}${captureToken}` };
  }

  private urls(captureToken: string | null): ConnectorUrls {
    const base = this.ctx.ingestUrl();
    return { pushUrl: `${base}${PUSH_PATH}`, captureUrl: captureToken === null ? null : `${base}${CAPTURE_PREFIX}${captureToken}` };
  }

  private assertUnique(name: string, dataSource: string | null, exceptId: string | null): void {
    const identity = connectorIdentity(name, dataSource);
    const clash = this.all().find((c) => c.id !== exceptId && connectorIdentity(c.name, c.dataSource) === identity);
    if (!clash) return;
    const source = dataSource === null ? 'no data source (auto-discovery)' : `data source "${dataSource}"`;
    throw new HookdeskError(
      409,
      ErrorCode.conflict,
      `A connector named "${clash.name}" with ${source} already exists (names are compared ignoring case). Choose another name or data source.`,
    );
  }

  private index(stored: StoredConnector): void {
    this.byId.set(stored.id, stored);
    this.keys.set(stored.id, stored.apiKeyHash);
    this.captures.set(stored.id, stored.captureTokenHash);
  }

  private unindex(id: string): void {
    this.byId.delete(id);
    this.keys.remove(id);
    this.captures.remove(id);
  }
}
