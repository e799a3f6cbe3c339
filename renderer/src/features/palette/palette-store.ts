import { create } from 'zustand';

/** Which of the keyboard dialogs is open, and the last thing a shortcut did (shown in the status bar). */
interface PaletteState {
  open: 'palette' | 'shortcuts' | null;
  notice: string;
  show(which: 'palette' | 'shortcuts'): void;
  close(): void;
  announce(text: string): void;
}

let noticeTimer: ReturnType<typeof setTimeout> | null = null;

export const usePaletteStore = create<PaletteState>((set) => ({
  open: null,
  notice: '',
  show(which) {
    set({ open: which });
  },
  close() {
    set({ open: null });
  },
  announce(text) {
    set({ notice: text });
    // A note about one key press is stale a few seconds later.
    if (noticeTimer) clearTimeout(noticeTimer);
    noticeTimer = text ? setTimeout(() => set({ notice: '' }), 6000) : null;
  },
}));
