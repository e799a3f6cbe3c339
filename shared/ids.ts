/** Prefixed, opaque ids (`con_…`, `evt_…`, `whk_…`, `dlv_…`) so that logs are readable. */
export type IdPrefix = 'con' | 'evt' | 'whk' | 'dlv' | 'inv';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random bytes are drawn from the CSPRNG in blocks: one getRandomValues call per id costs a
 * system call each, which showed up as a tenth of the push API's CPU time under load.
 */
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

/** Random part of an id: 16 characters of base36 from the platform's CSPRNG (about 82 bits). */
export function randomIdPart(length = 16): string {
  if (length > POOL_SIZE) throw new RangeError(`An id part of ${length} characters is longer than ${POOL_SIZE}.`);
  if (poolOffset + length > POOL_SIZE) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  let out = '';
  for (let i = poolOffset; i < poolOffset + length; i += 1) out += ALPHABET[(pool[i] as number) % 36];
  poolOffset += length;
  return out;
}

/**
 * A new id. A time prefix (base36 milliseconds, fixed width) keeps ids of one kind sortable by
 * creation time, which the event log relies on for "newest first".
 */
export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  return `${prefix}_${nowMs.toString(36).padStart(9, '0')}${randomIdPart(12)}`;
}
