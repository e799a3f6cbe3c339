import express, { Router } from 'express';
import { ErrorCode, HookdeskError } from '../../../../shared/errors';
import { sessionRequestSchema } from '../../../../shared/schemas/health';
import { parseOrThrow } from '../../../../shared/validation';
import { assertSameOriginForCookie, authenticate, readCookie, secretsEqual, SESSION_COOKIE, setSessionCookie } from '../guards/auth';
import type { SessionStore } from '../guards/session-store';
import { requireJsonBody } from '../error-handler';

/** A sign-in body holds one token: anything larger is refused before it is read. */
const SIGN_IN_BODY_LIMIT = '8kb';

/**
 * Browser sign-in: the page trades the token (from the URL fragment it was opened with, or the
 * Electron preload) for an HttpOnly, SameSite=Strict cookie holding a random session id, so the
 * token never sits in later URLs or in script-readable storage, and streams authenticate too.
 * Each sign-in starts a new session (ending the one the browser had); sign-out ends it.
 */
export function sessionRoutes(token: string, sessions: SessionStore): Router {
  const router = Router();
  router.post('/api/v1/session', requireJsonBody, express.json({ limit: SIGN_IN_BODY_LIMIT, type: ['application/json', '+json'] }), (req, res) => {
    const { token: given } = parseOrThrow(sessionRequestSchema, req.body, 'sign-in request');
    if (!secretsEqual(given, token)) {
      throw new HookdeskError(401, ErrorCode.unauthorized, 'That token is not this Hookdesk\'s. Copy it again from the "npm run serve" output or the data folder\'s "token" file.');
    }
    const previous = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (previous) sessions.end(previous);
    setSessionCookie(res, sessions.create(), sessions);
    res.json({ signedIn: true });
  });
  router.get('/api/v1/session', (req, res) => {
    const auth = authenticate(req.headers, token, sessions);
    if (!auth) {
      throw new HookdeskError(401, ErrorCode.unauthorized, 'Not signed in. Open the URL that "npm run serve" printed, or paste the token.');
    }
    if (auth.method === 'cookie' && auth.renewCookie) setSessionCookie(res, auth.sessionId, sessions);
    res.json({ signedIn: true });
  });
  router.delete('/api/v1/session', (req, res) => {
    const auth = authenticate(req.headers, token, sessions);
    if (auth) assertSameOriginForCookie(req, auth);
    if (auth?.method === 'cookie') sessions.end(auth.sessionId);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
    res.status(204).end();
  });
  return router;
}
