import { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '../../../shared/validation';
import { withVariables } from '../../../shared/workspace/workspace-file';
import type { WorkspaceService } from './workspace-service';

const exportQuerySchema = z.object({ secrets: z.enum(['env', 'include'], { error: 'must be "env" or "include"' }).default('env') });
const pruneQuerySchema = z.object({
  prune: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').transform((value) => value === 'true'),
});

/** `/api/v1/workspace/*` (API.md section 5). */
export function workspaceRoutes(service: WorkspaceService): Router {
  const router = Router();

  router.get('/workspace/export', (req, res) => {
    const { secrets } = parseOrThrow(exportQuerySchema, req.query, 'export query');
    // The file as it is saved, its `variables` listing what to set where it runs (with `include`
    // only the connector keys, which the engine cannot know: it keeps only their hashes).
    const { file, variables } = service.exportWorkspace(secrets);
    res.json(withVariables(file, variables));
  });

  router.post('/workspace/plan', async (req, res) => {
    const { prune } = parseOrThrow(pruneQuerySchema, req.query, 'plan query');
    res.json(await service.planWorkspace(req.body, { prune }));
  });

  router.post('/workspace/apply', async (req, res) => {
    const { prune } = parseOrThrow(pruneQuerySchema, req.query, 'apply query');
    res.json(await service.applyWorkspace(req.body, { prune }));
  });

  return router;
}
