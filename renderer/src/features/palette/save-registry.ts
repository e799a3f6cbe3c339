import { useEffect, useRef } from 'react';

/**
 * Ctrl/Cmd+S saves the form of the page in front. A page can register its own save (the last one
 * registered and still mounted wins); without one, the page's form with a Save button (a submit in
 * its `.save-bar`) is submitted, exactly as if Save were pressed, so its checks and messages apply.
 */
const handlers: (() => void)[] = [];

/** Registers `save` for Ctrl/Cmd+S while the calling component is mounted. */
export function useSaveHandler(save: () => void): void {
  const ref = useRef(save);
  ref.current = save;
  useEffect(() => {
    const handler = (): void => ref.current();
    handlers.push(handler);
    return () => {
      const index = handlers.indexOf(handler);
      if (index >= 0) handlers.splice(index, 1);
    };
  }, []);
}

export type SaveOutcome = 'saving' | 'nothing-to-save' | 'save-off';

/** Runs the front page's save; answers what happened so the shortcut can say it. */
export function saveFrontPage(panel: HTMLElement | null): SaveOutcome {
  const registered = handlers.at(-1);
  if (registered) {
    registered();
    return 'saving';
  }
  const forms = Array.from(panel?.querySelectorAll<HTMLFormElement>('form') ?? []).filter(
    (form) => form.querySelector('.save-bar button[type="submit"]') !== null && form.getClientRects().length > 0,
  );
  const form = forms[0];
  if (!form) return 'nothing-to-save';
  const submit = form.querySelector<HTMLButtonElement>('.save-bar button[type="submit"]');
  if (submit?.disabled) return 'save-off';
  form.requestSubmit(submit ?? undefined);
  return 'saving';
}
