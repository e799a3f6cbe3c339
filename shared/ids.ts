/** Prefixed, opaque ids (`con_…`, `evt_…`, `whk_…`, `dlv_…`) so that logs are readable. */
export type IdPrefix = 'con' | 'evt' | 'whk' | 'dlv' | 'inv';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random part of an id: 16 characters of base36 from the platform's CSPRNG (about 82 bits). */
export function randomIdPart(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}

/**
 * A new id. A time prefix (base36 milliseconds, fixed width) keeps ids of one kind sortable by
 * creation time, which the event log relies on for "newest first".
 */
export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  return `${prefix}_${nowMs.toString(36).padStart(9, '0')}${randomIdPart(12)}`;
}
