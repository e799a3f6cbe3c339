import type { InvocationRequest } from './schemas/delivery';

/** Quotes one argument for POSIX shells: single quotes, with `'` written as `'\''`. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl sets itself from the request; copying them would only cause mismatches. */
const SKIPPED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/**
 * A copy-pasteable curl command (bash, zsh, sh) for an invocation's request. The body goes in with
 * `--data-raw`, so `@` at its start is not read as a file name; a binary body (base64 in the record)
 * is piped through `base64 -d` into `--data-binary @-`.
 */
export function toCurl(request: InvocationRequest): string {
  // A binary body (recorded as base64) is decoded into curl's stdin, so the exact bytes are sent.
  const binary = request.encoding === 'base64' && request.body !== null && request.body !== '';
  const parts = ['curl', '-X', shellQuote(request.method.toUpperCase()), shellQuote(request.url)];
  const lines = [binary ? `printf %s ${shellQuote(request.body ?? '')} | base64 -d | ${parts.join(' ')}` : parts.join(' ')];
  for (const [name, value] of Object.entries(request.headers)) {
    if (SKIPPED.has(name.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (binary) lines.push('--data-binary @-');
  else if (request.body !== null && request.body !== '') lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}
