import type { ConnectorStatus } from '../../../../shared/schemas/connector';

/** The words shown; the API's values stay as API.md fixes them (`OFFLINE` until the first event). */
export const STATUS_LABELS: Record<ConnectorStatus, string> = {
  OFFLINE: 'Waiting for its first event',
  ACTIVE: 'Active',
  IDLE: 'Idle',
  NOT_RECEIVING_DATA: 'Not receiving data',
};

const STATUS_HINTS: Record<ConnectorStatus, string> = {
  OFFLINE: 'No event has arrived yet: send one to its push or capture URL',
  ACTIVE: 'Receiving events',
  IDLE: 'No event for 12 hours',
  NOT_RECEIVING_DATA: 'No event for 24 hours',
};

/** A coloured dot with the status in words for screen readers (and as a tooltip). */
export function StatusDot({ status, showText = false }: { status: ConnectorStatus; showText?: boolean }) {
  return (
    <span className={`status status-${status.toLowerCase()}`} title={`${STATUS_LABELS[status]}: ${STATUS_HINTS[status]}`}>
      <span className="status-dot" aria-hidden="true" />
      <span className={showText ? undefined : 'sr-only'}>{STATUS_LABELS[status]}</span>
    </span>
  );
}
