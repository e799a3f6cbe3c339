import { createHash } from 'node:crypto';
import { compareHeaders } from '../../../shared/relay/fidelity';
import type { RelayFidelity } from '../../../shared/schemas/fidelity';

/** One side of a relay: the headers and the whole body bytes (null for no body). */
export interface RelaySide {
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | null;
}

/** Lowercase hex SHA-256 of the bytes (of no bytes for a bodiless request). */
export function sha256Hex(bytes: Uint8Array | null): string {
  return createHash('sha256')
    .update(bytes ?? new Uint8Array(0))
    .digest('hex');
}

/**
 * What a forward or a replay sent against what the connector received, computed when it is sent
 * (off the ingest path): SHA-256 and length of both bodies (one hash when they are the same bytes
 * object) and the header names added, removed or changed.
 */
export function relayFidelity(received: RelaySide, sent: RelaySide): RelayFidelity {
  const receivedSha256 = sha256Hex(received.body);
  const sentSha256 = sent.body === received.body ? receivedSha256 : sha256Hex(sent.body);
  return {
    receivedSha256,
    receivedBytes: received.body?.byteLength ?? 0,
    sentSha256,
    sentBytes: sent.body?.byteLength ?? 0,
    headers: compareHeaders(received.headers, sent.headers),
  };
}
