import { z } from 'zod';

export const DEFAULT_PORT = 8787;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

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
  version: z.string().default('0.0.0'),
});
export type EngineConfig = z.output<typeof engineConfigSchema>;
export type EngineConfigInput = z.input<typeof engineConfigSchema>;
