import { lazy } from 'react';
import { LazyPart, LoadingStatus } from '../components/LazyPart';
import { useTabsStore } from '../stores/tabs-store';
import { tabElementId } from './TabBar';
import { WelcomePanel } from './WelcomePanel';

// Each page's code (and the charts and editors it uses) arrives when its tab first opens, so the
// first screen loads only the frame: see test/unit/build/bundle-size.test.ts.
const EventsPanel = lazy(() => import('../features/events/EventsPanel').then((m) => ({ default: m.EventsPanel })));
const ConnectorsPanel = lazy(() => import('../features/connectors/ConnectorsPanel').then((m) => ({ default: m.ConnectorsPanel })));
const ConnectorPage = lazy(() => import('../features/connectors/ConnectorPage').then((m) => ({ default: m.ConnectorPage })));
const WebhooksPanel = lazy(() => import('../features/webhooks/WebhooksPanel').then((m) => ({ default: m.WebhooksPanel })));
const WebhookPage = lazy(() => import('../features/webhooks/WebhookPage').then((m) => ({ default: m.WebhookPage })));
const ReceiverCheckPage = lazy(() => import('../features/receiver-check/ReceiverCheckPage').then((m) => ({ default: m.ReceiverCheckPage })));

export function MainPanel() {
  const { tabs, activeId } = useTabsStore();
  const tab = tabs.find((t) => t.id === activeId);
  return (
    // The open tab's panel: labelled by its tab (TabBar), or by words when nothing is open.
    <main
      id="main-panel"
      className="main-panel"
      role="tabpanel"
      aria-labelledby={tab ? tabElementId(tab.id) : undefined}
      aria-label={tab ? undefined : 'Nothing open'}
    >
      {!tab && <p className="muted center">Nothing is open. Pick Connectors, Webhooks or Events on the left.</p>}
      {tab?.kind === 'welcome' && <WelcomePanel />}
      {tab && tab.kind !== 'welcome' && (
        // Keyed by tab: a failed load on one page is forgotten when another tab opens.
        <LazyPart key={tab.id} loading={<LoadingStatus text="Loading page…" />} what="This page">
          {tab.kind === 'events' && <EventsPanel />}
          {tab.kind === 'connectors' && <ConnectorsPanel />}
          {tab.kind === 'webhooks' && <WebhooksPanel />}
          {tab.kind === 'connector' && tab.connectorId && <ConnectorPage key={tab.connectorId} connectorId={tab.connectorId} />}
          {tab.kind === 'webhook' && tab.webhookId && <WebhookPage key={tab.webhookId} webhookId={tab.webhookId} />}
          {tab.kind === 'receiver-check' && <ReceiverCheckPage />}
        </LazyPart>
      )}
    </main>
  );
}
