import type { ConnectorResponse, ForwardTo } from '../../../shared/schemas/connector';
import type { VerificationConfig } from '../../../shared/schemas/verification';
import type { WebhookConfig } from '../../../shared/schemas/webhook';

/** A connector as stored: the public fields less derived ones, plus the key's hash and lookup ids. */
export interface StoredConnector {
  id: string;
  name: string;
  dataSource: string | null;
  createdTime: string;
  updatedTime: string;
  /** SHA-256 (hex) of the push API key: the data file alone does not reveal the key. */
  apiKeyHash: string;
  /** SHA-256 (hex) of the capture token in the capture URL path: what requests are looked up by. */
  captureTokenHash: string;
  /**
   * The capture token in clear, so the connector page can show its capture URL at any time (a URL
   * credential like a webhook secret; the file is owner-only). Absent for connectors created before
   * it was kept: their capture URL can be shown again only after a key reset.
   */
  captureToken?: string;
  forwardTo: ForwardTo | null;
  /** Relay signature verification at ingest, secret in clear (the file is owner-only); null: off. */
  verification: VerificationConfig | null;
  response: ConnectorResponse;
  typePath: string | null;
  retention: number;
}

/**
 * workspace.json: the small, rarely written configuration (connectors, webhooks, settings).
 * Events and their counters live in the event log instead (see event-log.ts), so that the hot
 * path never rewrites this file.
 */
export interface WorkspaceData {
  schemaVersion: number;
  connectors: StoredConnector[];
  webhooks: StoredWebhookConfig[];
  /** Named sets of variables (`local`, `staging`, ...), values in clear (the file is owner-only; the API answers them masked). */
  environments: StoredEnvironments;
  /** The environment `${VAR}` references resolve from first (then the process environment); null: none. */
  activeEnvironment: string | null;
}

/** Environment name -> variable name -> value. */
export type StoredEnvironments = Record<string, Record<string, string>>;

/** A webhook as stored: its configuration in clear (secrets included; the file is owner-only) and its times. Runtime state lives in the journal. */
export type StoredWebhookConfig = WebhookConfig & { id: string; createdTime: string; updatedTime: string };

export const CURRENT_SCHEMA_VERSION = 4;

export function emptyWorkspace(): WorkspaceData {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, connectors: [], webhooks: [], environments: {}, activeEnvironment: null };
}
