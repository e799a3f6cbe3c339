/** How long a page that is still loading (its code arrives on first open) may take to show its heading. */
const WAIT_MS = 5000;

let pending: { observer: MutationObserver; timer: ReturnType<typeof setTimeout> } | null = null;

function stop(): void {
  if (!pending) return;
  pending.observer.disconnect();
  clearTimeout(pending.timer);
  pending = null;
}

/** Focuses the heading of the page in front (made focusable with tabIndex -1); false when it is not there yet. */
function tryFocus(panel: HTMLElement): boolean {
  // A dialog the action opened (New connector) keeps the focus.
  if (document.querySelector('dialog[open]')) return true;
  const heading = panel.querySelector<HTMLElement>('h2');
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
  return true;
}

/**
 * Moves focus to the page that was just opened (Enter on a sidebar item, a palette choice), so the
 * next Tab is inside the page and a screen reader reads its heading. Waits for a page still loading.
 */
export function focusPageHeading(): void {
  stop();
  requestAnimationFrame(() => {
    const panel = document.getElementById('main-panel');
    if (!panel || tryFocus(panel)) return;
    const observer = new MutationObserver(() => {
      if (tryFocus(panel)) stop();
    });
    observer.observe(panel, { childList: true, subtree: true });
    pending = { observer, timer: setTimeout(stop, WAIT_MS) };
  });
}
