import type { WebhookConfig } from '../schemas/webhook';
import { mayHoldVariables, resolveVariables, type VariableLookup } from './resolve-variables';

/** The webhook fields that may hold `${VAR}`: where the request goes, how it is authenticated, signed and written. */
export type ResolvableWebhook = Pick<WebhookConfig, 'url' | 'headers' | 'auth' | 'bodyTemplate' | 'secret'>;

export type WebhookResolution<T> = { ok: true; webhook: T; changed: boolean } | { ok: false; missing: string[] };

/**
 * The webhook with `${VAR}` resolved in its URL, custom header values, auth fields (OAuth2 token URL
 * and credentials included), body template text and signing secret, or every name that has no value.
 * The template is resolved as text before it renders, so what an event carries is never resolved
 * (a sender cannot read the environment by sending "${SECRET}"). `changed` is false when nothing
 * held a reference (the same object is answered).
 */
export function resolveWebhook<T extends ResolvableWebhook>(webhook: T, lookup: VariableLookup): WebhookResolution<T> {
  const missing = new Set<string>();
  let changed = false;
  const resolve = (text: string): string => {
    if (!mayHoldVariables(text)) return text;
    const result = resolveVariables(text, lookup);
    if (!result.ok) {
      for (const name of result.missing) missing.add(name);
      return text;
    }
    if (result.text !== text) changed = true;
    return result.text;
  };
  const url = resolve(webhook.url);
  const headers = Object.fromEntries(Object.entries(webhook.headers).map(([name, value]) => [name, resolve(value)]));
  const auth = resolveAuth(webhook.auth, resolve);
  const bodyTemplate = webhook.bodyTemplate === null ? null : resolve(webhook.bodyTemplate);
  const secret = webhook.secret === null ? null : resolve(webhook.secret);
  if (missing.size > 0) return { ok: false, missing: [...missing] };
  if (!changed) return { ok: true, webhook, changed: false };
  return { ok: true, webhook: { ...webhook, url, headers, auth, bodyTemplate, secret }, changed: true };
}

function resolveAuth(auth: WebhookConfig['auth'], resolve: (text: string) => string): WebhookConfig['auth'] {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(auth)) {
    if (key === 'type') out[key] = value;
    else if (typeof value === 'string') out[key] = resolve(value);
    else if (Array.isArray(value)) out[key] = value.map((item: unknown) => (typeof item === 'string' ? resolve(item) : item));
    else out[key] = value;
  }
  return out as WebhookConfig['auth'];
}
