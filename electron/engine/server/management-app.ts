import express, { type Express, type RequestHandler, type Router } from 'express';
import type { EngineContext } from '../engine-context';
import { requireAuth } from './guards/auth';
import { hostOriginGuard } from './guards/host-origin-guard';
import { SessionStore } from './guards/session-store';
import { apiNotFound, errorHandler, requireJsonBody } from './error-handler';
import { eventRoutes } from './routes/events';
import { managedGuard } from './managed-guard';
import { healthRoutes } from './routes/health';
import { openApiRoutes } from './routes/openapi';
import { sessionRoutes } from './routes/session';
import { noRenderer, staticRenderer } from './static-renderer';

/** Body limit of management API requests (workspace imports are the largest). */
export const MANAGEMENT_BODY_LIMIT = '16mb';

/** No answer of the engine is ever to be content-sniffed into something more dangerous. */
const noSniff: RequestHandler = (_req, res, next) => {
  res.setHeader('x-content-type-options', 'nosniff');
  next();
};

/**
 * The Express app for everything but the hot ingest routes: guards, the management API under
 * `/api/v1`, the live stream, `/healthz`, and the workspace UI at `/`.
 * `resourceRoutes` are mounted under `/api/v1` behind auth (one router per resource).
 */
export function createManagementApp(ctx: EngineContext, resourceRoutes: Router[], startedAtMs: number): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(noSniff);
  app.use(hostOriginGuard);
  app.use(healthRoutes(ctx.config.version, startedAtMs));
  // In memory: an engine restart ends every browser session (ids rotate at each start).
  const sessions = new SessionStore(ctx.clock, ctx.config.sessionIdleMs);
  app.use(sessionRoutes(ctx.token, sessions));

  // Auth comes before the body is read, so a client without the token cannot make the engine
  // read, inflate or parse anything.
  const api = express.Router();
  api.use(requireAuth(ctx.token, sessions));
  api.use(requireJsonBody, express.json({ limit: MANAGEMENT_BODY_LIMIT, type: ['application/json', '+json'] }));
  api.get('/stream', (_req, res) => ctx.hub.attach(res, { version: ctx.config.version }));
  api.use(managedGuard(ctx));
  for (const router of resourceRoutes) api.use(router);
  // After the modules' routes: their fixed paths (`/events/export`) come before `/events/:id`.
  api.use(eventRoutes(ctx));
  api.use(openApiRoutes(ctx));
  api.use(apiNotFound);
  app.use('/api/v1', api);
  app.use('/api', apiNotFound);

  app.use(ctx.config.serveUi ? staticRenderer(ctx.config.rendererDir) : noRenderer());
  app.use(errorHandler(ctx.log));
  return app;
}
