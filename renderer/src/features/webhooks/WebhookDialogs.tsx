import { useWebhookDialogsStore } from '../../stores/webhook-dialogs-store';
import { useWebhook } from '../../stores/webhooks-store';
import { CreateWebhookDialog } from './CreateWebhookDialog';
import { DeleteWebhookDialog } from './DeleteWebhookDialog';

/** The webhook dialog that is open, if any (mounted once, in the workspace frame). */
export function WebhookDialogs() {
  const dialog = useWebhookDialogsStore((s) => s.dialog);
  const close = useWebhookDialogsStore((s) => s.close);
  const webhook = useWebhook(dialog?.kind === 'delete' ? dialog.webhookId : undefined);
  if (!dialog) return null;
  if (dialog.kind === 'create') return <CreateWebhookDialog onClose={close} />;
  if (!webhook) return null;
  return <DeleteWebhookDialog key={webhook.id} webhook={webhook} onClose={close} />;
}
