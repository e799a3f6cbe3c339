import { z } from 'zod';
import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** The workspace file: export, plan, apply. */

/** The query of `GET /workspace/export` (electron/engine/workspace/workspace-routes.ts). */
export const workspaceExportQuerySchema = z.object({ secrets: z.enum(['env', 'include']).default('env') });
/** The query of `POST /workspace/plan` and `/apply` (electron/engine/workspace/workspace-routes.ts). */
export const workspacePruneQuerySchema = z.object({
  prune: z.enum(['true', 'false']).default('false').meta({ description: 'With true, resources the file does not name are deleted.' }),
});

const exampleWorkspaceFile = {
  kind: 'hookdesk.workspace',
  version: 1,
  connectors: [{ name: 'Shop', dataSource: 'Shopify' }],
  webhooks: [{ name: 'Shop to my app', url: '${BASE_URL}/webhooks', filters: { connectors: ['Shop'] } }],
};

export const workspaceRoutes: readonly Spec[] = [
  {
    method: 'get',
    path: '/api/v1/workspace/export',
    operationId: 'exportWorkspace',
    summary: 'The workspace file',
    description: 'With `secrets=env` (the default) every secret is a `${VAR}` reference and `variables` lists what to set; `include` writes them in clear.',
    tag: 'workspace',
    auth: 'management',
    query: [workspaceExportQuerySchema],
    ok: { status: 200, description: 'The file (schema: docs/workspace.schema.json).', answer: { component: 'WorkspaceFile' } },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/workspace/plan',
    operationId: 'planWorkspace',
    summary: 'What applying a workspace file would change',
    tag: 'workspace',
    auth: 'management',
    query: [workspacePruneQuerySchema],
    body: { schema: { component: 'WorkspaceFileInput' }, required: true, example: exampleWorkspaceFile },
    ok: { status: 200, description: 'One change per resource, and the variables nothing sets.', answer: { component: 'WorkspacePlan' } },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/workspace/apply',
    operationId: 'applyWorkspace',
    summary: 'Apply a workspace file',
    description: 'The whole file is checked first: any error is a 400 naming each field, and nothing is written. Applying it again answers only `unchanged`.',
    tag: 'workspace',
    auth: 'management',
    query: [workspacePruneQuerySchema],
    body: { schema: { component: 'WorkspaceFileInput' }, required: true, example: exampleWorkspaceFile },
    ok: { status: 200, description: 'The plan that was applied (with `generatedKeys` when keys were made).', answer: { component: 'WorkspacePlan' } },
    errors: [],
  },
];
