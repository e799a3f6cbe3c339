import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { utf8 } from './bytes';

export const HMAC_ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
export type HmacAlgorithm = (typeof HMAC_ALGORITHMS)[number];

const HASHES = { sha1, sha256, sha512 } as const;

/** HMAC of `message` under `key`; strings are taken as UTF-8. Synchronous, same in Node and browser. */
export function hmacBytes(algorithm: HmacAlgorithm, key: Uint8Array | string, message: Uint8Array | string): Uint8Array {
  const keyBytes = typeof key === 'string' ? utf8(key) : key;
  const messageBytes = typeof message === 'string' ? utf8(message) : message;
  return hmac(HASHES[algorithm], keyBytes, messageBytes);
}
