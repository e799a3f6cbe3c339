import type { z } from 'zod';
import { activeEnvironmentPutSchema, environmentsPutSchema, environmentsSchema } from '../env/environment-schema';
import { connectorCreateSchema, connectorPatchSchema, connectorResponseSchema, connectorSecretsSchema, connectorStatsSchema } from '../schemas/connector';
import { deliverySchema, invocationRequestSchema, invocationResponseSchema, invocationSchema, validatorResultSchema, webhookStatsSchema, webhookTestRequestSchema } from '../schemas/delivery';
import { bulkDeleteEventsSchema, publishEventSchema } from '../schemas/event';
import { healthSchema, sessionRequestSchema } from '../schemas/health';
import { inferredSchemaSchema, replayInvocationSchema, replayRequestSchema } from '../schemas/replay';
import { verificationConfigSchema } from '../schemas/verification';
import { signatureDiagnosisAnswerSchema } from '../signing/diagnose/diagnosis-schema';
import { authSchema, webhookCreateSchema, webhookPatchSchema } from '../schemas/webhook';
import { maskedAuthSchema } from '../schemas/webhook-auth';
import { eventExportBodySchema } from '../interop/event-archive';
import { workspaceFileSchema } from '../workspace/workspace-file';
import {
  bulkDeleteResultSchema,
  connectorCreatedSchema,
  connectorViewSchema,
  errorBodySchema,
  eventSampleSchema,
  eventTypeListSchema,
  eventViewSchema,
  pushAcceptedSchema,
  sessionStateSchema,
  webhookViewSchema,
  workspacePlanSchema,
} from './answer-schemas';
import { eventImportResultSchema, harLogSchema, openApiDocumentShape, asyncApiDocumentShape, postmanCollectionShape } from './interop-schemas';

/**
 * The named schemas of the document (`components.schemas`). Request bodies are described as a
 * client may write them (zod's input: fields with defaults are optional), answers as the engine
 * sends them (zod's output: defaults filled in). Names are unique across both sets. A schema named
 * here that appears inside another of the same set becomes a `$ref`.
 */
export const requestComponents = {
  ConnectorCreate: connectorCreateSchema,
  ConnectorPatch: connectorPatchSchema,
  WebhookCreate: webhookCreateSchema,
  WebhookPatch: webhookPatchSchema,
  WebhookTestRequest: webhookTestRequestSchema,
  EventPublish: publishEventSchema,
  EventBulkDelete: bulkDeleteEventsSchema,
  ReplayRequest: replayRequestSchema,
  EnvironmentsPut: environmentsPutSchema,
  ActiveEnvironmentPut: activeEnvironmentPutSchema,
  WorkspaceFileInput: workspaceFileSchema,
  SessionRequest: sessionRequestSchema,
  EventExport: eventExportBodySchema,
  WebhookAuthInput: authSchema,
  VerificationInput: verificationConfigSchema,
} as const satisfies Record<string, z.ZodType>;
export type RequestComponent = keyof typeof requestComponents;

export const answerComponents = {
  Error: errorBodySchema,
  Health: healthSchema,
  Session: sessionStateSchema,
  PushAccepted: pushAcceptedSchema,
  Connector: connectorViewSchema,
  ConnectorCreated: connectorCreatedSchema,
  ConnectorSecrets: connectorSecretsSchema,
  ConnectorResponse: connectorResponseSchema,
  ConnectorStats: connectorStatsSchema,
  InferredSchema: inferredSchemaSchema,
  Event: eventViewSchema,
  EventBulkDeleteResult: bulkDeleteResultSchema,
  EventImportResult: eventImportResultSchema,
  HarLog: harLogSchema,
  EventTypeList: eventTypeListSchema,
  EventSample: eventSampleSchema,
  Webhook: webhookViewSchema,
  WebhookStats: webhookStatsSchema,
  Invocation: invocationSchema,
  InvocationRequest: invocationRequestSchema,
  InvocationResponse: invocationResponseSchema,
  ValidatorResult: validatorResultSchema,
  Verification: verificationConfigSchema,
  WebhookAuth: maskedAuthSchema,
  ReplayInvocation: replayInvocationSchema,
  SignatureDiagnosisAnswer: signatureDiagnosisAnswerSchema,
  Delivery: deliverySchema,
  Environments: environmentsSchema,
  WorkspaceFile: workspaceFileSchema,
  WorkspacePlan: workspacePlanSchema,
  OpenApiDocument: openApiDocumentShape,
  AsyncApiDocument: asyncApiDocumentShape,
  PostmanCollection: postmanCollectionShape,
} as const satisfies Record<string, z.ZodType>;
export type AnswerComponent = keyof typeof answerComponents;
