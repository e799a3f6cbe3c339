import { z } from 'zod';
import { isMasked, webhookFieldSchemas, type WebhookPatch } from '../../../../shared/schemas/webhook';
import { decodeStandardSecret } from '../../../../shared/signing/standard-webhooks';
import { issuesToFields } from '../../../../shared/validation';
import { parseHeaderLines, type FieldErrors } from '../connectors/connector-form';
import { changedKeys, parseExpected, type AuthDraft, type WebhookDraft } from './webhook-draft';

const commaList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** '' and text that is not a number become NaN, reported as "must be a number". */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function authFromDraft(a: AuthDraft): Record<string, unknown> {
  switch (a.type) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: a.username, password: a.password };
    case 'bearer':
      return { type: 'bearer', token: a.token };
    case 'apiKey':
      return { type: 'apiKey', header: a.header, value: a.value };
    case 'oauth2': {
      const scopes = a.scopes.split(/[\s,]+/).filter((s) => s !== '');
      return { type: 'oauth2', tokenUrl: a.tokenUrl, clientId: a.clientId, clientSecret: a.clientSecret, ...(scopes.length > 0 ? { scopes } : {}) };
    }
  }
}

/** Each editor key as the API field(s) it sets; `headers` may instead answer an error sentence. */
function valuesOf(d: WebhookDraft): { values: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const headers = parseHeaderLines(d.headers);
  if ('error' in headers) errors.headers = headers.error;
  const filters: Record<string, string[]> = {};
  for (const key of ['connectorIds', 'dataSources', 'severities'] as const) {
    const list = commaList(d.filters[key]);
    if (list.length > 0) filters[key] = list;
  }
  const values: Record<string, unknown> = {
    name: d.name,
    url: d.url.trim(),
    method: d.method,
    contentType: d.contentType,
    timeoutSeconds: num(d.timeoutSeconds),
    enabled: d.enabled,
    headers: 'headers' in headers ? headers.headers : {},
    auth: authFromDraft(d.auth),
    events: d.events.all
      ? 'all'
      : d.events.rows.map((r) => ({
          type: r.type.trim(),
          ...(r.version.trim() ? { version: r.version.trim() } : {}),
          ...(r.severity.trim() ? { severity: r.severity.trim() } : {}),
        })),
    filters,
    includeEntity: d.includeEntity,
    jsonPayloadEnabled: d.jsonPayloadEnabled,
    bodyTemplate: d.bodyTemplate,
    secret: d.secret.remove ? null : d.secret.value,
    signature: d.signature,
    validators: d.validators.map((v) => ({ path: v.path.trim(), expected: parseExpected(v.expected) })),
    retry: {
      maxAttempts: num(d.retry.maxAttempts),
      backoff: d.retry.backoff,
      initialDelaySeconds: num(d.retry.initialDelaySeconds),
      maxDelaySeconds: num(d.retry.maxDelaySeconds),
      jitter: num(d.retry.jitter),
    },
  };
  return { values, errors };
}

/** Masked credentials read back from the API cannot pass the ASCII check: validate a stand-in instead (the engine restores them). */
function unmasked(auth: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(auth).map(([k, v]) => [k, isMasked(v) ? 'stored' : v]));
}

const allFields = z.object(webhookFieldSchemas).partial().strict();

/** Field errors of the whole draft, keyed as the API keys them (`retry.maxAttempts`, `validators.0.path`, …). */
export function validateDraft(d: WebhookDraft): FieldErrors {
  const { values, errors } = valuesOf(d);
  const { secret, headers: _h, ...rest } = values;
  const candidate: Record<string, unknown> = { ...rest, auth: unmasked(values.auth as Record<string, unknown>) };
  const keepsSecret = !d.secret.remove && d.secret.value === '';
  if (!keepsSecret) candidate.secret = secret;
  const result = allFields.safeParse(candidate);
  const fields = result.success ? {} : issuesToFields(result.error.issues);
  for (const [key, message] of Object.entries(fields)) {
    fields[key] = /NaN|expected number/.test(message) ? 'must be a number' : message;
  }
  if (!keepsSecret && typeof secret === 'string' && secret !== '' && d.signature === 'standard-webhooks' && !decodeStandardSecret(secret)) {
    fields.secret ??= 'must be a Standard Webhooks secret: "whsec_" followed by base64 (generate one to be sure)';
  }
  return { ...fields, ...errors };
}

/** The PATCH body: only the fields the user changed. The secret is sent only when typed, or null when removed. */
export function patchFromDraft(d: WebhookDraft, base: WebhookDraft): WebhookPatch & Record<string, unknown> {
  const { values } = valuesOf(d);
  const patch: Record<string, unknown> = {};
  for (const key of changedKeys(d, base)) {
    if (key === 'secret') {
      if (d.secret.remove) patch.secret = null;
      else if (d.secret.value !== '') patch.secret = d.secret.value;
      continue;
    }
    patch[key] = values[key];
  }
  return patch as WebhookPatch & Record<string, unknown>;
}

/** The values the preview renders with (whatever the user typed, valid or not). */
export function previewValues(d: WebhookDraft): Record<string, unknown> {
  return valuesOf(d).values;
}

/** The first error at `path` or under it (`filters.connectorIds` also shows `filters.connectorIds.0`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
