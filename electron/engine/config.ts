import { z } from 'zod';

export const DEFAULT_PORT = 8787;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Limits of the HTTP edge (Hardening): capture URLs face the internet, so a sender that is slow on
 * purpose, or a live-stream client that never reads, must cost a bounded time and memory.
 */
export const HTTP_EDGE_DEFAULTS = {
  /** The request line and headers must arrive within this (slowloris). */
  headersTimeoutMs: 10_000,
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 10_000,
  /** Connections open at once; past it new ones are closed as they arrive. */
  maxConnections: 2_048,
  /** A live-stream client with more than this waiting to be sent is dropped. */
  sseMaxBufferedBytes: 1024 * 1024,
  /** A live-stream client whose socket has not drained for this long is dropped. */
  sseStallMs: 30_000,
  /** A browser session ends after this long without a request (sliding). */
  sessionIdleMs: 12 * 60 * 60 * 1000,
} as const;

/** Engine settings: defaults here, then flags or the shell's choices, validated at start. */
export const engineConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(DEFAULT_PORT),
  dataDir: z.string().min(1),
  /** The management token; generated and kept in the data dir when not given. */
  token: z.string().min(1).optional(),
  /** Size limit for push and capture bodies. */
  maxBodyBytes: z.number().int().min(1024).max(256 * 1024 * 1024).default(DEFAULT_MAX_BODY_BYTES),
  /** Move unreadable data files aside and start fresh instead of refusing to start. */
  recover: z.boolean().default(false),
  /** The built renderer to serve at `/`; null serves a short page saying it is not built. */
  rendererDir: z.string().nullable().default(null),
  /** false: no workspace UI at all (`--no-ui`); `/` answers 404 with a plain sentence saying so. */
  serveUi: z.boolean().default(true),
  /**
   * Push and capture on their own listener (`--ingest-host/--ingest-port`): a server exposes only
   * that one to senders, while the management API and UI stay on `host:port` (loopback by default).
   * Null: one listener for everything, as on the desktop.
   */
  ingest: z.object({ host: z.string().min(1), port: z.number().int().min(0).max(65535) }).nullable().default(null),
  /**
   * Resources applied from a config file (`serve --config`) are managed: the management API refuses
   * to change them unless `allowManagedEdits`. `managedBy` names that file in the refusal.
   */
  managedBy: z.string().nullable().default(null),
  allowManagedEdits: z.boolean().default(false),
  /** `--env NAME`: this environment resolves `${VAR}` for this run instead of the stored active one. */
  environment: z.string().min(1).nullable().default(null),
  version: z.string().default('0.0.0'),
  headersTimeoutMs: z.number().int().min(50).default(HTTP_EDGE_DEFAULTS.headersTimeoutMs),
  requestTimeoutMs: z.number().int().min(50).default(HTTP_EDGE_DEFAULTS.requestTimeoutMs),
  keepAliveTimeoutMs: z.number().int().min(50).default(HTTP_EDGE_DEFAULTS.keepAliveTimeoutMs),
  maxConnections: z.number().int().min(1).default(HTTP_EDGE_DEFAULTS.maxConnections),
  sseMaxBufferedBytes: z.number().int().min(1024).default(HTTP_EDGE_DEFAULTS.sseMaxBufferedBytes),
  sseStallMs: z.number().int().min(50).default(HTTP_EDGE_DEFAULTS.sseStallMs),
  sessionIdleMs: z.number().int().min(1000).default(HTTP_EDGE_DEFAULTS.sessionIdleMs),
});
export type EngineConfig = z.output<typeof engineConfigSchema>;
export type EngineConfigInput = z.input<typeof engineConfigSchema>;
