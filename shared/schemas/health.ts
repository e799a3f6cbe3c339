import { z } from 'zod';

/** `GET /healthz`: no token needed. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  name: z.literal('hookdesk'),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});
export type Health = z.infer<typeof healthSchema>;

/** `POST /api/v1/session`: trade the management token for a session cookie (browser sign-in). */
export const sessionRequestSchema = z.object({
  token: z.string().min(1, 'is required'),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;
