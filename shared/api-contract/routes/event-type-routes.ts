import { eventSampleQuerySchema } from '../../schemas/event-type';
import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** Event types seen or raised, and a sample event of one. */

export const eventTypeRoutes: readonly Spec[] = [
  {
    method: 'get',
    path: '/api/v1/event-types',
    operationId: 'listEventTypes',
    summary: 'Event types stored or raised by Hookdesk, most frequent first',
    tag: 'event-types',
    auth: 'management',
    ok: { status: 200, description: 'Every type, with its count and origin.', answer: { component: 'EventTypeList' } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/event-types/sample',
    operationId: 'getEventTypeSample',
    summary: 'A sample event of a type (the latest stored one, else a mock)',
    tag: 'event-types',
    auth: 'management',
    query: [eventSampleQuerySchema],
    ok: { status: 200, description: 'The sample.', answer: { component: 'EventSample' } },
    errors: [400],
  },
];
