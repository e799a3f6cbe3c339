import { SECRET_AUTH_FIELDS, type WebhookAuth } from './webhook-auth';
import { insecureTargetWarning } from './webhook-url';
import type { StoredWebhook, Webhook, WebhookPatch } from './webhook';

/**
 * Masking for read-back. The mask holds "••••" (not ASCII), so a masked value can never be a valid
 * credential: when a form sends one back unchanged, `restoreMaskedSecrets` swaps the stored value in.
 */
export const MASK = '••••';

export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes(MASK);
}

/** `whsec_••••abcd` / `••••abcd` for long values (last 4 shown), `••••` for short ones. */
export function maskSecret(value: string): string {
  const prefix = value.startsWith('whsec_') ? 'whsec_' : '';
  const rest = value.slice(prefix.length);
  return rest.length >= 16 ? `${prefix}${MASK}${rest.slice(-4)}` : `${prefix}${MASK}`;
}

/** Header names whose values are credentials (masked like auth fields). */
export function isSensitiveHeader(name: string): boolean {
  return /authorization|api[-_]?key|token|secret|password|passwd|cookie|signature|credential/i.test(name);
}

export function maskAuth(auth: WebhookAuth): WebhookAuth {
  const masked: Record<string, unknown> = { ...auth };
  for (const field of SECRET_AUTH_FIELDS[auth.type] as readonly string[]) {
    const value = masked[field];
    if (typeof value === 'string' && value !== '') masked[field] = maskSecret(value);
  }
  return masked as WebhookAuth;
}

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSensitiveHeader(k) ? maskSecret(v) : v]));
}

/** A stored webhook as the API answers it: secret and credentials masked, warnings added. */
export function maskWebhook(stored: StoredWebhook): Webhook {
  const warning = insecureTargetWarning(stored.url);
  return {
    ...stored,
    secret: stored.secret === null ? null : maskSecret(stored.secret),
    auth: maskAuth(stored.auth),
    headers: maskHeaders(stored.headers),
    warnings: warning ? [warning] : [],
  };
}

function restoreAuth(patchAuth: unknown, storedAuth: WebhookAuth): unknown {
  if (typeof patchAuth !== 'object' || patchAuth === null) return patchAuth;
  const next: Record<string, unknown> = { ...(patchAuth as Record<string, unknown>) };
  if (next.type !== storedAuth.type) return next;
  const stored = storedAuth as Record<string, unknown>;
  for (const field of SECRET_AUTH_FIELDS[storedAuth.type] as readonly string[]) {
    if (isMasked(next[field])) next[field] = stored[field];
  }
  return next;
}

function restoreHeaders(patchHeaders: unknown, storedHeaders: Record<string, string>): unknown {
  if (typeof patchHeaders !== 'object' || patchHeaders === null) return patchHeaders;
  const byLower = new Map(Object.entries(storedHeaders).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.fromEntries(
    Object.entries(patchHeaders as Record<string, unknown>).map(([k, v]) => [k, isMasked(v) ? (byLower.get(k.toLowerCase()) ?? v) : v]),
  );
}

/**
 * Before validating a PATCH (or a full form save): masked values the client sent back unchanged are
 * replaced by the stored ones, so "edit the URL, leave the password alone" keeps the password.
 */
export function restoreMaskedSecrets(patch: Record<string, unknown>, stored: Pick<StoredWebhook, 'secret' | 'auth' | 'headers'>): Partial<WebhookPatch> & Record<string, unknown> {
  const next: Record<string, unknown> = { ...patch };
  if (isMasked(next.secret)) next.secret = stored.secret;
  if ('auth' in next) next.auth = restoreAuth(next.auth, stored.auth);
  if ('headers' in next) next.headers = restoreHeaders(next.headers, stored.headers);
  return next;
}
