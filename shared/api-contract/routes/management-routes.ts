import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';
import { connectorRoutes } from './connector-routes';
import { deliveryRoutes } from './delivery-routes';
import { environmentRoutes } from './environment-routes';
import { eventRoutes } from './event-routes';
import { eventTypeRoutes } from './event-type-routes';
import { openApiRoute } from './openapi-routes';
import { streamRoute } from './stream-routes';
import { webhookRoutes } from './webhook-routes';
import { workspaceRoutes } from './workspace-routes';

export { EXAMPLE_TARGET } from './route-examples';
export { STREAM_EVENTS } from './stream-routes';
export { workspaceExportQuerySchema, workspacePruneQuerySchema } from './workspace-routes';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/**
 * The management API under `/api/v1` (API.md section 3 and 5), route by route as the engine
 * registers them, one file per resource. Every route needs the token (`Authorization: Bearer`) or
 * the session cookie.
 */
export const managementRoutes: readonly Spec[] = [
  ...connectorRoutes,
  ...eventRoutes,
  ...webhookRoutes,
  ...deliveryRoutes,
  ...eventTypeRoutes,
  ...environmentRoutes,
  ...workspaceRoutes,
  streamRoute,
  openApiRoute,
];
