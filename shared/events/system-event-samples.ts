import type { SystemEventType } from './dispatch-event';

/** Bodies of the events Hookdesk raises itself; the engine builds real ones in these shapes. */
export interface ConnectorStatusChangedBody {
  id: string;
  name: string;
  dataSource: string | null;
  previousStatus: string;
  status: string;
  lastEventTime: string | null;
  changedTime: string;
}

export interface WebhookFailedBody {
  id: string;
  name: string;
  url: string;
  state: 'FAILED';
  previousState: string;
  consecutiveFailures: number;
  lastSuccessfulMessageDelivery: string | null;
  lastError: { deliveryId: string; eventId: string; status: number | null; error: string | null; time: string };
  failedTime: string;
}

export interface WebhookRestartedBody {
  id: string;
  name: string;
  url: string;
  state: 'ACTIVE';
  previousState: string;
  heldDeliveries: number;
  restartedTime: string;
}

/** Severity Hookdesk gives each system event (status changes: by the new status). */
export function systemEventSeverity(type: SystemEventType, status?: string): string {
  if (type === 'webhook.failed') return 'error';
  if (type === 'webhook.restarted') return 'info';
  return status === 'NOT_RECEIVING_DATA' ? 'error' : status === 'IDLE' ? 'warning' : 'info';
}

const minutesBefore = (iso: string, minutes: number): string => new Date(Date.parse(iso) - minutes * 60_000).toISOString();

/** A realistic sample body of a system event at time `now` (ISO), for tests and template completion. */
export function systemEventSample(type: SystemEventType, now: string): ConnectorStatusChangedBody | WebhookFailedBody | WebhookRestartedBody {
  switch (type) {
    case 'connector.status_changed':
      return {
        id: 'con_0sample00000connector',
        name: 'Payments relay',
        dataSource: 'Stripe',
        previousStatus: 'ACTIVE',
        status: 'IDLE',
        lastEventTime: minutesBefore(now, 12 * 60),
        changedTime: now,
      };
    case 'webhook.failed':
      return {
        id: 'whk_0sample0000000webhook',
        name: 'Orders to ERP',
        url: 'https://erp.example.com/hooks/orders',
        state: 'FAILED',
        previousState: 'ACTIVE',
        consecutiveFailures: 5,
        lastSuccessfulMessageDelivery: minutesBefore(now, 90),
        lastError: { deliveryId: 'dlv_0sample000000delivery', eventId: 'evt_0sample000000000event', status: 503, error: 'Service Unavailable', time: now },
        failedTime: now,
      };
    case 'webhook.restarted':
      return {
        id: 'whk_0sample0000000webhook',
        name: 'Orders to ERP',
        url: 'https://erp.example.com/hooks/orders',
        state: 'ACTIVE',
        previousState: 'FAILED',
        heldDeliveries: 3,
        restartedTime: now,
      };
  }
}
