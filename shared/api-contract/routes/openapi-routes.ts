import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** The OpenAPI document itself. */
export const openApiRoute: Spec = {
  method: 'get',
  path: '/api/v1/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This document: the OpenAPI 3.1 description of the Hookdesk HTTP API',
  tag: 'meta',
  auth: 'management',
  ok: { status: 200, description: 'The document; `servers` names this engine.', answer: { contentType: 'application/json', schema: { type: 'object' } } },
  errors: [],
};
