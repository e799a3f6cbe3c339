import type { Webhook } from '../../../../shared/schemas/webhook';
import type { WebhookAuthType } from '../../../../shared/schemas/webhook-auth';
import type { BackoffKind } from '../../../../shared/retry/retry-policy';
import { formatHeaderLines } from '../connectors/connector-form';

/** Webhook settings as the editor holds them: text where the user types, converted on save (`draft-to-patch`). */
export interface EventRow {
  type: string;
  version: string;
  severity: string;
}

export interface ValidatorRow {
  path: string;
  /** Comma-separated; each value read as a JSON scalar when it parses as one. */
  expected: string;
}

/** Every auth field of every type; only those of `type` are sent. Masked values stay as read. */
export interface AuthDraft {
  type: WebhookAuthType;
  username: string;
  password: string;
  token: string;
  header: string;
  value: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
}

export interface WebhookDraft {
  name: string;
  url: string;
  method: 'POST' | 'GET';
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  timeoutSeconds: string;
  enabled: boolean;
  /** `Name: value` lines. */
  headers: string;
  auth: AuthDraft;
  events: { all: boolean; rows: EventRow[] };
  /** Comma-separated lists. */
  filters: { connectorIds: string; dataSources: string; severities: string };
  includeEntity: boolean;
  jsonPayloadEnabled: boolean;
  /** null: the default envelope. */
  bodyTemplate: string | null;
  /** `value` '' keeps the stored secret; `remove` deletes it. */
  secret: { value: string; remove: boolean };
  signature: 'hmac-sha1' | 'standard-webhooks';
  validators: ValidatorRow[];
  retry: { maxAttempts: string; backoff: BackoffKind; initialDelaySeconds: string; maxDelaySeconds: string; jitter: string };
}

export const EMPTY_AUTH: AuthDraft = {
  type: 'none',
  username: '',
  password: '',
  token: '',
  header: 'X-API-Key',
  value: '',
  tokenUrl: '',
  clientId: '',
  clientSecret: '',
  scopes: '',
};

/** An expected value as the user types it back: strings that would read as another JSON value (or hold a comma) are quoted. */
export function formatExpected(values: readonly unknown[]): string {
  return values
    .map((v) => {
      if (typeof v !== 'string') return JSON.stringify(v);
      if (v.includes(',') || v.includes('"') || v.trim() !== v || v === '') return JSON.stringify(v);
      try {
        JSON.parse(v);
        return JSON.stringify(v);
      } catch {
        return v;
      }
    })
    .join(', ');
}

/** Splits on commas outside double quotes; reads each part as a JSON scalar when it is one, else as text. */
export function parseExpected(text: string): unknown[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\\' && quoted && i + 1 < text.length) {
      current += ch + text[i + 1];
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      try {
        const value: unknown = JSON.parse(p);
        return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? value : p;
      } catch {
        return p;
      }
    });
}

/** The editor's starting point for a webhook as the API answered it. */
export function draftFromWebhook(w: Webhook): WebhookDraft {
  const auth: AuthDraft = { ...EMPTY_AUTH, ...(w.auth as Partial<AuthDraft>), type: w.auth.type, scopes: w.auth.type === 'oauth2' ? (w.auth.scopes ?? []).join(' ') : '' };
  return {
    name: w.name,
    url: w.url,
    method: w.method,
    contentType: w.contentType,
    timeoutSeconds: String(w.timeoutSeconds),
    enabled: w.enabled,
    headers: formatHeaderLines(w.headers),
    auth,
    events:
      w.events === 'all'
        ? { all: true, rows: [] }
        : { all: false, rows: w.events.map((e) => ({ type: e.type, version: e.version ?? '', severity: e.severity ?? '' })) },
    filters: {
      connectorIds: (w.filters.connectorIds ?? []).join(', '),
      dataSources: (w.filters.dataSources ?? []).join(', '),
      severities: (w.filters.severities ?? []).join(', '),
    },
    includeEntity: w.includeEntity,
    jsonPayloadEnabled: w.jsonPayloadEnabled,
    bodyTemplate: w.bodyTemplate,
    secret: { value: '', remove: false },
    signature: w.signature,
    validators: w.validators.map((v) => ({ path: v.path, expected: formatExpected(v.expected) })),
    retry: {
      maxAttempts: String(w.retry.maxAttempts),
      backoff: w.retry.backoff,
      initialDelaySeconds: String(w.retry.initialDelaySeconds),
      maxDelaySeconds: String(w.retry.maxDelaySeconds),
      jitter: String(w.retry.jitter),
    },
  };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The keys the user changed, compared with the webhook the draft started from. */
export function changedKeys(draft: WebhookDraft, base: WebhookDraft): (keyof WebhookDraft)[] {
  return (Object.keys(draft) as (keyof WebhookDraft)[]).filter((key) => !sameValue(draft[key], base[key]));
}

/**
 * When the webhook changes under an open editor (a live update, a header action): untouched fields
 * follow the new value, edited ones stay as the user left them.
 */
export function rebaseDraft(draft: WebhookDraft, oldBase: WebhookDraft, newBase: WebhookDraft): WebhookDraft {
  const next = { ...draft } as Record<keyof WebhookDraft, unknown>;
  for (const key of Object.keys(draft) as (keyof WebhookDraft)[]) {
    if (sameValue(draft[key], oldBase[key])) next[key] = newBase[key];
  }
  return next as unknown as WebhookDraft;
}
