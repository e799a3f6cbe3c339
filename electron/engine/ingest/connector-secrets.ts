import { createHash, randomBytes } from 'node:crypto';

/** Random bytes in a push API key: 192 bits, well over the 128 the contract asks for. */
const KEY_BYTES = 24;
/** Random bytes in a capture token (the secret part of a capture URL). */
const CAPTURE_TOKEN_BYTES = 24;

/** A new push API key: URL- and header-safe (base64url), shown once and stored only as a hash. */
export function newApiKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

/** A new capture token for `/hooks/<token>`: independent of the API key. */
export function newCaptureToken(): string {
  return randomBytes(CAPTURE_TOKEN_BYTES).toString('base64url');
}

/** SHA-256 of a secret: what workspace.json keeps, so the data file alone does not reveal it. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function hashSecretHex(secret: string): string {
  return hashSecret(secret).toString('hex');
}
