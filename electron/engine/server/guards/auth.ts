import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ErrorCode, HookdeskError } from '../../../../shared/errors';

export const SESSION_COOKIE = 'hookdesk_session';

/** Equal-time comparison of two secrets of any length (both are hashed to 32 bytes first). */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** The session cookie's value: derived from the token, so it outlives engine restarts but not a new token. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('hookdesk-session-v1').digest('base64url');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the request carries the bearer token or the session cookie. */
export function isAuthorized(headers: { authorization?: string | undefined; cookie?: string | undefined }, token: string): boolean {
  const auth = headers.authorization;
  if (auth !== undefined && auth.toLowerCase().startsWith('bearer ')) {
    return secretsEqual(auth.slice(7).trim(), token);
  }
  const cookie = readCookie(headers.cookie, SESSION_COOKIE);
  return cookie !== undefined && secretsEqual(cookie, sessionValue(token));
}

export function requireAuth(token: string): RequestHandler {
  return (req, _res, next) => {
    if (isAuthorized(req.headers, token)) {
      next();
      return;
    }
    next(
      new HookdeskError(
        401,
        ErrorCode.unauthorized,
        'Send the management token as "Authorization: Bearer <token>". It is printed by "npm run serve" and kept in the data folder\'s "token" file.',
      ),
    );
  };
}
