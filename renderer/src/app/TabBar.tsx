import type { KeyboardEvent } from 'react';
import { useTabsStore } from '../stores/tabs-store';
import { rovingKeyDown } from './roving-group';

/** The id of a tab's `role="tab"` element (the main panel is labelled by it). */
export function tabElementId(tabId: string): string {
  return `tab-${tabId}`;
}

/**
 * Open tabs as one tablist (one Tab stop; arrow keys, Home and End move and open; Delete closes the
 * focused tab). The close buttons sit outside the tablist, which holds only tabs (a button inside
 * would break the tablist's structure for screen readers), and are placed after their tab with CSS
 * `order`; they are for the mouse (tabIndex -1), the keyboard closes with Delete.
 */
export function TabBar() {
  const { tabs, activeId, activate, close } = useTabsStore();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const id = (event.target as HTMLElement).dataset.tabId;
    if (event.key === 'Delete' && id) {
      event.preventDefault();
      const index = tabs.findIndex((t) => t.id === id);
      close(id);
      const next = tabs.filter((t) => t.id !== id)[Math.max(0, index - 1)];
      if (next) requestAnimationFrame(() => document.getElementById(tabElementId(next.id))?.focus());
      return;
    }
    rovingKeyDown(event);
  };
  return (
    <div className="tab-bar">
      <div className="tab-list" role="tablist" aria-label="Open tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            id={tabElementId(tab.id)}
            data-tab-id={tab.id}
            type="button"
            role="tab"
            className={tab.id === activeId ? 'tab active' : 'tab'}
            style={{ order: 2 * i }}
            aria-selected={tab.id === activeId}
            aria-controls="main-panel"
            aria-keyshortcuts="Delete"
            tabIndex={tab.id === activeId ? 0 : -1}
            onClick={() => activate(tab.id)}
          >
            {tab.title}
          </button>
        ))}
      </div>
      <div className="tab-closes">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            className={tab.id === activeId ? 'tab-close active' : 'tab-close'}
            style={{ order: 2 * i + 1 }}
            tabIndex={-1}
            aria-label={`Close ${tab.title} tab`}
            onClick={() => close(tab.id)}
          >
            ×
          </button>
        ))}
      </div>
    </div>
  );
}
