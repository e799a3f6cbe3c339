import { z } from 'zod';
import { pageQuerySchema } from '../../paging';
import { receiverCheckListSchema, receiverCheckRequestSchema, receiverCheckRunSchema } from '../../schemas/receiver-check';
import type { AnswerComponent, RequestComponent } from '../components';
import type { RouteSpec } from '../route-spec';
import { EXAMPLE_TARGET } from './route-examples';

type Spec = RouteSpec<RequestComponent, AnswerComponent>;

/** Receiver check (issue #15). Bodies are described inline from their zod schemas (shared/schemas/receiver-check.ts). */

const json = (schema: z.ZodType, io: 'input' | 'output', description: string) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io });
  return { contentType: 'application/json', schema: rest, description };
};

const run = json(receiverCheckRunSchema, 'output', 'A run: its cases (verdict, what was sent, what came back, time, advice) and the retry timeline.');

export const receiverCheckRoutes: readonly Spec[] = [
  {
    method: 'post',
    path: '/api/v1/receiver-checks',
    operationId: 'startReceiverCheck',
    summary: 'Check a webhook receiver as a real sender would',
    description:
      'Fires a battery of deliveries at `url`, signed as `profile` signs with `secret` (valid, tampered, wrong secret, no signature, replayed, ' +
      'repeated, out of order, a concurrent burst, a large body, unicode and big numbers, two signatures during a rotation) and grades each answer. ' +
      'Answers 202 with the run at once; it goes on in the background, each change broadcast as `receiver-check.updated` on the live stream. ' +
      'The secret is never stored nor answered. Redirects are not followed (a 3xx is reported). At most 3 checks run at once (409).',
    tag: 'receiver-checks',
    auth: 'management',
    body: {
      schema: json(receiverCheckRequestSchema, 'input', 'What to check.'),
      required: true,
      example: { url: EXAMPLE_TARGET, profile: 'github', secret: 'my-github-secret', downForSeconds: 3600, cases: ['valid-delivery'] },
    },
    ok: { status: 202, description: 'The run as it starts (`running`, cases `pending`).', answer: run },
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/v1/receiver-checks',
    operationId: 'listReceiverChecks',
    summary: 'The last 20 receiver checks, newest first',
    tag: 'receiver-checks',
    auth: 'management',
    query: [pageQuerySchema],
    ok: { status: 200, description: 'A page of runs.', answer: json(receiverCheckListSchema, 'output', 'A page of runs.') },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/receiver-checks/:id',
    operationId: 'getReceiverCheck',
    summary: 'One receiver check',
    tag: 'receiver-checks',
    auth: 'management',
    params: { id: 'The run id (`rck_...`).' },
    ok: { status: 200, description: 'The run.', answer: run },
    errors: [404],
  },
];
