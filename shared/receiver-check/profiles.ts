import type { ReceiverCheckProfileName } from '../schemas/receiver-check';
import { randomIdPart } from '../ids';
import { generateWebhookSecret } from '../signing/secret';
import { decodeStandardSecret } from '../signing/standard-webhooks';
import {
  signGithubDelivery,
  signHookdeskDelivery,
  signShopifyDelivery,
  signSlackDelivery,
  signStandardWebhooksDelivery,
  signStripeDelivery,
  type SignDeliveryInput,
  type SignedHeaders,
} from './sender-signatures';

/**
 * The senders a receiver check imitates: how each signs, which headers it sends, how long it waits
 * for an answer, how far its signed timestamp may be off, and how it retries when the receiver is
 * down. Every number carries the address of the page that documents it; where a sender publishes
 * only a summary ("8 times over 4 hours"), the schedule here is marked `approximate`.
 */

/** What a sender does with one event that keeps failing. */
export interface RetrySchedule {
  /** Wait before each retry, counted from the failure of the attempt before it (attempt 1 is at 0). */
  delaysSeconds: readonly number[];
  /** True when the sender publishes only a summary and the individual waits are Hookdesk's estimate. */
  approximate: boolean;
  /** In the sender's terms: what happens to the event after the last attempt. */
  giveUp: string;
  /** When the sender also switches the endpoint off: after failing continuously this long. Null: no such time rule. */
  disableAfterSeconds: number | null;
  /** True when the endpoint is switched off as soon as one event has used up its attempts. */
  disableAtGiveUp: boolean;
  /** In the sender's terms: the disabling rule (or why there is none). */
  disable: string;
  sourceUrl: string;
}

/** One sample delivery: the event id, the sender's own headers (not the signature) and the JSON body. */
export interface SampleDelivery {
  id: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export interface SampleInput {
  /** 1, 2, 3...: later events of the same object have higher numbers (out-of-order case). */
  sequence: number;
  /** When the event happened, in Unix seconds. */
  createdSeconds: number;
}

export interface SenderProfile {
  name: ReceiverCheckProfileName;
  label: string;
  /** How long the sender waits for a 2xx before it counts the delivery as failed. */
  timeoutMs: number;
  timeoutSourceUrl: string;
  /** Set when the sender publishes no exact number and Hookdesk chose one. */
  timeoutNote: string | null;
  /** How far a signed timestamp may be from the receiver's clock; null when the scheme signs no timestamp. */
  toleranceSeconds: number | null;
  toleranceSourceUrl: string | null;
  /** Headers holding the signature (left out in the missing-signature case). */
  signatureHeaders: readonly string[];
  /** True when the scheme carries several signatures in one header while a secret is rotated. */
  supportsRotation: boolean;
  /** What a receiver should deduplicate on, in words ("the webhook-id header"). */
  dedupeKey: string;
  /** Why a secret cannot be used with this sender (in words), or null. */
  secretProblem(secret: string): string | null;
  /** A fresh secret of the same form, for the wrong-secret and rotation cases. */
  otherSecret(): string;
  sign(input: SignDeliveryInput): SignedHeaders;
  sample(input: SampleInput): SampleDelivery;
  retry: RetrySchedule;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function randomSecret(prefix = ''): string {
  return `${prefix}${randomIdPart(32)}`;
}

function uuid(): string {
  return globalThis.crypto.randomUUID();
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

const HOUR = 3600;
const MINUTE = 60;

const standardWebhooks: SenderProfile = {
  name: 'standard-webhooks',
  label: 'Standard Webhooks (Svix)',
  timeoutMs: 15_000,
  timeoutSourceUrl: 'https://docs.svix.com/retries#indicating-successful-delivery',
  timeoutNote: null,
  toleranceSeconds: 300,
  toleranceSourceUrl: 'https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md',
  signatureHeaders: ['webhook-signature'],
  supportsRotation: true,
  dedupeKey: 'the webhook-id header',
  secretProblem: (secret) => (decodeStandardSecret(secret) ? null : 'must be a Standard Webhooks secret: "whsec_" followed by base64'),
  otherSecret: () => generateWebhookSecret(),
  sign: signStandardWebhooksDelivery,
  sample: ({ sequence, createdSeconds }) => ({
    id: `msg_${randomIdPart(24)}`,
    headers: { ...JSON_HEADERS, 'User-Agent': 'Hookdesk-ReceiverCheck/1 (Standard Webhooks)' },
    body: {
      type: 'invoice.updated',
      timestamp: iso(createdSeconds),
      data: { id: 'inv_hookdesk_check', sequence, status: sequence > 1 ? 'paid' : 'open', amount: 1999, currency: 'EUR' },
    },
  }),
  retry: {
    delaysSeconds: [5, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
    approximate: false,
    giveUp: 'After the eighth attempt the message is marked Failed for this endpoint.',
    disableAfterSeconds: 5 * 24 * HOUR,
    disableAtGiveUp: false,
    disable: 'If all attempts to the endpoint fail for 5 days, the endpoint is disabled.',
    sourceUrl: 'https://docs.svix.com/retries',
  },
};

const stripe: SenderProfile = {
  name: 'stripe',
  label: 'Stripe',
  timeoutMs: 10_000,
  timeoutSourceUrl: 'https://docs.stripe.com/webhooks',
  timeoutNote:
    'Stripe publishes no exact timeout, only that an endpoint must return a 2xx quickly, before any complex logic that could cause a timeout; Hookdesk grades against 10 s.',
  toleranceSeconds: 300,
  toleranceSourceUrl: 'https://docs.stripe.com/webhooks',
  signatureHeaders: ['Stripe-Signature'],
  supportsRotation: true,
  dedupeKey: 'the event id (evt_...) in the body',
  secretProblem: () => null,
  otherSecret: () => randomSecret('whsec_'),
  sign: signStripeDelivery,
  sample: ({ sequence, createdSeconds }) => {
    const id = `evt_${randomIdPart(24)}`;
    return {
      id,
      headers: { ...JSON_HEADERS, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
      body: {
        id,
        object: 'event',
        api_version: '2024-06-20',
        created: createdSeconds,
        type: sequence > 1 ? 'payment_intent.succeeded' : 'payment_intent.created',
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        data: {
          object: {
            id: 'pi_hookdeskcheck',
            object: 'payment_intent',
            amount: 2000,
            currency: 'usd',
            status: sequence > 1 ? 'succeeded' : 'requires_payment_method',
          },
        },
      },
    };
  },
  retry: {
    // Stripe: "up to three days with an exponential back off"; the waits between are an estimate that ends at 72 h.
    delaysSeconds: [1 * HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, 24 * HOUR, 17 * HOUR],
    approximate: true,
    giveUp: 'In live mode Stripe retries for up to three days with an exponential back off, then stops; the event can be resent from the Dashboard or the CLI.',
    disableAfterSeconds: null,
    disableAtGiveUp: false,
    disable: 'Stripe emails the account about an endpoint that keeps failing; it does not publish when it disables one.',
    sourceUrl: 'https://docs.stripe.com/webhooks',
  },
};

const github: SenderProfile = {
  name: 'github',
  label: 'GitHub',
  timeoutMs: 10_000,
  timeoutSourceUrl: 'https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks#respond-within-10-seconds',
  timeoutNote: null,
  toleranceSeconds: null,
  toleranceSourceUrl: null,
  signatureHeaders: ['X-Hub-Signature-256'],
  supportsRotation: false,
  dedupeKey: 'the X-GitHub-Delivery header',
  secretProblem: () => null,
  otherSecret: () => randomSecret(),
  sign: signGithubDelivery,
  sample: ({ sequence, createdSeconds }) => {
    const id = uuid();
    return {
      id,
      headers: {
        ...JSON_HEADERS,
        'User-Agent': 'GitHub-Hookshot/hookdesk',
        'X-GitHub-Event': 'issues',
        'X-GitHub-Delivery': id,
        'X-GitHub-Hook-ID': '123456789',
      },
      body: {
        action: sequence > 1 ? 'closed' : 'opened',
        issue: { id: 1_234_567_890, number: 42, title: 'Receiver check', state: sequence > 1 ? 'closed' : 'open', updated_at: iso(createdSeconds) },
        repository: { id: 987_654_321, full_name: 'hookdesk/receiver-check' },
        sender: { login: 'hookdesk', id: 1 },
      },
    };
  },
  retry: {
    delaysSeconds: [],
    approximate: false,
    giveUp: 'GitHub does not automatically redeliver failed deliveries: the delivery is recorded as failed and can be redelivered by hand (or by a script through the REST API) for the past 3 days.',
    disableAfterSeconds: null,
    disableAtGiveUp: false,
    disable: 'GitHub does not say it disables a failing webhook.',
    sourceUrl: 'https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries',
  },
};

const shopify: SenderProfile = {
  name: 'shopify',
  label: 'Shopify',
  timeoutMs: 5_000,
  timeoutSourceUrl: 'https://shopify.dev/docs/apps/build/webhooks/subscribe/https',
  timeoutNote: null,
  toleranceSeconds: null,
  toleranceSourceUrl: null,
  signatureHeaders: ['X-Shopify-Hmac-Sha256'],
  supportsRotation: false,
  dedupeKey: 'the X-Shopify-Event-Id header',
  secretProblem: () => null,
  otherSecret: () => randomSecret(),
  sign: signShopifyDelivery,
  sample: ({ sequence, createdSeconds }) => {
    const id = uuid();
    return {
      id,
      headers: {
        ...JSON_HEADERS,
        'User-Agent': 'Shopify-Captain-Hook',
        'X-Shopify-Topic': sequence > 1 ? 'orders/updated' : 'orders/create',
        'X-Shopify-Shop-Domain': 'hookdesk-check.myshopify.com',
        'X-Shopify-API-Version': '2025-01',
        'X-Shopify-Webhook-Id': id,
        'X-Shopify-Event-Id': uuid(),
        'X-Shopify-Triggered-At': iso(createdSeconds),
      },
      body: {
        id: 820_982_911_946_154,
        admin_graphql_api_id: 'gid://shopify/Order/820982911946154',
        email: 'jon@example.com',
        updated_at: iso(createdSeconds),
        financial_status: sequence > 1 ? 'paid' : 'pending',
        total_price: '199.00',
        currency: 'EUR',
      },
    };
  },
  retry: {
    // "8 times over 4 hours using an exponential backoff schedule": doubling waits from 1 min (about 4 h 15 min in all).
    delaysSeconds: [1, 2, 4, 8, 16, 32, 64, 128].map((m) => m * MINUTE),
    approximate: true,
    giveUp: 'Shopify retries a failed delivery 8 times over 4 hours with an exponential backoff.',
    disableAfterSeconds: null,
    disableAtGiveUp: true,
    disable: 'After 8 consecutive failures Shopify deletes a subscription that was created through the Admin API.',
    sourceUrl: 'https://shopify.dev/changelog/updates-to-webhook-retry-mechanism',
  },
};

const slack: SenderProfile = {
  name: 'slack',
  label: 'Slack (Events API)',
  timeoutMs: 3_000,
  timeoutSourceUrl: 'https://docs.slack.dev/apis/events-api/',
  timeoutNote: null,
  toleranceSeconds: 300,
  toleranceSourceUrl: 'https://docs.slack.dev/authentication/verifying-requests-from-slack',
  signatureHeaders: ['X-Slack-Signature'],
  supportsRotation: false,
  dedupeKey: 'the event_id in the body',
  secretProblem: () => null,
  otherSecret: () => randomIdPart(32),
  sign: signSlackDelivery,
  sample: ({ sequence, createdSeconds }) => {
    const id = `Ev${randomIdPart(10).toUpperCase()}`;
    return {
      id,
      headers: { ...JSON_HEADERS, 'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)' },
      body: {
        token: 'XXYYZZ',
        team_id: 'T0HOOKDESK',
        api_app_id: 'A0HOOKDESK',
        event: { type: 'app_mention', user: 'U0HOOKDESK', text: `<@U0BOT> check ${sequence}`, ts: `${createdSeconds}.000${sequence}00`, channel: 'C0HOOKDESK', event_ts: `${createdSeconds}.000${sequence}00` },
        type: 'event_callback',
        event_id: id,
        event_time: createdSeconds,
      },
    };
  },
  retry: {
    // "nearly immediately, after 1 minute, then after 5 minutes"; the first retry follows the 3 s timeout.
    delaysSeconds: [3, 1 * MINUTE, 5 * MINUTE],
    approximate: true,
    giveUp: 'Slack retries a failed event 3 times (nearly immediately, after 1 minute, then after 5 minutes), each with X-Slack-Retry-Num, then drops it.',
    disableAfterSeconds: 60 * MINUTE,
    disableAtGiveUp: false,
    disable: 'When more than 95 % of deliveries to the Request URL fail within 60 minutes, Slack temporarily disables the app\'s event subscriptions.',
    sourceUrl: 'https://docs.slack.dev/apis/events-api/',
  },
};

const hookdesk: SenderProfile = {
  name: 'hookdesk',
  label: 'Hookdesk (hmac-sha1)',
  timeoutMs: 10_000,
  timeoutSourceUrl: 'docs/API.md#webhooks-outbound',
  timeoutNote: 'Hookdesk webhooks wait timeoutSeconds for an answer, 10 s unless set otherwise.',
  toleranceSeconds: null,
  toleranceSourceUrl: null,
  signatureHeaders: ['X-Hookdesk-Signature'],
  supportsRotation: false,
  dedupeKey: 'the X-Hookdesk-Event-Id header',
  secretProblem: () => null,
  otherSecret: () => randomIdPart(32),
  sign: signHookdeskDelivery,
  sample: ({ sequence, createdSeconds }) => {
    const id = `evt_${randomIdPart(21)}`;
    return {
      id,
      headers: { ...JSON_HEADERS, 'User-Agent': 'Hookdesk-Webhooks/1', 'X-Hookdesk-Event-Id': id, 'X-Hookdesk-Event': 'alarm.updated' },
      body: { id, type: 'alarm.updated', time: iso(createdSeconds), data: { alarmId: 'alm_hookdesk_check', sequence, status: sequence > 1 ? 'closed' : 'open' } },
    };
  },
  retry: {
    // DEFAULT_RETRY_POLICY (shared/retry/retry-policy.ts): 5 attempts, 5 s doubling, ±20 % jitter.
    delaysSeconds: [5, 10, 20, 40],
    approximate: true,
    giveUp: 'Hookdesk sends 5 attempts by default (at once, then about 5, 10, 20 and 40 s later, ±20 %).',
    disableAfterSeconds: null,
    disableAtGiveUp: true,
    disable: 'After 5 consecutive failed attempts the webhook goes to FAILED: it sends nothing until restarted, and holds the events that arrive meanwhile.',
    sourceUrl: 'docs/API.md#webhooks-outbound',
  },
};

export const SENDER_PROFILES: Readonly<Record<ReceiverCheckProfileName, SenderProfile>> = {
  'standard-webhooks': standardWebhooks,
  stripe,
  github,
  shopify,
  slack,
  hookdesk,
};

export function senderProfile(name: ReceiverCheckProfileName): SenderProfile {
  return SENDER_PROFILES[name];
}
