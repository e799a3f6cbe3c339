import { useEffect, useState } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import { api } from '../../api/client';
import { Modal } from '../../components/Modal';
import { useConnectorsStore } from '../../stores/connectors-store';
import { DialogActions } from '../../components/DialogActions';

function eventsPhrase(count: number): string {
  return count === 1 ? '1 stored event' : `${count.toLocaleString()} stored events`;
}

/** Confirms a delete, saying what goes with it: the connector's stored events, its key and capture URL. */
export function DeleteConnectorDialog({ connector, onClose }: { connector: Connector; onClose: () => void }) {
  const remove = useConnectorsStore((s) => s.remove);
  const [stored, setStored] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.listEvents({ connectorId: connector.id, pageSize: 1 }).then(
      (page) => live && setStored(page.total),
      () => live && setStored(Math.min(connector.eventCount, connector.retention)),
    );
    return () => {
      live = false;
    };
  }, [connector.id, connector.eventCount, connector.retention]);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await remove(connector.id);
      onClose();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={`Delete "${connector.name}"?`} onClose={onClose}>
      <p>
        {stored === null ? 'Counting its stored events…' : `Its ${eventsPhrase(stored)} will be deleted with it.`} Its API key and
        capture URL stop working at once. This cannot be undone.
      </p>
      {error && <p role="alert" className="error">{error}</p>}
      <DialogActions
        onCancel={onClose}
        focusCancel
        tone="danger"
        label="Delete connector"
        busyLabel="Deleting…"
        busy={busy}
        disabled={stored === null}
        onConfirm={() => void confirm()}
      />
    </Modal>
  );
}
