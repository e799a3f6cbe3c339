import { useState } from 'react';
import type { Webhook } from '../../../../shared/schemas/webhook';
import { DialogActions } from '../../components/DialogActions';
import { Modal } from '../../components/Modal';
import { useWebhooksStore } from '../../stores/webhooks-store';

/** Confirms a delete, saying what goes with it. */
export function DeleteWebhookDialog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const remove = useWebhooksStore((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await remove(webhook.id);
      onClose();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={`Delete "${webhook.name}"?`} onClose={onClose}>
      <p>
        Events stop going to <code>{webhook.url}</code> at once, and its delivery history goes with it. Held and pending deliveries are
        dropped. This cannot be undone.
      </p>
      {error && <p role="alert" className="error">{error}</p>}
      <DialogActions onCancel={onClose} focusCancel tone="danger" label="Delete webhook" busyLabel="Deleting…" busy={busy} onConfirm={() => void confirm()} />
    </Modal>
  );
}
