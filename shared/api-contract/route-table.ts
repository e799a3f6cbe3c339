import type { z } from 'zod';
import { pageSchema } from './answer-schemas';
import { answerComponents, requestComponents, type AnswerComponent, type RequestComponent } from './components';
import type { RouteSpec } from './route-spec';
import { edgeRoutes } from './routes/edge-routes';
import { interopRoutes } from './routes/interop-routes';
import { managementRoutes } from './routes/management-routes';
import { receiverCheckRoutes } from './routes/receiver-check-routes';

export type ApiRoute = RouteSpec<RequestComponent, AnswerComponent>;

/** Every route of Hookdesk's HTTP API, in the order the document lists them. */
export const API_ROUTES: readonly ApiRoute[] = [...edgeRoutes, ...managementRoutes, ...interopRoutes, ...receiverCheckRoutes];

/** The zod schema a route's success answer satisfies, or null when it is not JSON described by a component (a stream, any bytes). */
export function answerSchemaOf(route: ApiRoute): z.ZodType | null {
  const answer = route.ok.answer;
  if (!answer) return null;
  if ('component' in answer) return answerComponents[answer.component];
  if ('page' in answer) return pageSchema(answerComponents[answer.page]);
  return null;
}

/** The zod schema a route's request body must satisfy, or null when the body is not a named component. */
export function requestSchemaOf(route: ApiRoute): z.ZodType | null {
  const schema = route.body?.schema;
  return schema && 'component' in schema ? requestComponents[schema.component] : null;
}
