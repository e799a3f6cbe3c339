import { useEffect } from 'react';
import { useConnectionStore } from '../stores/connection-store';
import { usePaletteStore } from '../features/palette/palette-store';
import { saveFrontPage } from '../features/palette/save-registry';

/** True while the person is typing: a field, a select, a content-editable, or Monaco (a textarea). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'color', 'range'].includes(target.type);
  return false;
}

/** The main panel (the open tab's page). */
export function frontPage(): HTMLElement | null {
  return document.getElementById('main-panel');
}

/**
 * The search field of the page in front: the free-text box of a `role="search"` area (a search
 * input without a suggestion list), else any field there, else any search input on the page.
 */
function searchField(): HTMLInputElement | null {
  const panel = frontPage();
  if (!panel) return null;
  const candidates = [
    ...panel.querySelectorAll<HTMLInputElement>('[role="search"] input[type="search"]:not([list])'),
    ...panel.querySelectorAll<HTMLInputElement>('[role="search"] input'),
    ...panel.querySelectorAll<HTMLInputElement>('input[type="search"]'),
  ];
  return candidates.find((input) => input.getClientRects().length > 0 && !input.disabled) ?? null;
}

const SAVE_NOTES = {
  saving: '',
  'nothing-to-save': 'Nothing to save on this page.',
  'save-off': 'Save is off: the form says why.',
} as const;

/**
 * Ctrl/Cmd+K (palette) and Ctrl/Cmd+S (save) work everywhere, even inside an editor: they are
 * taken in the capture phase before Monaco sees them. `/` (search) and `?` (shortcuts) only when
 * not typing, so both can still be typed into fields. None of them act behind another open dialog.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const palette = usePaletteStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // While the engine is down the workspace is inert: nothing to open or save.
      const otherDialogOpen = (palette.open === null && document.querySelector('dialog[open]') !== null) || useConnectionStore.getState().engineDown;
      if (mod && !event.altKey && key === 'k') {
        event.preventDefault();
        event.stopPropagation();
        if (palette.open === 'palette') palette.close();
        else if (!otherDialogOpen) palette.show('palette');
        return;
      }
      if (mod && !event.altKey && key === 's') {
        // Never the browser's "Save page as".
        event.preventDefault();
        event.stopPropagation();
        if (palette.open !== null || otherDialogOpen) return;
        palette.announce(SAVE_NOTES[saveFrontPage(frontPage())]);
        return;
      }
      if (mod || event.altKey || isTyping(event.target) || palette.open !== null || otherDialogOpen) return;
      if (event.key === '/') {
        const field = searchField();
        if (!field) {
          palette.announce('This page has no search field.');
          return;
        }
        event.preventDefault();
        field.focus();
        field.select();
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        palette.show('shortcuts');
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
