import { Router } from 'express';
import { ErrorCode, HookdeskError } from '../../../../shared/errors';
import { sessionRequestSchema } from '../../../../shared/schemas/health';
import { parseOrThrow } from '../../../../shared/validation';
import { isAuthorized, secretsEqual, SESSION_COOKIE, sessionValue } from '../guards/auth';

/**
 * Browser sign-in: the page trades the token (from the URL fragment it was opened with, or the
 * Electron preload) for an HttpOnly, SameSite=Strict cookie, so the token never sits in later
 * URLs or in script-readable storage, and EventSource-style streams authenticate too.
 */
export function sessionRoutes(token: string): Router {
  const router = Router();
  router.post('/api/v1/session', (req, res) => {
    const { token: given } = parseOrThrow(sessionRequestSchema, req.body, 'sign-in request');
    if (!secretsEqual(given, token)) {
      throw new HookdeskError(401, ErrorCode.unauthorized, 'That token is not this Hookdesk\'s. Copy it again from the "npm run serve" output or the data folder\'s "token" file.');
    }
    res.cookie(SESSION_COOKIE, sessionValue(token), { httpOnly: true, sameSite: 'strict', path: '/' });
    res.json({ signedIn: true });
  });
  router.get('/api/v1/session', (req, res) => {
    if (!isAuthorized(req.headers, token)) {
      throw new HookdeskError(401, ErrorCode.unauthorized, 'Not signed in. Open the URL that "npm run serve" printed, or paste the token.');
    }
    res.json({ signedIn: true });
  });
  router.delete('/api/v1/session', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  return router;
}
