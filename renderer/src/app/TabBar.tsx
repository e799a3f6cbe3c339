import { useTabsStore } from '../stores/tabs-store';

export function TabBar() {
  const { tabs, activeId, activate, close } = useTabsStore();
  return (
    <div className="tab-bar" role="tablist" aria-label="Open tabs">
      {tabs.map((tab) => (
        <div key={tab.id} className={tab.id === activeId ? 'tab active' : 'tab'}>
          <button type="button" role="tab" aria-selected={tab.id === activeId} onClick={() => activate(tab.id)}>
            {tab.title}
          </button>
          <button type="button" className="tab-close" aria-label={`Close ${tab.title} tab`} onClick={() => close(tab.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
