import { useState } from 'react';
import type { Connector, ConnectorSecrets } from '../../../../shared/schemas/connector';
import { Modal } from '../../components/Modal';
import { useConnectorsStore } from '../../stores/connectors-store';
import { SecretsRevealDialog } from './SecretsReveal';
import { DialogActions } from '../../components/DialogActions';

/** Confirms, resets the key (the old key and capture URL stop at once), then shows the new ones once. */
export function ResetKeyDialog({ connector, onClose }: { connector: Connector; onClose: () => void }) {
  const resetKey = useConnectorsStore((s) => s.resetKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secrets, setSecrets] = useState<ConnectorSecrets | null>(null);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setSecrets(await resetKey(connector.id));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (secrets) {
    return <SecretsRevealDialog title={`New key for "${connector.name}"`} secrets={secrets} onClose={onClose} />;
  }

  return (
    <Modal title={`Reset the key of "${connector.name}"?`} onClose={onClose}>
      <p>
        The current API key and capture URL stop working at once: senders still using them get <code>404</code>. You get a new
        key and capture URL to give to your senders. Stored events are kept.
      </p>
      {error && <p role="alert" className="error">{error}</p>}
      <DialogActions onCancel={onClose} focusCancel tone="danger" label="Reset key" busyLabel="Resetting…" busy={busy} onConfirm={() => void confirm()} />
    </Modal>
  );
}
