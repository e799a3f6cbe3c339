import { SECRET_AUTH_FIELDS, type WebhookAuth } from '../../../shared/schemas/webhook-auth';
import { isSensitiveHeader } from '../../../shared/schemas/webhook-mask';
import {
  WORKSPACE_KIND,
  WORKSPACE_VERSION,
  workspaceFileSchema,
  type WorkspaceConnector,
  type WorkspaceFile,
  type WorkspaceWebhook,
} from '../../../shared/workspace/workspace-file';
import { reference, secretAsReference, secretVariable, uniqueNameParts } from '../../../shared/workspace/secret-variables';
import type { StoredConnector, StoredWebhookConfig } from '../store/workspace-data';

export type SecretHandling = 'env' | 'include';

/** How a secret is written: as stored (`include`), or as a `${VAR}` reference (`env`). */
type SecretWriter = (value: string, variable: string) => string;

const AUTH_FIELD_VARIABLE: Record<string, string> = {
  password: 'AUTH_PASSWORD',
  token: 'AUTH_TOKEN',
  value: 'AUTH_API_KEY',
  clientSecret: 'AUTH_CLIENT_SECRET',
};

export interface ExportInput {
  connectors: readonly StoredConnector[];
  webhooks: readonly StoredWebhookConfig[];
  environments: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const byName = <T extends { name: string }>(key: (item: T) => string) => (a: T, b: T): number => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export const connectorSortKey = (c: { name: string; dataSource: string | null }): string => `${c.name.toLowerCase()}\u0000${c.dataSource?.toLowerCase() ?? ''}`;
export const webhookSortKey = (w: { name: string }): string => w.name.toLowerCase();

/** A stored connector in the file's form, secrets written by `secret`. The API key is always a reference: only its hash is stored. */
export function connectorToFile(stored: StoredConnector, namePart: string, secret: SecretWriter, noted: (name: string) => void): WorkspaceConnector {
  const keyVariable = secretVariable('connector', namePart, 'API_KEY');
  noted(keyVariable);
  return {
    name: stored.name,
    dataSource: stored.dataSource,
    typePath: stored.typePath,
    retention: stored.retention,
    response: stored.response,
    forwardTo: stored.forwardTo,
    verification: stored.verification === null ? null : { ...stored.verification, secret: secret(stored.verification.secret, secretVariable('connector', namePart, 'VERIFICATION_SECRET')) },
    apiKey: reference(keyVariable),
  };
}

/** A stored webhook in the file's form: connector ids in filters become connector names (ids differ between machines). */
export function webhookToFile(stored: StoredWebhookConfig, namePart: string, connectorNames: ReadonlyMap<string, string>, secret: SecretWriter): WorkspaceWebhook {
  const { id: _id, createdTime: _c, updatedTime: _u, filters, auth, headers, secret: signingSecret, ...rest } = stored;
  const { connectorIds, ...otherFilters } = filters;
  const authFields: Record<string, unknown> = { ...auth };
  for (const field of SECRET_AUTH_FIELDS[auth.type] as readonly string[]) {
    const value = authFields[field];
    if (typeof value === 'string' && value !== '') authFields[field] = secret(value, secretVariable('webhook', namePart, AUTH_FIELD_VARIABLE[field] ?? field.toUpperCase()));
  }
  const fileHeaders = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, isSensitiveHeader(name) && value !== '' ? secret(value, secretVariable('webhook', namePart, `HEADER_${uniqueNameParts([name])[0]}`)) : value]),
  );
  const connectors = connectorIds === undefined ? undefined : [...new Set(connectorIds.map((id) => connectorNames.get(id) ?? id))];
  return {
    ...rest,
    auth: authFields as WebhookAuth,
    headers: fileHeaders,
    secret: signingSecret === null ? null : secret(signingSecret, secretVariable('webhook', namePart, 'SECRET')),
    filters: { ...(connectors === undefined ? {} : { connectors }), ...otherFilters },
    // The rest of the fields are the stored configuration as they are.
  } as WorkspaceWebhook;
}

/**
 * The workspace as a file, in canonical form: resources sorted by name, keys in the schema's order
 * (zod writes an object's keys in its shape's order), so two exports of the same workspace are the
 * same bytes. With `env`, every secret is a `${HOOKDESK_...}` reference and `variables` lists every
 * variable the file references; environment values named by those variables are left out of the
 * file (they are the secrets), and listed.
 */
export function buildWorkspaceFile(input: ExportInput, secrets: SecretHandling): { file: WorkspaceFile; variables: string[] } {
  const variables = new Set<string>();
  const noted = (name: string): void => {
    variables.add(name);
  };
  const secret: SecretWriter = secrets === 'env' ? (value, variable) => secretAsReference(value, variable, noted) : (value) => value;

  const connectors = [...input.connectors].sort(byName(connectorSortKey));
  const connectorParts = uniqueNameParts(connectors.map((c) => c.name));
  const connectorNames = new Map(input.connectors.map((c) => [c.id, c.name]));
  const webhooks = [...input.webhooks].sort(byName(webhookSortKey));
  const webhookParts = uniqueNameParts(webhooks.map((w) => w.name));

  const draft = {
    kind: WORKSPACE_KIND,
    version: WORKSPACE_VERSION,
    environments: {} as Record<string, Record<string, string>>,
    connectors: connectors.map((c, i) => connectorToFile(c, connectorParts[i] ?? 'UNNAMED', secret, noted)),
    webhooks: webhooks.map((w, i) => webhookToFile(w, webhookParts[i] ?? 'UNNAMED', connectorNames, secret)),
  };
  for (const [env, vars] of Object.entries(input.environments).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const kept = Object.entries(vars).filter(([name]) => secrets === 'include' || !variables.has(name));
    draft.environments[env] = Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  // Parsing puts every key in the schema's order and proves the export is a file apply accepts.
  const file = workspaceFileSchema.parse(draft);
  return { file, variables: [...variables].sort() };
}
