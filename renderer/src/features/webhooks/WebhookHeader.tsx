import { useId, useState } from 'react';
import type { Webhook } from '../../../../shared/schemas/webhook';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { useWebhookDialogsStore } from '../../stores/webhook-dialogs-store';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { WebhookStateBadge } from './WebhookStateBadge';

interface Props {
  webhook: Webhook;
  titleId: string;
  testing: boolean;
  onSendTest: () => void;
}

/** Name, URL, state (with failures and last success), warnings, and Send test / Restart / Enable or Disable / Delete. */
export function WebhookHeader({ webhook, titleId, testing, onSendTest }: Props) {
  const openDialog = useWebhookDialogsStore((s) => s.open);
  const update = useWebhooksStore((s) => s.update);
  const restart = useWebhooksStore((s) => s.restart);
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const last = webhook.lastSuccessfulMessageDelivery;
  // Applied from `serve --config`: the engine refuses changes and says why (managedReason); null when editable.
  const managedReason = (webhook as { managedReason?: string | null }).managedReason ?? null;
  const reasonId = useId();
  const lockProps = managedReason !== null ? { disabled: true, 'aria-describedby': reasonId } : {};
  return (
    <header className="connector-head webhook-head">
      <div>
        <h2 id={titleId}>{webhook.name}</h2>
        <p className="mono url" aria-label="Target URL">
          {webhook.method} {webhook.url}
        </p>
        {managedReason !== null && (
          <p className="notice" role="note">
            <span className="badge">Managed by config</span> <span id={reasonId}>{managedReason}</span>
          </p>
        )}
        <p className="muted facts-inline">
          <WebhookStateBadge webhook={webhook} />
          <span>
            {webhook.consecutiveFailures} consecutive {webhook.consecutiveFailures === 1 ? 'failure' : 'failures'}
          </span>
          <span>
            Last success:{' '}
            {last ? (
              <time dateTime={last} title={new Date(last).toLocaleString()}>
                {relativeTime(last, now)}
              </time>
            ) : (
              'never'
            )}
          </span>
        </p>
        {webhook.state === 'FAILED' && (
          <p className="notice">It stopped after repeated failures. New events are held, not dropped: Restart sends them and resumes delivery.</p>
        )}
        {webhook.warnings.map((warning) => (
          <p key={warning} className="notice" role="note">
            {warning}
          </p>
        ))}
        {error && <p role="alert" className="error">{error}</p>}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onSendTest} disabled={testing} aria-keyshortcuts="Control+Enter Meta+Enter" title="Ctrl/Cmd+Enter">
          {testing ? 'Sending…' : 'Send test'}
        </button>
        {webhook.state === 'FAILED' && (
          <button type="button" onClick={() => void run(() => restart(webhook.id))} disabled={busy}>
            Restart
          </button>
        )}
        <button type="button" onClick={() => void run(() => update(webhook.id, { enabled: !webhook.enabled }))} disabled={busy} {...lockProps}>
          {webhook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="danger" onClick={() => openDialog({ kind: 'delete', webhookId: webhook.id })} {...lockProps}>
          Delete
        </button>
      </div>
    </header>
  );
}
