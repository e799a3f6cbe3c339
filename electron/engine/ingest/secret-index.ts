import { timingSafeEqual } from 'node:crypto';
import { hashSecret } from './connector-secrets';

interface Entry {
  connectorId: string;
  hash: Buffer;
}

/**
 * Finds the connector a presented secret (push key or capture token) belongs to in O(1):
 * the secret is hashed, the hash looked up in a Map, and the stored hash compared to it in
 * constant time. Only hashes are kept, here as on disk.
 */
export class SecretIndex {
  private readonly byHash = new Map<string, Entry>();
  private readonly hashOf = new Map<string, string>();

  /** Sets (or replaces) the secret hash of a connector; the old one stops matching at once. */
  set(connectorId: string, hashHex: string): void {
    this.remove(connectorId);
    this.byHash.set(hashHex, { connectorId, hash: Buffer.from(hashHex, 'hex') });
    this.hashOf.set(connectorId, hashHex);
  }

  clear(): void {
    this.byHash.clear();
    this.hashOf.clear();
  }

  remove(connectorId: string): void {
    const old = this.hashOf.get(connectorId);
    if (old !== undefined) this.byHash.delete(old);
    this.hashOf.delete(connectorId);
  }

  /** The connector id for `secret`, or null when no connector has it. */
  find(secret: string | undefined): string | null {
    if (!secret) return null;
    const hash = hashSecret(secret);
    const entry = this.byHash.get(hash.toString('hex'));
    if (!entry || !timingSafeEqual(entry.hash, hash)) return null;
    return entry.connectorId;
  }
}
