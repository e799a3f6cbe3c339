import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** Environments: read (masked), replace, switch the active one. */

export const environmentRoutes: readonly Spec[] = [
  {
    method: 'get',
    path: '/api/v1/environments',
    operationId: 'getEnvironments',
    summary: 'The environments (values masked) and the active one',
    tag: 'environments',
    auth: 'management',
    ok: { status: 200, description: 'Every environment, values masked.', answer: { component: 'Environments' } },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/v1/environments',
    operationId: 'replaceEnvironments',
    summary: 'Replace every environment and choose the active one',
    description: 'Masked values sent back keep the stored ones; `renamed` (`{NEW: OLD}`) says where a renamed environment\'s masked values come from.',
    tag: 'environments',
    auth: 'management',
    body: {
      schema: { component: 'EnvironmentsPut' },
      required: true,
      example: { environments: { local: { BASE_URL: 'http://127.0.0.1:3000' }, staging: { BASE_URL: 'https://staging.example.com' } }, active: 'local' },
    },
    ok: { status: 200, description: 'The environments, values masked.', answer: { component: 'Environments' } },
    errors: [],
  },
  {
    method: 'put',
    path: '/api/v1/environments/active',
    operationId: 'setActiveEnvironment',
    summary: 'Switch the active environment',
    tag: 'environments',
    auth: 'management',
    body: { schema: { component: 'ActiveEnvironmentPut' }, required: true, example: { active: 'staging' } },
    ok: { status: 200, description: 'The environments, values masked.', answer: { component: 'Environments' } },
    errors: [],
  },
];
