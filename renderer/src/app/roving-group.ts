import type { KeyboardEvent } from 'react';

/**
 * Arrow keys, Home and End inside a group of tabs or radios (WAI-ARIA "roving tabindex"): the group
 * is one Tab stop (only the selected item has tabIndex 0), the keys move focus to the next item and
 * select it, as a click would. Put on the `tablist`/`radiogroup` element's onKeyDown.
 */
export function rovingKeyDown(event: KeyboardEvent<HTMLElement>, itemSelector = '[role="tab"], [role="radio"]'): void {
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(itemSelector)).filter((el) => !el.hasAttribute('disabled'));
  const index = items.findIndex((el) => el === event.target || el.contains(event.target as Node));
  if (index < 0 || items.length === 0) return;
  const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const target = items[(next + items.length) % items.length];
  target?.focus();
  target?.click();
}
