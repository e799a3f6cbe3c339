import { useWebhookDialogsStore } from '../../stores/webhook-dialogs-store';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { useTabsStore, webhookTab } from '../../stores/tabs-store';
import { STATE_LABELS, WebhookStateDot } from './WebhookStateBadge';

/** The sidebar's webhook list (state dot, live) and the "New webhook" button. */
export function WebhooksNav() {
  const webhooks = useWebhooksStore((s) => s.webhooks);
  const activeId = useTabsStore((s) => s.activeId);
  const open = useTabsStore((s) => s.open);
  const openDialog = useWebhookDialogsStore((s) => s.open);
  return (
    <div className="connectors-nav">
      {webhooks.length > 0 && (
        <ul aria-label="Webhooks">
          {webhooks.map((webhook) => {
            const tab = webhookTab(webhook);
            return (
              <li key={webhook.id}>
                <button
                  type="button"
                  className={activeId === tab.id ? 'connector-item active' : 'connector-item'}
                  aria-current={activeId === tab.id ? 'page' : undefined}
                  aria-label={`${webhook.name}, ${STATE_LABELS[webhook.state]}`}
                  onClick={() => open(tab)}
                >
                  <WebhookStateDot state={webhook.state} />
                  <span className="connector-name">{webhook.name}</span>
                  <span />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="new-connector" onClick={() => openDialog({ kind: 'create' })}>
        <span aria-hidden="true">+</span> New webhook
      </button>
    </div>
  );
}
