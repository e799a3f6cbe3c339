import { resolveWebhook } from '../../../shared/env/resolve-webhook';
import { resolveVariables, unresolvedMessage, type VariableLookup } from '../../../shared/env/resolve-variables';
import { authSchema } from '../../../shared/schemas/webhook-auth';
import { headersRecordSchema } from '../../../shared/schemas/http-header';
import { httpUrlSchema } from '../../../shared/schemas/webhook-url';
import { decodeStandardSecret } from '../../../shared/signing/standard-webhooks';
import type { StoredWebhookConfig } from '../store/workspace-data';

/** Where `${VAR}` values come from at the moment of use: the environment service, or a stand-in in tests. */
export interface VariableSource {
  lookup: VariableLookup;
  activeName(): string | null;
}

export type WebhookAtUse =
  | { ok: true; webhook: StoredWebhookConfig; fromVariables: ReadonlySet<string> }
  | { ok: false; reason: string };

/**
 * The webhook as it is sent now: `${VAR}` resolved in its URL, headers, auth, template and secret,
 * then those fields checked again (a URL like `${BASE}/hooks` is only a URL once resolved). Answers
 * a reason when a variable is not set or a resolved value does not fit its field; building again
 * gives the same answer until the environment changes, so callers fail once without retrying.
 * `fromVariables` names the headers whose values came from variables (records mask them).
 */
export function webhookAtUse(webhook: StoredWebhookConfig, variables: VariableSource): WebhookAtUse {
  const resolved = resolveWebhook(webhook, variables.lookup);
  if (!resolved.ok) return { ok: false, reason: `${unresolvedMessage(resolved.missing, variables.activeName())} Nothing was sent.` };
  if (!resolved.changed) return { ok: true, webhook, fromVariables: new Set() };
  const problem = resolvedProblem(resolved.webhook);
  if (problem !== null) return { ok: false, reason: `After resolving its variables, the webhook's ${problem}. Nothing was sent; fix the environment's value.` };
  const fromVariables = new Set(Object.entries(webhook.headers).filter(([name, value]) => resolved.webhook.headers[name] !== value).map(([name]) => name.toLowerCase()));
  return { ok: true, webhook: resolved.webhook, fromVariables };
}

/** Which resolved field does not fit, in words without the value (it may be a secret); null when all do. */
function resolvedProblem(webhook: StoredWebhookConfig): string | null {
  if (!httpUrlSchema.safeParse(webhook.url).success) return 'url is not an http or https URL';
  if (!headersRecordSchema.safeParse(webhook.headers).success) return 'headers hold a value with a line break or over 8192 characters';
  const auth = authSchema.safeParse(webhook.auth);
  if (!auth.success) return `auth.${auth.error.issues[0]?.path.join('.') ?? ''} ${auth.error.issues[0]?.message ?? 'is invalid'}`;
  if (webhook.signature === 'standard-webhooks' && webhook.secret !== null && !decodeStandardSecret(webhook.secret)) {
    return 'secret is not a Standard Webhooks secret ("whsec_" followed by base64)';
  }
  return null;
}

/**
 * A configured URL (the forward URL) as it is used now: `${VAR}` resolved, then checked as an http or
 * https URL. `what` names it in the reason ("forward URL").
 */
export function urlAtUse(url: string, variables: VariableSource, what: string): { ok: true; url: string } | { ok: false; reason: string } {
  const resolved = resolveVariables(url, variables.lookup);
  if (!resolved.ok) return { ok: false, reason: `Not sent: ${lowerFirst(unresolvedMessage(resolved.missing, variables.activeName()))} (in the ${what}).` };
  if (resolved.text !== url && !httpUrlSchema.safeParse(resolved.text).success) {
    return { ok: false, reason: `Not sent: the ${what} is not an http or https URL once its variables are resolved; fix the environment's value.` };
  }
  return { ok: true, url: resolved.text };
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
