import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from '../signing/bytes';

/**
 * Svix's naming rules, as its server checks them (svix-webhooks `server/openapi.json`): uids,
 * event type names and channels are `^[a-zA-Z0-9\-_.]+$` (uids and event types at most 256
 * characters, channels 128); endpoint secrets `^(whsec_)?[a-zA-Z0-9+/=]{32,100}$`; endpoint headers
 * at most 4096 bytes a value, never one of `FORBIDDEN_HEADERS` or a forbidden prefix.
 */
const SVIX_NAME = /^[a-zA-Z0-9\-_.]+$/;
const SVIX_SECRET = /^(whsec_)?[a-zA-Z0-9+/=]{32,100}$/;

export const SVIX_MAX_NAME = 256;
export const SVIX_MAX_CHANNEL = 128;
export const SVIX_MAX_CHANNELS = 10;
export const SVIX_MAX_HEADER_VALUE = 4096;

/** Header names the Svix server refuses on an endpoint (`core/types/mod.rs`: FORBIDDEN_KEYS, FORBIDDEN_PREFIXES). */
const FORBIDDEN_HEADERS = new Set([
  'user-agent',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailers',
  'transfer-encoding',
  'upgrade',
  'age',
  'cache-control',
  'clear-site-data',
  'expires',
  'pragma',
  'warning',
  'content-length',
  'content-type',
  'content-encoding',
  'content-language',
  'content-location',
]);
const FORBIDDEN_PREFIXES = ['x-amz-', 'x-amzn-', 'x-google', 'x-goog-', 'x-gfe', 'x-azure-', 'x-fd-', 'x-svix-', 'svix-'];

/** Headers the Svix server answers by name only (`GET .../headers` lists them under `sensitive`, without values). */
const SENSITIVE_HEADERS = new Set(['x-auth-token', 'x-api-key', 'www-authenticate', 'authorization', 'proxy-authenticate', 'proxy-authorization']);

export function isSvixName(text: string, max = SVIX_MAX_NAME): boolean {
  return text.length >= 1 && text.length <= max && SVIX_NAME.test(text);
}

/** Does the Svix server take this as an endpoint secret? (A Standard Webhooks secret of 24..75 bytes in standard base64.) */
export function isSvixSecret(secret: string): boolean {
  return SVIX_SECRET.test(secret);
}

/** Why Svix refuses this endpoint header name, or null when it takes it. */
export function forbiddenHeaderReason(name: string): string | null {
  const lower = name.toLowerCase();
  if (FORBIDDEN_HEADERS.has(lower)) return 'Svix does not let an endpoint set it';
  const prefix = FORBIDDEN_PREFIXES.find((p) => lower.startsWith(p));
  return prefix ? `Svix does not let an endpoint set headers starting with "${prefix}"` : null;
}

export function isSensitiveSvixHeader(name: string): boolean {
  return SENSITIVE_HEADERS.has(name.toLowerCase());
}

function shortHash(text: string): string {
  return toHex(sha256(utf8(text))).slice(0, 8);
}

/**
 * A Svix id from a Hookdesk name, stable across runs and other resources: a name already made of
 * Svix's characters is used lowercased (Hookdesk names are unique ignoring case, so these cannot
 * clash); any other name gets its characters replaced by `-` plus 8 hex of the SHA-256 of the
 * lowercased name, so `Orders to ERP` and `Orders-to ERP` stay apart. `prefix` namespaces channels.
 */
export function svixSlug(name: string, prefix = ''): string {
  const key = name.trim().toLowerCase();
  if (SVIX_NAME.test(key)) return `${prefix}${key}`;
  let slug = '';
  for (const ch of key) slug += /[a-z0-9._-]/.test(ch) ? ch : '-';
  slug = slug.replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 64);
  return `${prefix}${slug === '' ? '' : `${slug}-`}${shortHash(key)}`;
}

/**
 * A fingerprint of header values Svix will not read back (`sensitive`), kept in the endpoint's
 * metadata so that a changed credential is seen without ever reading or storing it. SHA-256 over
 * the endpoint uid and the sorted name/value pairs; never the values themselves.
 */
export function sensitiveHeadersFingerprint(uid: string, headers: Record<string, string>): string | null {
  const pairs = Object.entries(headers)
    .filter(([name]) => isSensitiveSvixHeader(name))
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pairs.length === 0) return null;
  return `sha256:${toHex(sha256(utf8(JSON.stringify(['hookdesk-svix-headers', uid, pairs]))))}`;
}
