import { recordBody } from '../../../shared/body-bytes';
import type { DispatchEvent } from '../../../shared/events/dispatch-event';
import { MAX_JSON_DEPTH, valueTooDeep } from '../../../shared/json/bounded-json';
import { buildOutboundRequest } from '../../../shared/outbound/build-request';
import type { Invocation, InvocationRequest, InvocationResponse } from '../../../shared/schemas/delivery';
import { isSensitiveHeader, maskSecret } from '../../../shared/schemas/webhook-mask';
import { HOOKDESK_SIGNATURE_HEADER } from '../../../shared/signing/hookdesk-signature';
import { allValidatorsPassed, runValidators } from '../../../shared/validators/run-validators';
import type { Clock } from '../clock';
import { webhookAtUse, type VariableSource } from '../environments/resolve-at-use';
import type { StoredWebhookConfig } from '../store/workspace-data';
import { RESPONSE_BODY_CAP, type HttpSender, type OutboundResponse, type SendResult } from './http-sender';
import { nativeSignatureHeaders } from './native-signature';
import type { OAuth2TokenCache } from './oauth2-token-cache';
import { errorText } from '../../../shared/errors';

/** Request and response bodies kept in records and answers are cut at this many bytes (`truncated` says so). */
export const RECORDED_BODY_CAP = RESPONSE_BODY_CAP;

/** Signature headers are derived from the body, not credentials: kept so a record can be checked. */
const SIGNATURE_HEADERS = new Set([HOOKDESK_SIGNATURE_HEADER.toLowerCase(), 'webhook-signature', 'webhook-id', 'webhook-timestamp']);

/** What one invocation came to, and whether sending it again could ever turn out differently. */
export interface InvokeOutcome {
  invocation: Invocation;
  /**
   * False when the request could not be built for this event (template, body, an event that
   * cannot be written), or something unforeseen failed: a rebuild gives the same answer, so a
   * delivery fails once instead of being retried.
   */
  retryable: boolean;
}

/**
 * Sends one webhook request for one event and says what happened, as an invocation whose request
 * has credentials masked and bodies capped: exactly what delivery records and the UI may hold.
 * OAuth2 tokens come from the cache; a 401 drops the token and the request is sent once more with
 * a fresh one. Never throws (an unforeseen error becomes a failed, not retryable, invocation).
 */
export class Invoker {
  constructor(
    private readonly sender: HttpSender,
    private readonly tokens: OAuth2TokenCache,
    private readonly clock: Clock,
    private readonly apiBaseUrl: () => string,
    /** `${VAR}` values, read when each request is built (so switching the environment takes effect at once). */
    private readonly variables: VariableSource,
  ) {}

  async invoke(webhook: StoredWebhookConfig, event: DispatchEvent): Promise<Invocation> {
    return (await this.attempt(webhook, event)).invocation;
  }

  async attempt(configured: StoredWebhookConfig, event: DispatchEvent): Promise<InvokeOutcome> {
    const atUse = holdsNoVariables(configured) ? { ok: true as const, webhook: configured, fromVariables: NONE } : webhookAtUse(configured, this.variables);
    if (!atUse.ok) {
      // An unset variable: building again gives the same answer, so the delivery fails once ("cannot be built").
      const request = { method: configured.method, url: configured.url, headers: {}, body: null };
      return { invocation: { ok: false, request, response: null, error: atUse.reason, durationMs: 0, validators: [], bodyError: null }, retryable: false };
    }
    const { webhook, fromVariables } = atUse;
    try {
      const timeoutMs = webhook.timeoutSeconds * 1000;
      let result = await this.sendOnce(webhook, event, timeoutMs, false, fromVariables);
      if (result.retryable && webhook.auth.type === 'oauth2' && result.sent?.response?.status === 401) {
        this.tokens.invalidate(webhook.auth);
        result = await this.sendOnce(webhook, event, timeoutMs, true, fromVariables);
      }
      return { invocation: keepable(result.invocation), retryable: result.retryable };
    } catch (error) {
      const why = errorText(error);
      const invocation: Invocation = {
        ok: false,
        request: { method: webhook.method, url: webhook.url, headers: {}, body: null },
        response: null,
        error: `Hookdesk could not send this request (${why}). It is not retried; redeliver it once the cause is fixed.`,
        durationMs: 0,
        validators: [],
        bodyError: null,
      };
      return { invocation, retryable: false };
    }
  }

  private async sendOnce(
    webhook: StoredWebhookConfig,
    event: DispatchEvent,
    timeoutMs: number,
    retriedAfter401: boolean,
    fromVariables: ReadonlySet<string>,
  ): Promise<{ invocation: Invocation; sent: SendResult | null; retryable: boolean }> {
    let accessToken: string | null = null;
    let tokenError: string | null = null;
    if (webhook.auth.type === 'oauth2') {
      try {
        accessToken = await this.tokens.token(webhook.auth, timeoutMs);
      } catch (error) {
        tokenError = errorText(error);
      }
    }
    const built = buildOutboundRequest({
      webhook,
      event,
      apiBaseUrl: this.apiBaseUrl(),
      oauthAccessToken: accessToken,
      timestampSeconds: Math.floor(this.clock.now() / 1000),
      sign: nativeSignatureHeaders,
    });
    const recorded = recordedRequest(built.request, webhook, fromVariables);
    if (!built.ok) {
      return {
        invocation: { ok: false, request: recorded, response: null, error: built.reason, durationMs: 0, validators: [], bodyError: built.error },
        sent: null,
        retryable: false,
      };
    }
    if (tokenError !== null) {
      return { invocation: { ok: false, request: recorded, response: null, error: tokenError, durationMs: 0, validators: [], bodyError: null }, sent: null, retryable: true };
    }
    const sent = await this.sender.send(
      { method: webhook.method, url: webhook.url, headers: built.request.headers, body: built.bodyBytes },
      timeoutMs,
    );
    const response = sent.response ? recordedResponse(sent.response) : null;
    const validators = runValidators(webhook.validators, sent.response ? sent.response.body : null);
    const statusOk = response !== null && response.status >= 200 && response.status < 300;
    const ok = statusOk && allValidatorsPassed(validators);
    let error = sent.error;
    if (error === null && !statusOk && response) error = `The target answered HTTP ${response.status}; only 2xx counts as delivered.`;
    if (error === null && !ok) error = 'A response validator failed: the answer did not hold the expected values.';
    if (error !== null && retriedAfter401 && response?.status === 401) error = `${error} A fresh OAuth2 token was fetched and still refused: check the client's rights.`;
    return { invocation: { ok, request: recorded, response, error, durationMs: sent.durationMs, validators, bodyError: null }, sent, retryable: true };
  }
}

const NONE: ReadonlySet<string> = new Set();
const VARIABLE = '${';

/**
 * True when no field `webhookAtUse` resolves holds a `${` (most webhooks): then it would answer the
 * webhook itself, so the per-send copy of its headers and auth is skipped. Checked on every send
 * (a webhook is changed in place), allocating nothing.
 */
export function holdsNoVariables(webhook: StoredWebhookConfig): boolean {
  if (webhook.url.includes(VARIABLE) || webhook.bodyTemplate?.includes(VARIABLE) || webhook.secret?.includes(VARIABLE)) return false;
  for (const name in webhook.headers) if (webhook.headers[name]?.includes(VARIABLE)) return false;
  const auth = webhook.auth as Record<string, unknown>;
  for (const key in auth) {
    const value = auth[key];
    if (typeof value === 'string' ? value.includes(VARIABLE) : Array.isArray(value) && value.some((item) => typeof item === 'string' && item.includes(VARIABLE))) return false;
  }
  return true;
}

/**
 * An invocation as records may hold it: a validator's value nested past MAX_JSON_DEPTH (a receiver's
 * answer) is replaced by a note, so the delivery record can always be written and read back.
 */
function keepable(invocation: Invocation): Invocation {
  if (!invocation.validators.some((v) => valueTooDeep(v.actual))) return invocation;
  const validators = invocation.validators.map((v) =>
    valueTooDeep(v.actual) ? { ...v, actual: `(a value nested deeper than ${MAX_JSON_DEPTH} levels: not kept)` } : v,
  );
  return { ...invocation, validators };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A request to record: its body as text (a template's output) or as the bytes sent. */
export type RequestToRecord = Omit<InvocationRequest, 'body' | 'encoding' | 'truncated'> & { body: string | Uint8Array | null };

/** The request as records keep it: credential headers masked, the body's bytes capped (text when UTF-8, else base64). */
export function recordedRequest(
  request: RequestToRecord,
  webhook: Pick<StoredWebhookConfig, 'auth'>,
  /** Lower-case names of headers whose values came from `${VAR}` references: masked too (environment values may be secrets). */
  fromVariables: ReadonlySet<string> = new Set(),
): InvocationRequest {
  const apiKeyHeader = webhook.auth.type === 'apiKey' ? webhook.auth.header.toLowerCase() : null;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    const secret = !SIGNATURE_HEADERS.has(lower) && (lower === apiKeyHeader || isSensitiveHeader(name) || fromVariables.has(lower));
    headers[name] = secret ? maskCredential(value) : value;
  }
  if (request.body === null) return { method: request.method, url: request.url, headers, body: null };
  // A rendered body (text without surrogates, so valid UTF-8) well under the cap is recorded as it
  // is: what recordBody would answer, without encoding it to bytes and decoding them back.
  if (typeof request.body === 'string' && request.body.length * 3 <= RECORDED_BODY_CAP && !SURROGATE.test(request.body)) {
    return { method: request.method, url: request.url, headers, body: request.body };
  }
  return { method: request.method, url: request.url, headers, ...recordBody(request.body, RECORDED_BODY_CAP) };
}

/** A response as records keep it: its bytes capped (the reader stops at the cap), text when UTF-8, else base64. */
export function recordedResponse(response: OutboundResponse): InvocationResponse {
  return { status: response.status, headers: response.headers, ...recordBody(response.bytes, RECORDED_BODY_CAP, response.truncated) };
}

/** `Basic ••••`, `Bearer ••••abcd`: the scheme stays readable, the credential does not. */
function maskCredential(value: string): string {
  const scheme = /^(Basic|Bearer)\s+(.*)$/i.exec(value);
  if (scheme?.[1] !== undefined && scheme[2] !== undefined) return `${scheme[1]} ${maskSecret(scheme[2])}`;
  return maskSecret(value);
}
