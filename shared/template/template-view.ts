import { buildEnvelope, entityOf, type EnvelopeInput } from './envelope';

export interface TemplateViewInput extends EnvelopeInput {
  webhook: EnvelopeInput['webhook'] & { name: string };
}

/**
 * What `{{...}}` can name in a body template: the envelope fields (`eventId`, `eventType`, `webhookId`,
 * `entityId`, `entityUrl`, `timestamp`), `data` (the entity, whatever `includeEntity` says),
 * `event` (`id`, `type`, `version`, `severity`, `connectorId`, `dataSource`, `receivedTime`) and `webhook` (`id`, `name`).
 */
export function templateView(input: TemplateViewInput): Record<string, unknown> {
  const { webhook, event } = input;
  const envelope = buildEnvelope({ ...input, webhook: { ...webhook, includeEntity: false } });
  return {
    ...envelope,
    data: entityOf(event, webhook.jsonPayloadEnabled),
    event: {
      id: event.id,
      type: event.type,
      version: event.version ?? null,
      severity: event.severity ?? null,
      connectorId: event.connectorId,
      dataSource: event.dataSource,
      receivedTime: event.receivedTime,
    },
    webhook: { id: webhook.id, name: webhook.name },
  };
}
