import { Router, type RequestHandler } from 'express';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import type { EngineConfig } from '../config';
import type { EngineContext } from '../engine-context';

type ManagedKind = 'connector' | 'webhook';

/** What the read shapes add about a managed resource (the UI shows it read-only with `managedReason`). */
export interface ManagedInfo {
  /** Applied from a config file (`serve --config`). */
  managed: boolean;
  /** Why the API refuses to change it, or null when it may be changed (not managed, or --allow-edits). */
  managedReason: string | null;
}

/** The sentence a refusal and the UI both show. */
export function managedReason(config: EngineConfig, kind: ManagedKind, resource: { name: string; managed?: boolean }): string | null {
  if (resource.managed !== true || config.allowManagedEdits) return null;
  const file = config.managedBy === null ? 'the config file' : `the config file ${config.managedBy}`;
  const noun = kind === 'connector' ? 'Connector' : 'Webhook';
  return `${noun} "${resource.name}" is managed by ${file}; change the file and apply it, or start with --allow-edits.`;
}

export function managedInfo(config: EngineConfig, kind: ManagedKind, resource: { name: string; managed?: boolean }): ManagedInfo {
  return { managed: resource.managed === true, managedReason: managedReason(config, kind, resource) };
}

/**
 * Refuses PATCH/DELETE/reset-key of managed connectors and webhooks with 409 `managed_by_config`.
 * It guards the management API only: the workspace apply (the config file itself) changes them
 * through the services, which is how a managed resource is meant to change.
 */
export function managedGuard(ctx: EngineContext): Router {
  const router = Router();
  const check =
    (kind: ManagedKind): RequestHandler<{ id: string }> =>
    (req, _res, next) => {
      const list: ReadonlyArray<{ id: string; name: string; managed?: boolean }> =
        kind === 'connector' ? ctx.store.workspace.data.connectors : ctx.store.workspace.data.webhooks;
      const resource = list.find((r) => r.id === req.params.id);
      const reason = resource ? managedReason(ctx.config, kind, resource) : null;
      next(reason === null ? undefined : new HookdeskError(409, ErrorCode.managedByConfig, reason));
    };
  router.patch('/connectors/:id', check('connector'));
  router.delete('/connectors/:id', check('connector'));
  router.post('/connectors/:id/reset-key', check('connector'));
  router.patch('/webhooks/:id', check('webhook'));
  router.delete('/webhooks/:id', check('webhook'));
  return router;
}
