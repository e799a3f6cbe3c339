import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { useWebhookDialogsStore } from '../../stores/webhook-dialogs-store';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { useTabsStore, webhookTab } from '../../stores/tabs-store';
import { WebhookStateDot } from './WebhookStateBadge';

/** Every webhook in a table, with "New webhook"; says what a webhook is when there are none. */
export function WebhooksPanel() {
  const { webhooks, loaded, error } = useWebhooksStore();
  const open = useTabsStore((s) => s.open);
  const openDialog = useWebhookDialogsStore((s) => s.open);
  const now = useNow();
  return (
    <section className="panel" aria-labelledby="webhooks-title">
      <div className="panel-head">
        <h2 id="webhooks-title">Webhooks</h2>
        <button type="button" className="primary" onClick={() => openDialog({ kind: 'create' })}>
          New webhook
        </button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {loaded && webhooks.length === 0 && (
        <div className="empty">
          <p>A webhook sends events to a URL of yours: all of them, or the types you pick, shaped by an optional body template and signed.</p>
          <p className="muted">Create one with a name and a URL, then send it a test from its page.</p>
        </div>
      )}
      {webhooks.length > 0 && (
        <table className="table" aria-label="Webhooks">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">State</th>
              <th scope="col">URL</th>
              <th scope="col">Last success</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((w) => (
              <tr key={w.id}>
                <td>
                  <button type="button" className="link" onClick={() => open(webhookTab(w))}>
                    {w.name}
                  </button>
                </td>
                <td>
                  <WebhookStateDot state={w.state} showText />
                </td>
                <td className="mono">{w.url}</td>
                <td>{relativeTime(w.lastSuccessfulMessageDelivery, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
