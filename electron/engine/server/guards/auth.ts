import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ErrorCode, HookdeskError } from '../../../../shared/errors';
import type { SessionStore } from './session-store';

export const SESSION_COOKIE = 'hookdesk_session';

/** Equal-time comparison of two secrets of any length (both are hashed to 32 bytes first). */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** How a request proved it may use the management API. */
export type Authentication = { method: 'bearer' } | { method: 'cookie'; sessionId: string; renewCookie: boolean };

/**
 * The bearer token (scripts) or a live session cookie (the browser). A request that sends a
 * bearer header is judged by it alone, so a wrong token is never rescued by a cookie.
 */
export function authenticate(
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  token: string,
  sessions: SessionStore,
): Authentication | null {
  const auth = headers.authorization;
  if (auth !== undefined && auth.toLowerCase().startsWith('bearer ')) {
    return secretsEqual(auth.slice(7).trim(), token) ? { method: 'bearer' } : null;
  }
  const sessionId = readCookie(headers.cookie, SESSION_COOKIE);
  if (sessionId === undefined || sessionId === '') return null;
  const check = sessions.check(sessionId);
  return check ? { method: 'cookie', sessionId, renewCookie: check.renewCookie } : null;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, whole site, and a Max-Age of the idle time. */
export function setSessionCookie(res: Response, sessionId: string, sessions: SessionStore): void {
  res.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: sessions.idleMs });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a browser attaches the cookie to requests that other pages start,
 * so a state-changing request authenticated by the cookie must show it comes from the workspace
 * itself: an `Origin` of this very origin (browsers send it on every fetch POST/PUT/PATCH/DELETE),
 * or `Sec-Fetch-Site: same-origin`. Scripts that send the bearer token are not asked.
 */
export function assertSameOriginForCookie(req: Request, auth: Authentication): void {
  if (auth.method !== 'cookie' || SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  if (origin !== undefined && origin === `http://${req.headers.host ?? ''}`) return;
  if (origin === undefined && req.headers['sec-fetch-site'] === 'same-origin') return;
  throw new HookdeskError(
    403,
    ErrorCode.forbiddenOrigin,
    'A change made with the session cookie must come from the Hookdesk workspace page (same-origin Origin header). Scripts should send "Authorization: Bearer <token>" instead.',
  );
}

export const UNAUTHORIZED_MESSAGE =
  'Send the management token as "Authorization: Bearer <token>". It is printed by "npm run serve" and kept in the data folder\'s "token" file.';

/** Bearer token or live session; cookie changes need the same origin; sliding sessions renew their cookie. */
export function requireAuth(token: string, sessions: SessionStore): RequestHandler {
  return (req, res, next) => {
    const auth = authenticate(req.headers, token, sessions);
    if (!auth) {
      next(new HookdeskError(401, ErrorCode.unauthorized, UNAUTHORIZED_MESSAGE));
      return;
    }
    assertSameOriginForCookie(req, auth);
    if (auth.method === 'cookie' && auth.renewCookie) setSessionCookie(res, auth.sessionId, sessions);
    next();
  };
}
