import type { Connector, ConnectorStatus } from '../../../shared/schemas/connector';
import type { HookEvent } from '../../../shared/schemas/event';
import type { ConnectorStatusChangedBody, WebhookFailedBody, WebhookRestartedBody } from '../../../shared/events/system-event-samples';
import { systemEventSeverity } from '../../../shared/events/system-event-samples';
import type { SystemEventType } from '../../../shared/events/dispatch-event';
import { newId } from '../../../shared/ids';
import type { StoredDelivery } from '../store/delivery-state';
import type { StoredWebhookConfig } from '../store/workspace-data';

/** An event Hookdesk raises itself, stored and routed like any other. */
function systemEvent(type: SystemEventType, body: object, nowMs: number, status?: string): HookEvent {
  return {
    id: newId('evt', nowMs),
    connectorId: null,
    source: 'system',
    dataSource: 'hookdesk',
    type,
    severity: systemEventSeverity(type, status),
    receivedTime: new Date(nowMs).toISOString(),
    headers: {},
    body,
    size: Buffer.byteLength(JSON.stringify(body)),
    remoteAddress: null,
  };
}

export function connectorStatusChangedEvent(connector: Connector, previous: ConnectorStatus, nowMs: number): HookEvent {
  const body: ConnectorStatusChangedBody = {
    id: connector.id,
    name: connector.name,
    dataSource: connector.dataSource,
    previousStatus: previous,
    status: connector.status,
    lastEventTime: connector.lastEventTime,
    changedTime: new Date(nowMs).toISOString(),
  };
  return systemEvent('connector.status_changed', body, nowMs, connector.status);
}

export function webhookFailedEvent(
  webhook: StoredWebhookConfig,
  failures: number,
  lastSuccessMs: number | null,
  last: StoredDelivery | undefined,
  nowMs: number,
): HookEvent {
  const attempt = last?.attempts.at(-1);
  const now = new Date(nowMs).toISOString();
  const body: WebhookFailedBody = {
    id: webhook.id,
    name: webhook.name,
    url: webhook.url,
    state: 'FAILED',
    previousState: 'ACTIVE',
    consecutiveFailures: failures,
    lastSuccessfulMessageDelivery: lastSuccessMs === null ? null : new Date(lastSuccessMs).toISOString(),
    lastError: {
      deliveryId: last?.id ?? '',
      eventId: last?.eventId ?? '',
      status: attempt?.response?.status ?? null,
      error: attempt?.error ?? null,
      time: attempt?.time ?? now,
    },
    failedTime: now,
  };
  return systemEvent('webhook.failed', body, nowMs);
}

export function webhookRestartedEvent(webhook: StoredWebhookConfig, held: number, nowMs: number): HookEvent {
  const body: WebhookRestartedBody = {
    id: webhook.id,
    name: webhook.name,
    url: webhook.url,
    state: 'ACTIVE',
    previousState: 'FAILED',
    heldDeliveries: held,
    restartedTime: new Date(nowMs).toISOString(),
  };
  return systemEvent('webhook.restarted', body, nowMs);
}
