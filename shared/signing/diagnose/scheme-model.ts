import type { VerificationConfig, VerificationScheme } from '../../schemas/verification';
import { constantTimeEqual, fromBase64, fromHex, toBase64, toHex, utf8 } from '../bytes';
import type { HmacAlgorithm } from '../hmac';
import {
  genericHmacSignedContent,
  githubSignedContent,
  shopifySignedContent,
  slackSignedContent,
  standardWebhooksSignedContent,
  stripeSignedContent,
} from '../signed-content';
import { decodeStandardSecret } from '../standard-webhooks';
import { parseStripeHeader } from '../verify/verify-stripe';
import { headerValue, type RequestHeaders, type TimestampWindow } from '../verify/verification-result';

/**
 * One verification scheme as the diagnoser sees it: what is signed (for any body, so re-serialized
 * bodies can be tried), how the configured secret becomes the key, the algorithm and encoding, and
 * the signatures the request carries. Built from the same parsing and signed content the verifiers
 * use (`parseStripeHeader`, `decodeStandardSecret`, `signed-content.ts`), so "computed" here is what
 * verification computed.
 */
export interface SchemeModel {
  scheme: VerificationScheme;
  /** The header holding the signature (the one found, for GitHub's legacy header). */
  header: string;
  /** The header's value as received (trimmed); null when the request has none. */
  received: string | null;
  /** The first header the scheme needs that the request lacks; null when all are there. */
  missing: string | null;
  /** What is signed, in words, e.g. `webhook-id.webhook-timestamp.body`. */
  contentLabel: string;
  /** The bytes signed, for a given body. */
  content(body: Uint8Array): Uint8Array;
  /** The HMAC key the configured secret gives; null when the secret cannot be one for this scheme. */
  key(secret: string): Uint8Array | null;
  /** Whether the scheme keys with the secret's text (true) or its base64-decoded bytes (Standard Webhooks). */
  textKey: boolean;
  algorithm: HmacAlgorithm;
  encoding: 'hex' | 'base64';
  /** A MAC written the way the header carries it, e.g. `sha256=<hex>`, `t=…,v1=<hex>`, `v1,<base64>`. */
  format(mac: Uint8Array): string;
  /** Each signature the header carries, without its prefix, as text (compared as text, like the libraries). */
  given: string[];
  /** The signed timestamp, when the scheme has one and the request carries it. */
  timestamp: { header: string; value: string; window: TimestampWindow } | null;
}

/** A MAC as text in an encoding. */
export function encodeMac(mac: Uint8Array, encoding: 'hex' | 'base64'): string {
  return encoding === 'hex' ? toHex(mac) : toBase64(mac);
}

function trimmed(headers: RequestHeaders, name: string): string | null {
  const value = headerValue(headers, name);
  return value === undefined ? null : value.trim();
}

function withoutPrefix(value: string | null, prefix: string): string[] {
  if (value === null || value === '') return [];
  return [value.startsWith(prefix) ? value.slice(prefix.length) : value];
}

const textKey = (secret: string): Uint8Array => utf8(secret);

function standardWebhooks(headers: RequestHeaders): SchemeModel {
  const pick = (suffix: string): { name: string; value: string } | null => {
    for (const name of [`webhook-${suffix}`, `svix-${suffix}`]) {
      const value = trimmed(headers, name);
      if (value !== null) return { name, value };
    }
    return null;
  };
  const signature = pick('signature');
  const id = pick('id');
  const timestamp = pick('timestamp');
  const missing = !signature ? 'webhook-signature' : !id ? 'webhook-id' : !timestamp ? 'webhook-timestamp' : null;
  const given = (signature?.value ?? '')
    .split(' ')
    .map((entry) => entry.split(',', 2))
    .filter(([version, encoded]) => version === 'v1' && encoded)
    .map(([, encoded]) => encoded as string);
  return {
    scheme: 'standard-webhooks',
    header: signature?.name ?? 'webhook-signature',
    received: signature?.value ?? null,
    missing,
    contentLabel: `${id?.name ?? 'webhook-id'}.${timestamp?.name ?? 'webhook-timestamp'}.body`,
    content: (body) => standardWebhooksSignedContent(id?.value ?? '', timestamp?.value ?? '', body),
    key: (secret) => decodeStandardSecret(secret),
    textKey: false,
    algorithm: 'sha256',
    encoding: 'base64',
    format: (mac) => `v1,${toBase64(mac)}`,
    given,
    timestamp: timestamp ? { header: timestamp.name, value: timestamp.value, window: 'both-ways' } : null,
  };
}

function github(headers: RequestHeaders): SchemeModel {
  const modern = trimmed(headers, 'X-Hub-Signature-256');
  const legacy = modern === null ? trimmed(headers, 'X-Hub-Signature') : null;
  const algorithm: HmacAlgorithm = legacy !== null ? 'sha1' : 'sha256';
  const header = legacy !== null ? 'X-Hub-Signature' : 'X-Hub-Signature-256';
  const received = modern ?? legacy;
  return {
    scheme: 'github',
    header,
    received,
    missing: received === null ? 'X-Hub-Signature-256' : null,
    contentLabel: 'body',
    content: githubSignedContent,
    key: textKey,
    textKey: true,
    algorithm,
    encoding: 'hex',
    format: (mac) => `${algorithm}=${toHex(mac)}`,
    given: withoutPrefix(received, `${algorithm}=`),
    timestamp: null,
  };
}

function stripe(headers: RequestHeaders): SchemeModel {
  const received = trimmed(headers, 'Stripe-Signature');
  const parsed = received === null ? { timestamp: null, v1: [] } : parseStripeHeader(received);
  return {
    scheme: 'stripe',
    header: 'Stripe-Signature',
    received,
    missing: received === null ? 'Stripe-Signature' : null,
    contentLabel: 't.body',
    content: (body) => stripeSignedContent(parsed.timestamp ?? '', body),
    key: textKey,
    textKey: true,
    algorithm: 'sha256',
    encoding: 'hex',
    format: (mac) => `t=${parsed.timestamp ?? ''},v1=${toHex(mac)}`,
    given: parsed.v1,
    timestamp: parsed.timestamp === null ? null : { header: 'Stripe-Signature t', value: parsed.timestamp, window: 'past-only' },
  };
}

function shopify(headers: RequestHeaders): SchemeModel {
  const received = trimmed(headers, 'X-Shopify-Hmac-Sha256');
  return {
    scheme: 'shopify',
    header: 'X-Shopify-Hmac-Sha256',
    received,
    missing: received === null ? 'X-Shopify-Hmac-Sha256' : null,
    contentLabel: 'body',
    content: shopifySignedContent,
    key: textKey,
    textKey: true,
    algorithm: 'sha256',
    encoding: 'base64',
    format: (mac) => toBase64(mac),
    given: received === null || received === '' ? [] : [received],
    timestamp: null,
  };
}

function slack(headers: RequestHeaders): SchemeModel {
  const received = trimmed(headers, 'X-Slack-Signature');
  const timestamp = trimmed(headers, 'X-Slack-Request-Timestamp');
  return {
    scheme: 'slack',
    header: 'X-Slack-Signature',
    received,
    missing: received === null ? 'X-Slack-Signature' : timestamp === null ? 'X-Slack-Request-Timestamp' : null,
    contentLabel: 'v0:X-Slack-Request-Timestamp:body',
    content: (body) => slackSignedContent(timestamp ?? '', body),
    key: textKey,
    textKey: true,
    algorithm: 'sha256',
    encoding: 'hex',
    format: (mac) => `v0=${toHex(mac)}`,
    given: withoutPrefix(received, 'v0='),
    timestamp: timestamp === null ? null : { header: 'X-Slack-Request-Timestamp', value: timestamp, window: 'both-ways' },
  };
}

function genericHmac(headers: RequestHeaders, config: Extract<VerificationConfig, { scheme: 'hmac' }>): SchemeModel {
  const received = trimmed(headers, config.header);
  const template = config.signedPayload ?? '{body}';
  const usesTimestamp = template.includes('{timestamp}');
  const timestamp = usesTimestamp && config.timestampHeader ? trimmed(headers, config.timestampHeader) : null;
  const prefix = config.prefix ?? '';
  const missing = received === null ? config.header : usesTimestamp && timestamp === null ? (config.timestampHeader ?? 'timestamp header') : null;
  return {
    scheme: 'hmac',
    header: config.header,
    received,
    missing,
    contentLabel: template
      .split('{body}')
      .map((part) => part.split('{timestamp}').join(config.timestampHeader ?? 'timestamp'))
      .join('body'),
    content: (body) => genericHmacSignedContent(template, body, timestamp ?? ''),
    key: textKey,
    textKey: true,
    algorithm: config.algorithm,
    encoding: config.encoding,
    format: (mac) => `${prefix}${encodeMac(mac, config.encoding)}`,
    given: withoutPrefix(received, prefix),
    timestamp: timestamp !== null && config.timestampHeader ? { header: config.timestampHeader, value: timestamp, window: 'both-ways' } : null,
  };
}

/** The model of the connector's scheme over one request's headers. */
export function schemeModel(config: VerificationConfig, headers: RequestHeaders): SchemeModel {
  switch (config.scheme) {
    case 'standard-webhooks':
      return standardWebhooks(headers);
    case 'github':
      return github(headers);
    case 'stripe':
      return stripe(headers);
    case 'shopify':
      return shopify(headers);
    case 'slack':
      return slack(headers);
    case 'hmac':
      return genericHmac(headers, config);
  }
}

/**
 * Whether a MAC matches one of the signatures given: as text in the scheme's encoding for the
 * providers (as their libraries compare), as decoded bytes for the generic HMAC (as its verifier does).
 */
export function macMatches(model: SchemeModel, mac: Uint8Array): boolean {
  if (model.scheme === 'hmac') {
    return model.given.some((given) => {
      const bytes = model.encoding === 'hex' ? fromHex(given) : fromBase64(given);
      return bytes !== null && constantTimeEqual(bytes, mac);
    });
  }
  const expected = encodeMac(mac, model.encoding);
  return model.given.some((given) => given === expected);
}
