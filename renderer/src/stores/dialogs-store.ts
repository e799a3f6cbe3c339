import { create } from 'zustand';

/** The one connector dialog that is open, if any: dialogs are mounted once, in the workspace frame. */
export type ConnectorDialog =
  | { kind: 'create' }
  | { kind: 'edit'; connectorId: string }
  | { kind: 'reset-key'; connectorId: string }
  | { kind: 'delete'; connectorId: string };

interface DialogsState {
  dialog: ConnectorDialog | null;
  open(dialog: ConnectorDialog): void;
  close(): void;
}

export const useDialogsStore = create<DialogsState>((set) => ({
  dialog: null,
  open(dialog) {
    set({ dialog });
  },
  close() {
    set({ dialog: null });
  },
}));
