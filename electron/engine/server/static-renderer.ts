import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/**
 * The content security policy of the workspace: everything from this origin only, nothing from
 * a CDN. Monaco needs inline styles and runs its workers from local files (or blob: URLs).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  next();
};

/** Serves the built renderer at `/` (SPA: unknown paths get index.html). */
export function staticRenderer(rendererDir: string | null): Router {
  const router = express.Router();
  router.use(securityHeaders);
  const index = rendererDir ? join(rendererDir, 'index.html') : null;
  if (!rendererDir || !index || !existsSync(index)) {
    router.get(/.*/, (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The Hookdesk workspace is not built. Run "npm run build", then start Hookdesk again. The API works meanwhile.');
    });
    return router;
  }
  router.use(
    express.static(rendererDir, {
      index: false,
      setHeaders(res, path) {
        res.setHeader('cache-control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get(/.*/, (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

/**
 * `--no-ui`: no workspace is served. `/` says so in a sentence (someone opened it in a browser);
 * every other path is the API's JSON 404.
 */
export function noRenderer(): Router {
  const router = express.Router();
  router.use((req, res) => {
    res.status(404);
    if (req.path === '/') {
      res.type('text/plain').send('This Hookdesk serves no workspace UI (it was started with --no-ui). Use the management API under /api/v1 or the hookdesk CLI.');
      return;
    }
    res.json({ error: { code: 'not_found', message: `Nothing answers at ${req.path}: this Hookdesk serves no workspace UI (started with --no-ui).` } });
  });
  return router;
}
