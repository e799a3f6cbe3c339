import { z } from 'zod';

/**
 * Relay fidelity (issue #15, "Relay fidelity"): what a forward or a replay sent compared with what
 * the connector received. Digests are SHA-256 of the whole bodies (lowercase hex), computed by the
 * engine when it sends, so the comparison holds however large the body (recorded bodies are capped).
 * Only header names are kept here, never values (they may be credentials).
 */
export const headerChangesSchema = z.object({
  /** Names sent that the received request did not carry (lower case). */
  added: z.array(z.string()),
  /** Names received that were not sent on (lower case). */
  removed: z.array(z.string()),
  /** Names sent with another value than received (lower case). */
  changed: z.array(z.string()),
});
export type HeaderChanges = z.infer<typeof headerChangesSchema>;

export const relayFidelitySchema = z.object({
  receivedSha256: z.string(),
  receivedBytes: z.number().int().nonnegative(),
  sentSha256: z.string(),
  sentBytes: z.number().int().nonnegative(),
  headers: headerChangesSchema,
});
export type RelayFidelity = z.infer<typeof relayFidelitySchema>;
