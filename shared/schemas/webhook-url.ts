import { hasVariables } from '../env/resolve-variables';
import { z } from 'zod';

/** An http or https URL, as it is sent (after `${VAR}` references are resolved). */
export const httpUrlSchema = z
  .string({ error: 'must be a string' })
  .max(2048, 'must be at most 2048 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }));

/**
 * A URL as configured: an http or https URL, or text holding a `${VAR}` reference (`${BASE}/hooks`
 * is a URL only once resolved; it is checked with `httpUrlSchema` when used).
 */
export const urlWithVariablesSchema = z
  .string({ error: 'must be a string' })
  .max(2048, 'must be at most 2048 characters')
  .refine((url) => hasVariables(url) || httpUrlSchema.safeParse(url).success, 'must be an http or https URL');

export const webhookUrlSchema = urlWithVariablesSchema;

/** True for `localhost`, `*.localhost`, 127.0.0.0/8 and `::1`: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A warning for the answer and the editor when a target is plain http and not on this machine;
 * null for https, loopback targets and text that is not a URL (the schema reports those).
 */
export function insecureTargetWarning(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' || isLoopbackHost(parsed.hostname)) return null;
  return (
    `${parsed.host} is reached over plain http: the payload, the signature and any credentials travel unencrypted. ` +
    'Use https for targets that are not on this machine.'
  );
}
