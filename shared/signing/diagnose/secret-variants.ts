import { fromBase64, utf8 } from '../bytes';
import { STANDARD_WEBHOOKS_PREFIX } from '../standard-webhooks';

/**
 * The keys a sender may have used instead of the one the configured secret gives: the secret's
 * text where the scheme decodes it (or the reverse), the `whsec_` prefix kept or dropped, stray
 * whitespace from a copy and paste. Each comes with what to change.
 */
export interface SecretVariant {
  id: SecretVariantId;
  label: string;
  key: Uint8Array;
  /** The cause in words, and what to change. */
  detail: string;
  fix: string;
}

export type SecretVariantId = 'secret-as-text' | 'secret-base64-decoded' | 'prefix-dropped' | 'prefix-added' | 'secret-trimmed';

const PREFIX = STANDARD_WEBHOOKS_PREFIX;

function withoutPrefix(secret: string): string {
  return secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
}

/**
 * The variants for a secret under a scheme that keys with its text (`textKey`: Stripe, GitHub,
 * Shopify, Slack, generic HMAC) or with its base64-decoded bytes (Standard Webhooks).
 */
export function secretVariants(secret: string, textKey: boolean): SecretVariant[] {
  const variants: SecretVariant[] = [];
  const hasPrefix = secret.startsWith(PREFIX);
  if (textKey) {
    const decoded = fromBase64(withoutPrefix(secret));
    if (decoded && decoded.length > 0) {
      variants.push({
        id: 'secret-base64-decoded',
        label: `the secret base64-decoded${hasPrefix ? ` (after ${PREFIX})` : ''} as the key`,
        key: decoded,
        detail: 'The sender keys the HMAC with the base64-decoded bytes of the secret; this scheme keys with the secret\'s text as it is written.',
        fix: 'Make the sender key with the secret\'s text (as this provider\'s libraries do), or, for your own sender, verify with Standard Webhooks, which decodes the secret.',
      });
    }
    if (hasPrefix && secret.length > PREFIX.length) {
      variants.push({
        id: 'prefix-dropped',
        label: `the secret without its ${PREFIX} prefix`,
        key: utf8(withoutPrefix(secret)),
        detail: `The sender signs with the secret without its "${PREFIX}" prefix, but the secret configured here has it.`,
        fix: `Remove "${PREFIX}" from the secret in Relay settings (or make the sender sign with the whole secret).`,
      });
    } else if (!hasPrefix) {
      variants.push({
        id: 'prefix-added',
        label: `the secret with a ${PREFIX} prefix`,
        key: utf8(`${PREFIX}${secret}`),
        detail: `The sender signs with the whole secret, "${PREFIX}" prefix included, but the secret configured here lacks the prefix.`,
        fix: `Paste the whole secret in Relay settings, "${PREFIX}" included.`,
      });
    }
  } else {
    variants.push({
      id: 'secret-as-text',
      label: 'the secret\'s text (not base64-decoded) as the key',
      key: utf8(secret),
      detail: `The sender keys the HMAC with the secret's text as written, "${PREFIX}" and all; Standard Webhooks keys with the base64-decoded bytes after "${PREFIX}".`,
      fix: `Make the sender base64-decode the part after "${PREFIX}" and key with those bytes (as the standardwebhooks libraries do); or, if it cannot change, verify with a generic HMAC (SHA-256, base64) over {id}.{timestamp}.{body}.`,
    });
    if (hasPrefix && secret.length > PREFIX.length) {
      variants.push({
        id: 'secret-as-text',
        label: `the text after ${PREFIX} (not base64-decoded) as the key`,
        key: utf8(withoutPrefix(secret)),
        detail: `The sender keys the HMAC with the text after "${PREFIX}" instead of the bytes it encodes in base64.`,
        fix: `Make the sender base64-decode the part after "${PREFIX}" and key with those bytes (as the standardwebhooks libraries do).`,
      });
    }
  }
  const trimmed = secret.trim();
  if (trimmed !== secret && trimmed !== '') {
    variants.push({
      id: 'secret-trimmed',
      label: 'the secret without surrounding spaces or newlines',
      key: textKey ? utf8(trimmed) : (fromBase64(withoutPrefix(trimmed)) ?? utf8(trimmed)),
      detail: 'The secret configured here has spaces or a newline around it (a copy and paste), which the sender\'s does not.',
      fix: 'Paste the secret again in Relay settings without the surrounding whitespace.',
    });
  }
  return variants;
}

/**
 * The secret as a hint that gives nothing away: its length, whether it has the `whsec_` prefix,
 * and whether the rest is base64. Never a character of the secret itself beyond the known prefix.
 */
export function secretHint(secret: string): string {
  const parts = [`${secret.length} characters`];
  if (secret.startsWith(PREFIX)) {
    parts.push(`starts with ${PREFIX}`);
    parts.push(fromBase64(withoutPrefix(secret)) ? 'base64 after it' : 'not base64 after it');
  } else {
    parts.push(`no ${PREFIX} prefix`);
  }
  if (secret.trim() !== secret) parts.push('spaces or a newline around it');
  return parts.join(', ');
}
