import { EventsPanel } from '../features/events/EventsPanel';
import { ConnectorsPanel } from '../features/connectors/ConnectorsPanel';
import { ConnectorPage } from '../features/connectors/ConnectorPage';
import { WebhooksPanel } from '../features/webhooks/WebhooksPanel';
import { WebhookPage } from '../features/webhooks/WebhookPage';
import { useTabsStore } from '../stores/tabs-store';
import { WelcomePanel } from './WelcomePanel';

export function MainPanel() {
  const { tabs, activeId } = useTabsStore();
  const tab = tabs.find((t) => t.id === activeId);
  return (
    <main className="main-panel" role="tabpanel" aria-label={tab?.title ?? 'Nothing open'}>
      {!tab && <p className="muted center">Nothing is open. Pick Connectors, Webhooks or Events on the left.</p>}
      {tab?.kind === 'welcome' && <WelcomePanel />}
      {tab?.kind === 'events' && <EventsPanel />}
      {tab?.kind === 'connectors' && <ConnectorsPanel />}
      {tab?.kind === 'webhooks' && <WebhooksPanel />}
      {tab?.kind === 'connector' && tab.connectorId && <ConnectorPage key={tab.connectorId} connectorId={tab.connectorId} />}
      {tab?.kind === 'webhook' && tab.webhookId && <WebhookPage key={tab.webhookId} webhookId={tab.webhookId} />}
    </main>
  );
}
