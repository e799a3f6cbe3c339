import type { Webhook, WebhookState } from '../../../../shared/schemas/webhook';

export const STATE_LABELS: Record<WebhookState, string> = { ACTIVE: 'Active', FAILED: 'Failed', DISABLED: 'Disabled' };

const STATE_HINTS: Record<WebhookState, string> = {
  ACTIVE: 'Delivering events',
  FAILED: 'Stopped after repeated failures: events are held until you restart it',
  DISABLED: 'Turned off: events are not sent',
};

const STATE_CLASSES: Record<WebhookState, string> = { ACTIVE: 'status-active', FAILED: 'status-not_receiving_data', DISABLED: 'status-offline' };

/** A coloured dot with the state in words (shown, or for screen readers only). */
export function WebhookStateDot({ state, showText = false }: { state: WebhookState; showText?: boolean }) {
  return (
    <span className={`status ${STATE_CLASSES[state]}`} title={`${STATE_LABELS[state]}: ${STATE_HINTS[state]}`}>
      <span className="status-dot" aria-hidden="true" />
      <span className={showText ? undefined : 'sr-only'}>{STATE_LABELS[state]}</span>
    </span>
  );
}

/** The header's badge: ACTIVE / FAILED / DISABLED in capitals, named "State: …" for assistive tech. */
export function WebhookStateBadge({ webhook }: { webhook: Pick<Webhook, 'state'> }) {
  return (
    <span role="status" aria-label={`State: ${webhook.state}`} className={`state-badge state-${webhook.state.toLowerCase()}`} title={STATE_HINTS[webhook.state]}>
      {webhook.state}
    </span>
  );
}
