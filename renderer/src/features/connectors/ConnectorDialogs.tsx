import { useConnector } from '../../stores/connectors-store';
import { useDialogsStore } from '../../stores/dialogs-store';
import { CreateConnectorDialog } from './CreateConnectorDialog';
import { DeleteConnectorDialog } from './DeleteConnectorDialog';
import { EditConnectorDialog } from './EditConnectorDialog';
import { ResetKeyDialog } from './ResetKeyDialog';

/** The connector dialog that is open, if any (mounted once, in the workspace frame). */
export function ConnectorDialogs() {
  const dialog = useDialogsStore((s) => s.dialog);
  const close = useDialogsStore((s) => s.close);
  const connector = useConnector(dialog && dialog.kind !== 'create' ? dialog.connectorId : undefined);
  if (!dialog) return null;
  if (dialog.kind === 'create') return <CreateConnectorDialog onClose={close} />;
  if (!connector) return null;
  const key = `${dialog.kind}:${connector.id}`;
  if (dialog.kind === 'edit') return <EditConnectorDialog key={key} connector={connector} onClose={close} />;
  if (dialog.kind === 'reset-key') return <ResetKeyDialog key={key} connector={connector} onClose={close} />;
  return <DeleteConnectorDialog key={key} connector={connector} onClose={close} />;
}
