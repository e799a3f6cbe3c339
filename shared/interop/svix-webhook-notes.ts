import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry/retry-policy';
import { WEBHOOK_DEFAULTS, type WebhookConfig } from '../schemas/webhook';
import { sameJson } from './svix-canonical';

/** Something a webhook does that Svix cannot express, and the closest way to get it there. */
export interface SvixNote {
  what: string;
  workaround: string;
}

type NotedWebhook = Pick<WebhookConfig, 'method' | 'contentType' | 'bodyTemplate' | 'auth' | 'secret' | 'signature' | 'timeoutSeconds' | 'validators' | 'retry'>;

/** Svix's server-wide defaults (svix-webhooks `server/svix-server/config.default.toml`). */
const SVIX_RETRY_SCHEDULE = '5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h';

/**
 * The per-webhook settings Svix has no place for (issue #16: HMAC-SHA1 signing, form bodies, GET,
 * JSONPath validators, its own retry policy, OAuth2, body templates, its own timeout), each with
 * the closest workaround. Filters, event selectors, headers and secrets are noted where they are
 * mapped (svix-plan.ts).
 */
export function unmappableSettings(webhook: NotedWebhook): SvixNote[] {
  const notes: SvixNote[] = [];
  if (webhook.signature === 'hmac-sha1' && webhook.secret !== null) {
    notes.push({
      what: 'Signs with HMAC-SHA1 (X-Hookdesk-Signature).',
      workaround:
        'Svix signs every message the Standard Webhooks way (HMAC-SHA256 in svix-signature or webhook-signature) with a secret it generates for the endpoint: give the receiver that secret (Svix app portal, or GET /api/v1/app/{app}/endpoint/{uid}/secret) and verify with the svix or standardwebhooks library.',
    });
  }
  if (webhook.contentType === 'application/x-www-form-urlencoded') {
    notes.push({
      what: 'Sends form bodies (application/x-www-form-urlencoded).',
      workaround: 'Svix sends JSON only: make the receiver read the JSON payload, or put a small proxy in front of it that turns the JSON into a form.',
    });
  }
  if (webhook.method === 'GET') {
    notes.push({ what: 'Sends GET requests.', workaround: 'Svix sends POST only: have the receiver accept POST with the JSON payload.' });
  }
  if (webhook.validators.length > 0) {
    notes.push({
      what: `Checks the answer with ${webhook.validators.length} JSONPath validator(s) (${webhook.validators.map((v) => v.path).join(', ')}).`,
      workaround: 'Svix counts any 2xx answer as delivered: make the receiver answer with a non-2xx status when the check would fail.',
    });
  }
  if (!sameRetry(webhook.retry)) {
    notes.push({
      what: `Has its own retry policy (${describeRetry(webhook.retry)}).`,
      workaround: `Svix retries every endpoint on the server's retry_schedule (default ${SVIX_RETRY_SCHEDULE}); set it in the Svix server's configuration, for all endpoints at once.`,
    });
  }
  if (webhook.timeoutSeconds !== WEBHOOK_DEFAULTS.timeoutSeconds) {
    notes.push({
      what: `Waits ${webhook.timeoutSeconds} s for an answer.`,
      workaround: "Svix's request timeout is server-wide (worker_request_timeout, default 30 s) in the Svix server's configuration.",
    });
  }
  if (webhook.auth.type === 'oauth2') {
    notes.push({
      what: 'Authenticates with OAuth2 client credentials (a token fetched from the token URL).',
      workaround:
        'The open-source Svix server cannot fetch OAuth2 tokens: give the endpoint a long-lived token as an Authorization header (Svix endpoint headers), or let the receiver accept Svix signatures instead.',
    });
  }
  if (webhook.bodyTemplate !== null) {
    notes.push({
      what: 'Renders its body from a template.',
      workaround:
        'Svix sends each message payload as the producer posts it: render the template in the producer before creating the message (payload transformations are a Svix Cloud feature, not in the open-source server).',
    });
  }
  return notes;
}

/** What holds for every webhook: printed once, above the per-webhook notes. */
export const SVIX_GENERAL_NOTES: readonly SvixNote[] = [
  {
    what: 'Hookdesk builds each request from the event (its envelope: eventId, eventType, webhookId, entityId, entity, entityUrl, timestamp).',
    workaround: 'Svix delivers the payload the producer posts as the message: post that envelope as the payload to keep what receivers get today.',
  },
  {
    what: 'A Hookdesk webhook turns FAILED after 5 failed attempts in a row and holds its events until restarted.',
    workaround: `Svix retries each message on its own schedule (${SVIX_RETRY_SCHEDULE}) and disables an endpoint that kept failing for endpoint_failure_disable_after hours (default 120); re-enable it and use "recover" to send the failed messages again.`,
  },
  {
    what: 'Receivers that verify Standard Webhooks read webhook-id, webhook-timestamp and webhook-signature.',
    workaround: 'The open-source Svix server sends svix-id, svix-timestamp and svix-signature unless whitelabel_headers = true in its configuration: set it, or have receivers read the svix-* names (the signature is the same).',
  },
];

function sameRetry(retry: RetryPolicy): boolean {
  return sameJson(retry, DEFAULT_RETRY_POLICY);
}

function describeRetry(retry: RetryPolicy): string {
  return `${retry.maxAttempts} attempts, ${retry.backoff} backoff from ${retry.initialDelaySeconds} s up to ${retry.maxDelaySeconds} s`;
}
