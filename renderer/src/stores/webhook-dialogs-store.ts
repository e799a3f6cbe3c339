import { create } from 'zustand';

/** The one webhook dialog that is open, if any (mounted once, in the workspace frame). */
export type WebhookDialog = { kind: 'create' } | { kind: 'delete'; webhookId: string };

interface WebhookDialogsState {
  dialog: WebhookDialog | null;
  open(dialog: WebhookDialog): void;
  close(): void;
}

export const useWebhookDialogsStore = create<WebhookDialogsState>((set) => ({
  dialog: null,
  open(dialog) {
    set({ dialog });
  },
  close() {
    set({ dialog: null });
  },
}));
