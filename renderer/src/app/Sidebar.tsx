import { useTabsStore, type TabKind } from '../stores/tabs-store';
import { useEventsStore } from '../stores/events-store';
import { ConnectorsNav } from '../features/connectors/ConnectorsNav';
import { WebhooksNav } from '../features/webhooks/WebhooksNav';
import { focusPageHeading } from './page-focus';

const SECTIONS: { kind: TabKind; title: string; hint: string }[] = [
  { kind: 'connectors', title: 'Connectors', hint: 'Receive pushed events' },
  { kind: 'webhooks', title: 'Webhooks', hint: 'Deliver events to a URL' },
  { kind: 'events', title: 'Events', hint: 'Everything that arrived' },
  { kind: 'receiver-check', title: 'Receiver check', hint: 'Grade a receiver you wrote' },
];

export function Sidebar() {
  const open = useTabsStore((s) => s.open);
  const activeId = useTabsStore((s) => s.activeId);
  const eventCount = useEventsStore((s) => s.events.length);
  return (
    // Enter on an item opens it (the button's click) and then moves focus into the page.
    <nav className="sidebar" aria-label="Workspace" onKeyDown={(e) => e.key === 'Enter' && e.target instanceof HTMLButtonElement && focusPageHeading()}>
      <div className="brand">Hookdesk</div>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.kind}>
            <button
              type="button"
              className={activeId === section.kind ? 'nav-item active' : 'nav-item'}
              aria-current={activeId === section.kind ? 'page' : undefined}
              onClick={() => open({ id: section.kind, kind: section.kind, title: section.title })}
            >
              <span>{section.title}</span>
              {section.kind === 'events' && eventCount > 0 && <span className="badge" aria-label={`${eventCount} events`}>{eventCount}</span>}
              <small className="muted">{section.hint}</small>
            </button>
            {section.kind === 'connectors' && <ConnectorsNav />}
            {section.kind === 'webhooks' && <WebhooksNav />}
          </li>
        ))}
      </ul>
    </nav>
  );
}
